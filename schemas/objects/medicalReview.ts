import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {defineField, defineType} from 'sanity'
import {DEFAULT_REVIEW_INTERVAL_MONTHS, SCHEMA_API_VERSION, SITE_SETTINGS_ID} from '../constants'
import {addMonths, todayIso, type ReviewDates} from '../rules/review'

export const medicalReview = defineType({
  name: 'medicalReview',
  title: 'Medical review',
  type: 'object',
  icon: CheckmarkCircleIcon,
  // A new review starts today and falls due after the clinic's review interval.
  initialValue: async (_params, {getClient}) => {
    const interval = await getClient({apiVersion: SCHEMA_API_VERSION})
      .fetch<number | null>('*[_id == $id][0].reviewIntervalMonths', {id: SITE_SETTINGS_ID})
      .catch(() => null)
    const reviewedAt = todayIso()
    return {
      reviewedAt,
      nextReviewDue: addMonths(reviewedAt, interval ?? DEFAULT_REVIEW_INTERVAL_MONTHS),
    }
  },
  fields: [
    defineField({
      name: 'reviewer',
      title: 'Reviewed by',
      type: 'reference',
      to: [{type: 'clinician'}],
      description: 'Only clinicians marked “can review medical content” are offered.',
      options: {filter: 'canReview == true'},
      validation: (rule) =>
        rule
          .custom(async (reviewer: {_ref?: string} | undefined, {getClient}) => {
            if (!reviewer?._ref)
              return 'Choose the clinician who checked this text for medical accuracy.'
            const canReview = await getClient({apiVersion: SCHEMA_API_VERSION}).fetch<
              boolean | null
            >('*[_id in [$id, "drafts." + $id]][0].canReview', {id: reviewer._ref})
            return canReview === true
              ? true
              : 'This clinician is not marked “can review medical content”. Choose a reviewer who is.'
          })
          .error(),
    }),
    defineField({
      name: 'reviewedAt',
      title: 'Review date',
      type: 'date',
      description: 'The day the clinician finished the review.',
      validation: (rule) =>
        rule
          .required()
          .error('Enter the date of the medical review.')
          .custom((date) =>
            date && date > todayIso() ? 'The review date cannot be in the future.' : true,
          ),
    }),
    defineField({
      name: 'nextReviewDue',
      title: 'Next review due',
      type: 'date',
      description: `When the text must be checked again. Leave empty for ${DEFAULT_REVIEW_INTERVAL_MONTHS} months after the review date.`,
      validation: (rule) =>
        rule.custom((due, context) => {
          const reviewedAt = (context.parent as ReviewDates | undefined)?.reviewedAt
          return due && reviewedAt && due <= reviewedAt
            ? 'The next review must come after the review date.'
            : true
        }),
    }),
  ],
  preview: {
    select: {
      honorificPrefix: 'reviewer.honorificPrefix',
      givenName: 'reviewer.givenName',
      familyName: 'reviewer.familyName',
      reviewedAt: 'reviewedAt',
    },
    prepare: ({honorificPrefix, givenName, familyName, reviewedAt}) => ({
      title: [honorificPrefix, givenName, familyName].filter(Boolean).join(' ') || 'No reviewer',
      subtitle: reviewedAt ? `Reviewed ${reviewedAt}` : 'Not reviewed',
    }),
  },
})
