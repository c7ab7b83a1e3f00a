import {DocumentsIcon} from '@sanity/icons/Documents'
import {defineField, defineType} from 'sanity'

export const internalLink = defineType({
  name: 'internalLink',
  title: 'Link to our content',
  type: 'object',
  icon: DocumentsIcon,
  description: 'A link to another article, condition, treatment or clinician of ours.',
  fields: [
    defineField({
      name: 'reference',
      title: 'Links to',
      type: 'reference',
      to: [{type: 'article'}, {type: 'condition'}, {type: 'treatment'}, {type: 'clinician'}],
      validation: (rule) => rule.required().error('Choose the page this link goes to.'),
    }),
  ],
})
