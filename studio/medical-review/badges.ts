import type {DocumentBadgeComponent} from 'sanity'
import {reviewDueDate, reviewStatus, type ReviewDates} from '../../model/review/dates'

/** Red "Review overdue" badge on articles and FAQs whose medical review has lapsed. */
export const reviewOverdueBadge: DocumentBadgeComponent = ({draft, published}) => {
  const review = (draft ?? published)?.medicalReview as ReviewDates | undefined
  if (reviewStatus(review) !== 'overdue') return null
  return {
    label: 'Review overdue',
    title: `The medical review was due on ${reviewDueDate(review)}.`,
    color: 'danger',
  }
}
