// The document actions of each type: the review actions for articles and FAQs, none for the
// review trail (its records are written once by the review actions and never changed).
import type {DocumentActionComponent} from 'sanity'
import {REVIEW_RECORD_TYPE, REVIEWED_TYPES} from '../../model/review/state'
import {ApproveAction} from '../medical-review/actions/approve'
import {withReviewGate} from '../medical-review/actions/publish'
import {RequestChangesAction} from '../medical-review/actions/requestChanges'
import {RequestReviewAction} from '../medical-review/actions/requestReview'
import {singletonActions} from './singleton'

const SINGLETON_TYPES = new Set(['siteSettings'])
const reviewed = new Set<string>(REVIEWED_TYPES)

export function documentActions(
  actions: DocumentActionComponent[],
  schemaType: string,
): DocumentActionComponent[] {
  if (schemaType === REVIEW_RECORD_TYPE) return []
  if (SINGLETON_TYPES.has(schemaType)) return singletonActions(actions)
  if (!reviewed.has(schemaType)) return actions
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
