import {HashIcon} from '@sanity/icons/Hash'
import {defineField, defineType} from 'sanity'

interface SourceLike {
  _key?: string
  title?: string
}

export const citationMarker = defineType({
  name: 'citationMarker',
  title: 'Citation',
  type: 'object',
  icon: HashIcon,
  description: 'Marks the text a source backs up; readers see a numbered reference.',
  fields: [
    defineField({
      name: 'sourceKey',
      title: 'Source',
      type: 'string',
      description:
        'The key of one of this document’s sources (open the source in the Sources list to see it).',
      validation: (rule) =>
        rule.required().custom((key, context) => {
          const sources = (context.document?.sources ?? []) as SourceLike[]
          if (!key) return true
          return sources.some((source) => source._key === key)
            ? true
            : 'This citation points at a source that is not in the Sources list. Pick one of the listed sources.'
        }),
    }),
  ],
})
