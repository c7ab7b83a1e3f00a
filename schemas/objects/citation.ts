import {BookIcon} from '@sanity/icons/Book'
import {defineField, defineType} from 'sanity'
import {WEB_SCHEMES} from '../../model/links'

export const citation = defineType({
  name: 'citation',
  title: 'Source',
  type: 'object',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      description: 'The title of the page, paper or guideline.',
      validation: (rule) => rule.required().error('Enter the title of the source.'),
    }),
    defineField({
      name: 'publisher',
      title: 'Publisher',
      type: 'string',
      description: 'Who published it, e.g. World Health Organization.',
      validation: (rule) => rule.required().error('Enter who published the source.'),
    }),
    defineField({
      name: 'url',
      title: 'Web address',
      type: 'url',
      validation: (rule) =>
        rule.uri({scheme: WEB_SCHEMES}).error('Enter a web address starting with https://.'),
    }),
    defineField({name: 'publishedAt', title: 'Published', type: 'date'}),
    defineField({
      name: 'accessedAt',
      title: 'Accessed',
      type: 'date',
      description: 'The day you last checked the source.',
    }),
  ],
  preview: {
    select: {title: 'title', publisher: 'publisher', publishedAt: 'publishedAt'},
    prepare: ({title, publisher, publishedAt}) => ({
      title,
      subtitle: [publisher, publishedAt?.slice(0, 4)].filter(Boolean).join(', '),
    }),
  },
})
