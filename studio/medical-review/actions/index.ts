// The medical review's document actions: the review actions around a gated Publish for articles
// and FAQs, none for the review trail (its records are written once by the review actions and
// never changed), every other type's actions as they are.
import type {DocumentActionComponent} from 'sanity'
import {isReviewedType, REVIEW_RECORD_TYPE} from '../../../model/review/state'
import {ApproveAction} from './approve'
import {withReviewGate} from './publish'
import {RequestChangesAction} from './requestChanges'
import {RequestReviewAction} from './requestReview'

export function reviewActions(
  actions: DocumentActionComponent[],
  schemaType: string,
): DocumentActionComponent[] {
  if (schemaType === REVIEW_RECORD_TYPE) return []
  if (!isReviewedType(schemaType)) return actions
  const gated = actions.map((action) =>
    action.action === 'publish' ? withReviewGate(action) : action,
  )
  const [primary, ...rest] = gated
  // The Studio makes the first shown action the main button: Approve for the clinician asked
  // (hidden from everyone else), Publish for editors; Request review first in the menu.
  return primary
    ? [ApproveAction, RequestChangesAction, primary, RequestReviewAction, ...rest]
    : gated
}
