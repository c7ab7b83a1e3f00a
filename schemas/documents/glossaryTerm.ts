import {BookIcon} from '@sanity/icons/Book'
import {defineField, defineType} from 'sanity'
import {languageField} from '../fields'

/** Longest definition: a glossary entry explains in a sentence or two. */
const MAX_DEFINITION = 300

// A word patients may not know, with the plain word to use instead. The readability panel finds
// these terms in a text (model/readability/glossary.ts) and suggests the alternative.
export const glossaryTerm = defineType({
  name: 'glossaryTerm',
  title: 'Glossary term',
  type: 'document',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'term',
      title: 'Term',
      type: 'string',
      description:
        'The word or phrase as written, singular, e.g. Analgesic. Plurals (analgesics) are found too.',
      validation: (rule) => [
        rule.required().error('Enter the term to look for.'),
        rule.max(80).error('Keep the term to 80 characters or fewer: a word or short phrase.'),
      ],
    }),
    defineField({
      name: 'plainAlternative',
      title: 'Plain alternative',
      type: 'string',
      description: 'What to write instead, in everyday words, e.g. Pain reliever.',
      validation: (rule) =>
        rule.required().warning('Add a plain alternative so editors know what to write instead.'),
    }),
    defineField({
      name: 'definition',
      title: 'Definition',
      type: 'text',
      rows: 3,
      description: 'A short explanation for readers, in plain words.',
      validation: (rule) =>
        rule
          .max(MAX_DEFINITION)
          .error(`Keep the definition to ${MAX_DEFINITION} characters or fewer.`),
    }),
    languageField(),
  ],
  preview: {
    select: {term: 'term', plain: 'plainAlternative', language: 'language'},
    prepare: ({term, plain, language}) => ({
      title: term || 'Untitled term',
      subtitle: [plain ? `→ ${plain}` : 'No plain alternative', language?.toUpperCase()]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
