// List previews for reviewed content show where the review stands. A preview's select cannot
// run the fingerprint, so it tells the request's status, else the approval it carries
// (the document's validation says whether that approval still covers the text).
import {reviewListStatus} from './rules/approval'
import {reviewDueDate, reviewStatus} from './rules/review'

export const reviewPreviewSelect = {
  requestStatus: 'reviewRequest.status',
  requestPrefix: 'reviewRequest.reviewer.honorificPrefix',
  requestGivenName: 'reviewRequest.reviewer.givenName',
  requestFamilyName: 'reviewRequest.reviewer.familyName',
  reviewerName: 'medicalReview.reviewerName',
  reviewedAt: 'medicalReview.reviewedAt',
  nextReviewDue: 'medicalReview.nextReviewDue',
} as const

export interface ReviewPreviewValues {
  requestStatus?: string
  requestPrefix?: string
  requestGivenName?: string
  requestFamilyName?: string
  reviewerName?: string
  reviewedAt?: string
  nextReviewDue?: string
}

/**
 * e.g. "In review · Dr. Sloane Yu", "Changes requested · Dr. Sloane Yu",
 * "Reviewed by Dr. Sloane Yu · due 2027-11-02", "Review overdue since 2026-01-10 (Dr. Sloane Yu)",
 * "Not reviewed".
 */
export function reviewSubtitle(values: ReviewPreviewValues): string {
  if (values.requestStatus === 'inReview' || values.requestStatus === 'changesRequested') {
    const requested = [values.requestPrefix, values.requestGivenName, values.requestFamilyName]
      .filter(Boolean)
      .join(' ')
    return reviewListStatus('notReviewed', {status: values.requestStatus}, requested || undefined)
  }
  const review = {reviewedAt: values.reviewedAt, nextReviewDue: values.nextReviewDue}
  const name = values.reviewerName
  switch (reviewStatus(review)) {
    case 'not-reviewed':
      return reviewListStatus('notReviewed', null)
    case 'overdue':
      return `Review overdue since ${reviewDueDate(review)}${name ? ` (${name})` : ''}`
    case 'current':
      return `${reviewListStatus('approved', null, name)} · due ${reviewDueDate(review)}`
  }
}
