import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {documentRules, SLUG_MISSING} from '../rules/documentRules'
import {AUDIENCES} from '../../model/constants'
import {
  languageField,
  medicalReviewField,
  reviewRequestField,
  referencesField,
  richTextField,
  slugField,
  sourcesField,
} from '../fields'
import {reviewPreviewSelect, reviewSubtitle} from '../previews'

export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  icon: DocumentTextIcon,
  validation: documentRules({review: true, slug: SLUG_MISSING, richText: ['body']}),
  groups: [
    {name: 'content', title: 'Content', default: true},
    {name: 'review', title: 'Medical review'},
    {name: 'topics', title: 'Topics'},
    {name: 'seo', title: 'Search engines'},
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'content',
      description: 'A clear, plain-language headline patients would search for.',
      validation: (rule) =>
        rule
          .required()
          .error('Give the article a title.')
          .max(100)
          .warning('Titles over 100 characters are hard to scan.'),
    }),
    slugField('title', 'content'),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      group: 'content',
      description: 'One or two sentences shown in lists and search results (the meta description).',
      // The Studio's readability plugin puts its panel under fields marked so.
      options: {readability: true},
      validation: (rule) => [
        rule.required().error('Write a short summary of the article.'),
        rule.max(200).error('The summary must be 200 characters or fewer.'),
        rule.max(160).warning('Summary is long: search engines show about 160 characters of it.'),
      ],
    }),
    defineField({
      name: 'heroImage',
      title: 'Main image',
      type: 'image',
      group: 'content',
      options: {hotspot: true},
      fields: [
        defineField({
          name: 'alt',
          title: 'Alternative text',
          type: 'string',
          description: 'Describe the image for people who cannot see it.',
          validation: (rule) =>
            rule.custom((alt, context) =>
              (context.parent as {asset?: unknown} | undefined)?.asset && !alt
                ? 'Missing alt text: describe the image for screen reader users.'
                : true,
            ),
        }),
      ],
    }),
    {
      ...richTextField('body', 'Body', 'blockContent', {
        group: 'content',
        requiredMessage: 'Write the article’s text.',
      }),
      // The Studio's readability plugin puts its panel under fields marked so.
      options: {readability: true},
    },
    defineField({
      name: 'author',
      title: 'Author',
      type: 'reference',
      to: [{type: 'clinician'}],
      group: 'content',
    }),
    reviewRequestField('review'),
    medicalReviewField('review'),
    sourcesField('review'),
    referencesField(
      'conditions',
      'Conditions',
      'condition',
      'The conditions this article is about.',
      'topics',
    ),
    referencesField(
      'treatments',
      'Treatments',
      'treatment',
      'The treatments this article is about.',
      'topics',
    ),
    referencesField(
      'relatedFaqs',
      'Related questions',
      'faq',
      'Questions shown after the article.',
      'topics',
    ),
    defineField({
      name: 'audience',
      title: 'Written for',
      type: 'array',
      group: 'topics',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...AUDIENCES], layout: 'grid'},
      initialValue: ['patients'],
      validation: (rule) => rule.required().min(1).error('Choose who this article is written for.'),
    }),
    languageField('content'),
    defineField({name: 'seo', title: 'Search engines', type: 'seo', group: 'seo'}),
    defineField({
      name: 'publishedAt',
      title: 'Published',
      type: 'datetime',
      group: 'content',
      description: 'Shown to readers; set when the article first goes live.',
    }),
    defineField({
      name: 'importedFrom',
      title: 'Imported from',
      type: 'importSource',
      group: 'content',
    }),
  ],
  orderings: [
    {title: 'Title', name: 'titleAsc', by: [{field: 'title', direction: 'asc'}]},
    {
      title: 'Review due',
      name: 'reviewDueAsc',
      by: [{field: 'medicalReview.nextReviewDue', direction: 'asc'}],
    },
  ],
  preview: {
    select: {title: 'title', media: 'heroImage', language: 'language', ...reviewPreviewSelect},
    prepare: ({title, media, language, ...review}) => ({
      title,
      media,
      subtitle: `${language === 'es' ? 'ES · ' : ''}${reviewSubtitle(review)}`,
    }),
  },
})
