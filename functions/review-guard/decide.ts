// What the review guard does with one published article or FAQ, decided without a network: the
// handler (index.ts) reads the document, the approval it points at, who wrote it and its earlier
// revisions, and writes what this module decides.
//
// The rules are the review model's (model/review/state.ts reviewState, model/review/fingerprint.ts),
// the ones the Studio's publish rule and the lake's commit check apply: a published text may claim
// a medical review only when the approval record it points at is an approval of that document
// whose fingerprint is the text's. A text that claims no review claims nothing and is left alone,
// as the lake's check leaves it.
import {
  MEDICAL_CONTENT_FIELDS,
  canonicalJson,
  fingerprintOfSync,
  medicalContent,
  medicalText,
} from '../../model/review/fingerprint'
import {
  REVIEW_RECORD_ID_PREFIX,
  REVIEW_RECORD_TYPE,
  isReviewedType,
  reviewBlockingMessage,
  reviewState,
  type MedicalReviewValue,
  type ReviewRecord,
} from '../../model/review/state'
import {
  REVIEW_GUARD_EVENT_TYPE,
  reviewGuardEventId,
  type ReviewGuardEvent,
} from '../../model/review/guard-record'
import {draftId, isPublishedId} from '../../model/sanity/ids'

/** A published article or FAQ as the guard reads it (the Blueprint's projection, or the whole). */
export interface GuardedDocument {
  _id: string
  _type: string
  _rev?: string
  medicalReview?: MedicalReviewValue | null
  [field: string]: unknown
}

/** An earlier revision of the published document and the approval record it pointed at. */
export interface Revision {
  revision: string
  doc: GuardedDocument
  record: ReviewRecord | null
}

export interface GuardInput {
  /** The published document after the change. */
  doc: GuardedDocument
  /** The document `doc.medicalReview.record` names, or null when there is none. */
  record: unknown
  /** Who wrote this revision (from the dataset's history), when known. */
  author: string | null
  /** The guard's own user (its robot token's), when known. */
  guardUser: string | null
}

export type Assessment =
  | {verdict: 'leave'; reason: string}
  | {verdict: 'repair'; reason: string; state: 'changed' | 'unapproved'}

export type GuardPlan =
  | {action: 'none'; reason: string}
  | {action: 'restore'; reason: string; revision: Revision; changedFields: string[]}
  | {action: 'unpublish'; reason: string; changedFields: string[]}

/** The record a review points at, when it is one of the trail's approval records. */
export function trailRecord(value: unknown): ReviewRecord | null {
  if (!value || typeof value !== 'object') return null
  const record = value as Partial<ReviewRecord>
  if (record._type !== REVIEW_RECORD_TYPE) return null
  if (typeof record._id !== 'string' || !record._id.startsWith(REVIEW_RECORD_ID_PREFIX)) return null
  if (typeof record.at !== 'string' || typeof record.fingerprint !== 'string') return null
  return record as ReviewRecord
}

/** Whether the published text needs the guard, and why. */
export function assess({doc, record, author, guardUser}: GuardInput): Assessment {
  if (!isPublishedId(doc._id) || !isReviewedType(doc._type))
    return {verdict: 'leave', reason: 'Not a published article or FAQ.'}
  if (guardUser !== null && author === guardUser)
    return {verdict: 'leave', reason: 'The guard’s own write.'}
  const state = reviewState(doc, fingerprintOfSync(doc), trailRecord(record))
  if (state.state === 'notReviewed')
    return {verdict: 'leave', reason: 'The text claims no medical review.'}
  if (state.state === 'approved')
    return {verdict: 'leave', reason: 'The text is the one its approval covers.'}
  const message = reviewBlockingMessage(state)
  return {verdict: 'repair', state: state.state, reason: message === true ? '' : message}
}

/** Whether an earlier revision was a published text its approval backed. */
export function isApprovedRevision({doc, record}: Revision): boolean {
  return reviewState(doc, fingerprintOfSync(doc), trailRecord(record)).state === 'approved'
}

/** The medical fields in which two texts differ, in the model's order. */
export function changedMedicalFields(
  before: GuardedDocument | null,
  after: GuardedDocument,
): string[] {
  if (!before) return []
  const a = medicalContent(before)
  const b = medicalContent(after)
  return MEDICAL_CONTENT_FIELDS.filter((field) => {
    const x = a[field]
    const y = b[field]
    if (x === undefined || y === undefined) return x !== y
    return canonicalJson(x) !== canonicalJson(y)
  })
}

/**
 * What to do: nothing; put back the newest earlier revision its approval backed (`history`,
 * newest first); or, when there is none, unpublish and keep the text as a draft.
 */
export function decide(input: GuardInput & {history: readonly Revision[]}): GuardPlan {
  const assessment = assess(input)
  if (assessment.verdict === 'leave') return {action: 'none', reason: assessment.reason}
  const approved = input.history.find(
    (revision) => revision.revision !== input.doc._rev && isApprovedRevision(revision),
  )
  if (approved)
    return {
      action: 'restore',
      reason: assessment.reason,
      revision: approved,
      changedFields: changedMedicalFields(approved.doc, input.doc),
    }
  return {action: 'unpublish', reason: assessment.reason, changedFields: []}
}

/** Keys the Content Lake keeps itself: never copied from an old revision. */
const SYSTEM_KEYS = new Set(['_id', '_type', '_rev', '_createdAt', '_updatedAt'])

/**
 * The patch that turns `current` back into `approved`: every field of the approved revision set,
 * every field it did not have unset.
 */
export function restorePatch(
  current: Record<string, unknown>,
  approved: Record<string, unknown>,
): {set: Record<string, unknown>; unset: string[]} {
  const set: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(approved))
    if (!SYSTEM_KEYS.has(key) && value !== undefined) set[key] = value
  const unset = Object.keys(current).filter((key) => !SYSTEM_KEYS.has(key) && !(key in set))
  return {set, unset}
}

/** The draft that keeps an unpublished text: the published document under its draft id. */
export function draftOf(published: Record<string, unknown> & {_id: string}) {
  const draft: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(published))
    if (key !== '_rev' && key !== '_updatedAt' && key !== '_createdAt') draft[key] = value
  return {...draft, _id: draftId(published._id)} as {_id: string; _type: string}
}

/** The record editors read of what the guard did. */
export function guardEventRecord(
  plan: Exclude<GuardPlan, {action: 'none'}>,
  facts: {
    doc: GuardedDocument
    author: string | null
    changedAt: string | null
    guardUser: string | null
    at: string
    unique: string
  },
): ReviewGuardEvent {
  const {doc} = facts
  const title = [doc.title, doc.question].find((value) => typeof value === 'string')
  const base = {
    _id: reviewGuardEventId(doc._id, facts.unique),
    _type: REVIEW_GUARD_EVENT_TYPE,
    documentId: doc._id,
    documentType: doc._type,
    documentTitle: typeof title === 'string' ? title : doc._id,
    reason: plan.reason,
    changedFields: plan.changedFields,
    changedRevision: doc._rev ?? '',
    changedBy: facts.author,
    changedAt: facts.changedAt,
    changedText: medicalText(doc),
    guardUser: facts.guardUser,
    at: facts.at,
  } as const
  if (plan.action === 'restore')
    return {
      ...base,
      action: 'restored',
      restoredRevision: plan.revision.revision,
      approvalRecord: plan.revision.record?._id,
    }
  return {...base, action: 'unpublished', draftId: draftId(doc._id)}
}
