import {CogIcon} from '@sanity/icons/Cog'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  LANGUAGES,
  MAX_READING_GRADE,
  SITE_SETTINGS_TYPE,
} from '../../model/constants'
import {READING_GRADE_TARGET_RANGE} from '../../model/readability/targets'

/** One document (id SITE_SETTINGS_ID, model/constants.ts) with clinic-wide defaults. */
export const siteSettings = defineType({
  name: SITE_SETTINGS_TYPE,
  title: 'Settings',
  type: 'document',
  icon: CogIcon,
  fields: [
    defineField({
      name: 'organization',
      title: 'Our clinic',
      type: 'reference',
      to: [{type: 'clinic'}],
      description: 'The clinic that publishes this content.',
      validation: (rule) => rule.required().error('Choose the clinic that publishes the content.'),
    }),
    defineField({
      name: 'disclaimer',
      title: 'Medical disclaimer',
      type: 'text',
      rows: 4,
      description: 'Shown under every article and FAQ list.',
      validation: (rule) => rule.required().error('Write the medical disclaimer.'),
    }),
    defineField({
      name: 'reviewIntervalMonths',
      title: 'Review interval (months)',
      type: 'number',
      description: 'How long a medical review stays current.',
      initialValue: DEFAULT_REVIEW_INTERVAL_MONTHS,
      validation: (rule) =>
        rule
          .required()
          .integer()
          .min(1)
          .max(36)
          .error('Use a whole number of months from 1 to 36.'),
    }),
    defineField({
      name: 'fourEyesReview',
      title: 'Four-eyes review',
      type: 'boolean',
      description:
        'A reviewer cannot approve a draft with changes they wrote since the last approval.',
      // Missing counts as on (rules/approval.ts): only an explicit "off" lifts the rule.
      initialValue: true,
    }),
    defineField({
      name: 'readingGradeTarget',
      title: 'Reading grade target',
      type: 'number',
      description:
        'The highest Flesch-Kincaid grade for English patient texts. The readability panel and the warning under long texts use it.',
      initialValue: MAX_READING_GRADE,
      validation: (rule) =>
        rule
          .min(READING_GRADE_TARGET_RANGE.min)
          .max(READING_GRADE_TARGET_RANGE.max)
          .error(
            `Use a grade from ${READING_GRADE_TARGET_RANGE.min} to ${READING_GRADE_TARGET_RANGE.max}; 8 suits most patient texts.`,
          ),
    }),
    defineField({
      name: 'languages',
      title: 'Languages',
      type: 'array',
      description: 'The languages the site publishes in.',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...LANGUAGES]},
      initialValue: ['en'],
      validation: (rule) => rule.required().min(1).error('Choose at least one language.'),
    }),
  ],
  preview: {prepare: () => ({title: 'Settings'})},
})
