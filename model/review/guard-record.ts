// What the review guard (functions/review-guard, a Sanity Function) writes when it repairs a
// published text that no approval backs: one record per repair, which editors read in the Studio
// beside the review trail. The Studio's schema (schemas/documents/reviewGuardEvent.ts) and the
// function share these names.
import {publishedIdOf} from '../sanity/ids'

/** Type of the guard's records. */
export const REVIEW_GUARD_EVENT_TYPE = 'reviewGuardEvent'
/** The records live under this id path, which a public (tokenless) reader never sees. */
export const REVIEW_GUARD_ID_PREFIX = 'reviewGuard.'

/** What the guard did: put the last approved revision back, or unpublished the text. */
export type ReviewGuardAction = 'restored' | 'unpublished'
export const REVIEW_GUARD_ACTIONS: {value: ReviewGuardAction; title: string}[] = [
  {value: 'restored', title: 'Put the last approved text back'},
  {value: 'unpublished', title: 'Unpublished (kept as a draft)'},
]

export interface ReviewGuardEvent {
  _id: string
  _type: typeof REVIEW_GUARD_EVENT_TYPE
  action: ReviewGuardAction
  /** The published id of the article or FAQ. */
  documentId: string
  documentType: string
  /** Its title or question as the changed revision had it. */
  documentTitle: string
  /** Why the published text was not backed by its approval (model/review/state.ts message). */
  reason: string
  /** The medical fields that differ from the approved text (empty when none was found). */
  changedFields: string[]
  /** The revision the guard found published. */
  changedRevision: string
  /** Who wrote it (user or token id from the dataset's history), when known. */
  changedBy: string | null
  /** When it was written (ISO date-time), when known. */
  changedAt: string | null
  /** The changed medical text as plain text, for editors to compare. */
  changedText: string
  /** `restored`: the approved revision put back, and its approval record. */
  restoredRevision?: string
  approvalRecord?: string
  /** `unpublished`: the draft that keeps the text. */
  draftId?: string
  /** The guard's own user (robot token) id, when known. */
  guardUser: string | null
  /** When the guard acted (ISO date-time). */
  at: string
}

/** A new record's id: under `reviewGuard.`, named after the document, unique per repair. */
export function reviewGuardEventId(documentId: string, unique: string): string {
  return `${REVIEW_GUARD_ID_PREFIX}${publishedIdOf(documentId)}.${unique}`
}
