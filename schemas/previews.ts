// List previews for reviewed content show the reviewer and where the review stands.
import {reviewDueDate, reviewStatus} from './rules/review'

export const reviewPreviewSelect = {
  reviewerPrefix: 'medicalReview.reviewer.honorificPrefix',
  reviewerFamilyName: 'medicalReview.reviewer.familyName',
  reviewedAt: 'medicalReview.reviewedAt',
  nextReviewDue: 'medicalReview.nextReviewDue',
} as const

export interface ReviewPreviewValues {
  reviewerPrefix?: string
  reviewerFamilyName?: string
  reviewedAt?: string
  nextReviewDue?: string
}

/** e.g. "Reviewed by Dr. Yu · due 2026-09-01", "Review overdue (Dr. Yu)", "Not reviewed". */
export function reviewSubtitle(values: ReviewPreviewValues): string {
  const reviewer = [values.reviewerPrefix, values.reviewerFamilyName].filter(Boolean).join(' ')
  const review = {reviewedAt: values.reviewedAt, nextReviewDue: values.nextReviewDue}
  switch (reviewStatus(review)) {
    case 'not-reviewed':
      return 'Not reviewed'
    case 'overdue':
      return `Review overdue since ${reviewDueDate(review)}${reviewer ? ` (${reviewer})` : ''}`
    case 'current':
      return reviewer
        ? `Reviewed by ${reviewer} · due ${reviewDueDate(review)}`
        : `No reviewer chosen · due ${reviewDueDate(review)}`
  }
}
