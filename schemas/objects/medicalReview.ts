import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {defineField, defineType, type ConditionalPropertyCallbackContext} from 'sanity'
import {editorDate} from '../../model/review/state'
import type {ReviewDates} from '../../model/review/dates'

/** Roles that may move the next review's date of an approved text. */
const DUE_DATE_ROLES = new Set(['medicalReviewer', 'administrator'])

/** The due date is the reviewer's call: read-only for everyone else. */
export function dueDateReadOnly({
  currentUser,
}: Pick<ConditionalPropertyCallbackContext, 'currentUser'>) {
  return !currentUser?.roles.some((role) => DUE_DATE_ROLES.has(role.name))
}

// A copy of the approval record the reviewer's "Approve" action writes. Every field but the due
// date is read-only: the review is the clinician's sign-off, never typed in by an editor. (Each
// field is read-only rather than the object, because a read-only object makes all its fields so.)
// There is no initial value: a new text starts unreviewed.
export const medicalReview = defineType({
  name: 'medicalReview',
  title: 'Medical review',
  type: 'object',
  icon: CheckmarkCircleIcon,
  fieldsets: [
    {
      name: 'approval',
      title: 'Approval details',
      description: 'What ties this review to the exact text the clinician approved.',
      options: {collapsible: true, collapsed: true},
    },
  ],
  fields: [
    defineField({
      name: 'reviewer',
      title: 'Approved by',
      type: 'reference',
      to: [{type: 'clinician'}],
      readOnly: true,
      description: 'The clinician who approved this text.',
    }),
    defineField({
      name: 'reviewerName',
      title: 'Reviewer’s name',
      type: 'string',
      readOnly: true,
      description: 'The name readers see in the byline, as it was on the day of the approval.',
    }),
    defineField({
      name: 'reviewedAt',
      title: 'Approved on',
      type: 'date',
      readOnly: true,
      description: 'The day the clinician approved the text.',
    }),
    defineField({
      name: 'nextReviewDue',
      title: 'Next review due',
      type: 'date',
      readOnly: dueDateReadOnly,
      description:
        'When the text must be checked again. Set in the approval; medical reviewers and administrators can change it.',
      validation: (rule) =>
        rule.custom((due, context) => {
          const reviewedAt = (context.parent as ReviewDates | undefined)?.reviewedAt
          return due && reviewedAt && due <= reviewedAt
            ? 'The next review must come after the approval date.'
            : true
        }),
    }),
    defineField({
      name: 'approvedBy',
      title: 'Studio user',
      type: 'string',
      fieldset: 'approval',
      readOnly: true,
      description: 'The Studio user who approved the text.',
    }),
    defineField({
      name: 'fingerprint',
      title: 'Fingerprint',
      type: 'string',
      fieldset: 'approval',
      readOnly: true,
      description: 'Identifies the exact medical text that was approved.',
    }),
    defineField({
      name: 'record',
      title: 'Approval record',
      type: 'string',
      fieldset: 'approval',
      readOnly: true,
      description: 'The id of the approval in the review trail.',
    }),
  ],
  preview: {
    select: {reviewerName: 'reviewerName', reviewedAt: 'reviewedAt'},
    prepare: ({reviewerName, reviewedAt}: {reviewerName?: string; reviewedAt?: string}) => ({
      title:
        reviewerName && reviewedAt
          ? `${reviewerName} · approved ${editorDate(reviewedAt)}`
          : 'Not reviewed',
    }),
  },
})
