import {HelpCircleIcon} from '@sanity/icons/HelpCircle'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {documentRules} from '../rules/documentRules'
import {FAQ_CATEGORIES, SYNDICATION_MODES} from '../../model/constants'
import {
  languageField,
  medicalReviewField,
  reviewRequestField,
  referencesField,
  richTextField,
  sourcesField,
} from '../fields'
import {reviewPreviewSelect, reviewSubtitle} from '../previews'

export const faq = defineType({
  name: 'faq',
  title: 'FAQ',
  type: 'document',
  icon: HelpCircleIcon,
  validation: documentRules({review: true, richText: ['answer']}),
  groups: [
    {name: 'content', title: 'Question and answer', default: true},
    {name: 'review', title: 'Medical review'},
    {name: 'topics', title: 'Topics'},
    {name: 'sharing', title: 'Partner sharing'},
  ],
  fields: [
    defineField({
      name: 'question',
      title: 'Question',
      type: 'string',
      group: 'content',
      description: 'Phrase it the way a patient would ask it, ending with a question mark.',
      validation: (rule) => [
        rule.required().error('Write the question.'),
        rule.max(150).error('Keep the question to 150 characters or fewer.'),
        rule
          .custom((question) =>
            !question || question.trim().endsWith('?')
              ? true
              : 'End the question with a question mark (?).',
          )
          .error(),
      ],
    }),
    {
      ...richTextField('answer', 'Answer', 'simpleBlockContent', {
        group: 'content',
        description: 'A short, plain-language answer. Headings and images are not available here.',
        requiredMessage: 'Write the answer.',
      }),
      // The Studio's readability plugin puts its panel under fields marked so.
      options: {readability: true},
    },
    defineField({
      name: 'category',
      title: 'Category',
      type: 'string',
      group: 'topics',
      options: {list: [...FAQ_CATEGORIES]},
      validation: (rule) =>
        rule.required().error('Choose a category so the question can be found.'),
    }),
    referencesField(
      'conditions',
      'Conditions',
      'condition',
      'Conditions this answers about.',
      'topics',
    ),
    referencesField(
      'treatments',
      'Treatments',
      'treatment',
      'Treatments this answers about.',
      'topics',
    ),
    defineField({
      name: 'orderRank',
      title: 'Sort key',
      type: 'string',
      group: 'topics',
      description:
        'Questions are listed in the alphabetical order of this key (e.g. 0010, 0020). Leave gaps to insert later.',
    }),
    reviewRequestField('review'),
    medicalReviewField('review'),
    sourcesField('review'),
    languageField('content'),
    defineField({
      name: 'translationOf',
      title: 'Translation of',
      type: 'reference',
      group: 'content',
      to: [{type: 'faq'}],
      description: 'For a translated question: the original it translates.',
      hidden: ({document}) => document?.language === 'en' && !document?.translationOf,
      options: {filter: 'language == "en"'},
    }),
    defineField({
      name: 'syndication',
      title: 'Partner sharing',
      type: 'object',
      group: 'sharing',
      description: 'Which partner clinics may show this question on their sites.',
      fields: [
        defineField({
          name: 'mode',
          title: 'Share with',
          type: 'string',
          options: {list: [...SYNDICATION_MODES], layout: 'radio'},
          initialValue: 'all',
          validation: (rule) => rule.required().error('Choose who may show this question.'),
        }),
        defineField({
          name: 'partners',
          title: 'Partner clinics',
          type: 'array',
          of: [defineArrayMember({type: 'reference', to: [{type: 'partner'}]})],
          hidden: ({parent}) => (parent as {mode?: string} | undefined)?.mode !== 'selected',
          validation: (rule) =>
            rule.custom((partners, context) =>
              (context.parent as {mode?: string} | undefined)?.mode === 'selected' &&
              (!Array.isArray(partners) || partners.length === 0)
                ? 'Choose at least one partner clinic, or share with all partners.'
                : true,
            ),
        }),
      ],
      initialValue: {mode: 'all'},
    }),
    defineField({
      name: 'importedFrom',
      title: 'Imported from',
      type: 'importSource',
      group: 'content',
    }),
  ],
  orderings: [
    {title: 'Sort key', name: 'orderRankAsc', by: [{field: 'orderRank', direction: 'asc'}]},
  ],
  preview: {
    select: {title: 'question', language: 'language', ...reviewPreviewSelect},
    prepare: ({title, language, ...review}) => ({
      title,
      subtitle: `${language === 'es' ? 'ES · ' : ''}${reviewSubtitle(review)}`,
    }),
  },
})
