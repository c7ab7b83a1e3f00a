import {BookIcon} from '@sanity/icons/Book'
import {defineField, defineType} from 'sanity'

export const education = defineType({
  name: 'education',
  title: 'Education',
  type: 'object',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'degree',
      title: 'Degree or training',
      type: 'string',
      description: 'e.g. Doctor of Medicine, Residency in Anesthesiology.',
      validation: (rule) => rule.required().error('Enter the degree or training.'),
    }),
    defineField({
      name: 'institution',
      title: 'Institution',
      type: 'string',
      validation: (rule) => rule.required().error('Enter where it was completed.'),
    }),
    defineField({
      name: 'year',
      title: 'Year completed',
      type: 'number',
      validation: (rule) =>
        rule
          .integer()
          .min(1940)
          .max(new Date().getUTCFullYear() + 6)
          .error('Enter a four-digit year.'),
    }),
  ],
  preview: {
    select: {title: 'degree', institution: 'institution', year: 'year'},
    prepare: ({title, institution, year}) => ({
      title,
      subtitle: [institution, year].filter(Boolean).join(', '),
    }),
  },
})
