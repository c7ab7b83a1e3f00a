// When a medical review falls due, and whether it is overdue.
import {DEFAULT_REVIEW_INTERVAL_MONTHS} from '../constants'

export interface ReviewDates {
  reviewedAt?: string | null
  nextReviewDue?: string | null
}

/** Adds whole months to an ISO date (YYYY-MM-DD), clamping to the month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return target.toISOString().slice(0, 10)
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** The date the next review is due: the explicit date, else reviewedAt plus the interval. */
export function reviewDueDate(
  review: ReviewDates | undefined | null,
  intervalMonths = DEFAULT_REVIEW_INTERVAL_MONTHS,
): string | null {
  if (review?.nextReviewDue) return review.nextReviewDue.slice(0, 10)
  if (review?.reviewedAt) return addMonths(review.reviewedAt, intervalMonths)
  return null
}

export type ReviewStatus = 'not-reviewed' | 'current' | 'overdue'

export function reviewStatus(
  review: ReviewDates | undefined | null,
  now: Date = new Date(),
): ReviewStatus {
  const due = reviewDueDate(review)
  if (!review?.reviewedAt || !due) return 'not-reviewed'
  return due < todayIso(now) ? 'overdue' : 'current'
}

/** The warning on a medical review whose due date has passed; true when it is current. */
export function overdueReviewMessage(review: ReviewDates | undefined | null): true | string {
  return reviewStatus(review) === 'overdue'
    ? `Medical review overdue: it was due on ${reviewDueDate(review)}. Ask a clinician to review the text again.`
    : true
}
