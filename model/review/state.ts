// Where a text's medical review stands, decided from the document, the fingerprint of its text
// and the approval record its review points at; the records of the review trail and the fields a
// reviewed document carries. The Studio (validation, actions, previews), the clinic's review rules
// in the lake and `content:validate` all decide with these functions, so they agree.
//
// The two fields' types are the model's own, not TypeGen's: the model stands below the schema
// and its generated types, and reads values built in code or projected, which may leave out
// `_type`. test/model.test.ts checks that TypeGen's `MedicalReview` and `ReviewRequest` (what the
// schema stores) have the same fields and fit these types.
import {draftId, publishedIdOf} from '../sanity/ids'
import type {Reference} from '../sanity/references'

/** Type of the append-only records of the review trail. */
export const REVIEW_RECORD_TYPE = 'reviewRecord'
/** Records live under this id path, which a public (tokenless) reader never sees. */
export const REVIEW_RECORD_ID_PREFIX = 'reviews.'
/** Document types that carry a medical review. */
export const REVIEWED_TYPES = ['article', 'faq'] as const
export type ReviewedType = (typeof REVIEWED_TYPES)[number]

/** Whether documents of this type carry a medical review. */
export function isReviewedType(type: string): type is ReviewedType {
  return (REVIEWED_TYPES as readonly string[]).includes(type)
}

export type ReviewRecordKind = 'approval' | 'changesRequested'

/**
 * Type of the trail's record of a change to a clinician's linked Studio user (who may sign in the
 * clinician's name). The lake writes one, at `reviews.<clinicianId>.link-<unique>`, in the same
 * transaction as the change, which only an administrator may make.
 */
export const LINK_RECORD_TYPE = 'clinicianLinkRecord'

export interface ClinicianLinkRecord {
  _id: string
  _type: typeof LINK_RECORD_TYPE
  /** The clinician whose link changed. */
  documentId: string
  clinician: Reference
  /** The linked user before the change, or null. */
  previousUser: string | null
  /** The linked user after it, or null (unlinked or clinician deleted). */
  linkedUser: string | null
  /** Who changed it. */
  userId: string
  /** ISO date-time of the change. */
  at: string
}

/** The document an approval covers: its `reviewedId`, or the draft for records without one. */
export function reviewedIdOf(record: {reviewedId?: unknown; documentId: string}): string {
  return typeof record.reviewedId === 'string' ? record.reviewedId : draftId(record.documentId)
}

/** One approval or change request, written once by the reviewer and never changed. */
export interface ReviewRecord {
  _id: string
  _type: typeof REVIEW_RECORD_TYPE
  kind: ReviewRecordKind
  /** The published id of the article or FAQ reviewed. */
  documentId: string
  documentType: string
  /**
   * The document the reviewer read and the approval covers: the draft (`drafts.<id>`) or a
   * release version (`versions.<release>.<id>`) of `documentId`. The lake requires it on every
   * approval a reviewer writes; records imported by an administrator may lack it (they count as
   * the draft's).
   */
  reviewedId?: string
  /** The `_rev` of the draft (or release version) the reviewer read. */
  revision: string
  /** Fingerprint of that draft's medical content (see fingerprint.ts). */
  fingerprint: string
  /** That draft's medical content as plain text (fingerprint.ts medicalText), for diffs. */
  text: string
  reviewer: Reference
  /** The reviewer's name as shown to readers, e.g. "Dr. Sloane Yu". */
  reviewerName: string
  /** The user who approved or asked for changes (lake user id or Sanity member id). */
  userId: string
  /** ISO date-time of the approval or change request. */
  at: string
  /** The reviewer's note (always given for a change request). */
  note?: string
  /** Approvals: the next review's due date (YYYY-MM-DD). */
  nextReviewDue?: string
}

/** The `medicalReview` field of an article or FAQ: a copy of its current approval. */
export interface MedicalReviewValue {
  _type?: 'medicalReview'
  reviewer?: Reference
  reviewerName?: string
  /** YYYY-MM-DD, the day of the approval. */
  reviewedAt?: string
  nextReviewDue?: string
  approvedBy?: string
  fingerprint?: string
  /** The `_id` of the approval record. */
  record?: string
}

export type ReviewRequestStatus = 'inReview' | 'changesRequested'

/** The `reviewRequest` field: the review an editor asked for and where it stands. */
export interface ReviewRequestValue {
  _type?: 'reviewRequest'
  status?: ReviewRequestStatus
  reviewer?: Reference
  note?: string
  requestedBy?: string
  requestedAt?: string
}

export interface ReviewedFields {
  _id?: string
  medicalReview?: MedicalReviewValue | null
  reviewRequest?: ReviewRequestValue | null
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2026-11-02" or an ISO date-time → "2 Nov 2026", the way editors read dates. */
export function editorDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number)
  if (!year || !month || !day || !MONTHS[month - 1]) return iso
  return `${day} ${MONTHS[month - 1]} ${year}`
}

/** A new record's id: under `reviews.`, named after the document, unique per approval. */
export function reviewRecordId(documentId: string, unique: string): string {
  return `${REVIEW_RECORD_ID_PREFIX}${publishedIdOf(documentId)}.${unique}`
}

export type ReviewState =
  | {state: 'notReviewed'}
  | {state: 'approved'; reviewerName: string; reviewedAt: string}
  | {state: 'changed'; reviewerName: string; reviewedAt: string}
  | {state: 'unapproved'}

/**
 * Where the review of the text stands:
 * - `notReviewed`: no review yet;
 * - `approved`: the review points at an approval record of this document whose fingerprint is
 *   the text's, and agrees with it on reviewer and date;
 * - `changed`: it was approved, but the text is no longer the text approved;
 * - `unapproved`: a review that no approval record backs (typed in, or copied from elsewhere).
 */
export function reviewState(
  doc: ReviewedFields,
  currentFingerprint: string,
  record: ReviewRecord | null | undefined,
): ReviewState {
  const review = doc.medicalReview
  if (!review || (!review.record && !review.reviewer && !review.reviewedAt))
    return {state: 'notReviewed'}
  if (
    !record ||
    record.kind !== 'approval' ||
    record._id !== review.record ||
    (doc._id && record.documentId !== publishedIdOf(doc._id)) ||
    record.fingerprint !== review.fingerprint ||
    record.reviewer?._ref !== review.reviewer?._ref ||
    record.at.slice(0, 10) !== review.reviewedAt ||
    record.userId !== review.approvedBy
  )
    return {state: 'unapproved'}
  const named = {reviewerName: record.reviewerName, reviewedAt: review.reviewedAt}
  return record.fingerprint === currentFingerprint
    ? {state: 'approved', ...named}
    : {state: 'changed', ...named}
}

/**
 * Where the review stands as far as the document alone tells, for lists (a list preview cannot
 * read the approval record): `notReviewed` and `approved`/`changed` as `reviewState` decides
 * them, from the fingerprint the review carries; a review without an approval record or a
 * fingerprint is `unapproved`. Publish and the lake also check the record (`reviewState`).
 */
export function listReviewState(
  review: MedicalReviewValue | null | undefined,
  currentFingerprint: string,
): ReviewState {
  if (!review || (!review.record && !review.reviewer && !review.reviewedAt))
    return {state: 'notReviewed'}
  if (!review.record || !review.fingerprint || !review.reviewedAt) return {state: 'unapproved'}
  const named = {reviewerName: review.reviewerName ?? '', reviewedAt: review.reviewedAt}
  return review.fingerprint === currentFingerprint
    ? {state: 'approved', ...named}
    : {state: 'changed', ...named}
}

/** What an editor reads when a text cannot be published for its review, or true when it can. */
export function reviewBlockingMessage(state: ReviewState): true | string {
  switch (state.state) {
    case 'approved':
      return true
    case 'notReviewed':
      return 'Not reviewed: a clinician must approve this text before it can be published. Request a review.'
    case 'changed':
      return `Changed after ${state.reviewerName} approved it on ${editorDate(state.reviewedAt)}: request a new review.`
    case 'unapproved':
      return 'This review was not approved by a clinician in the Studio: request a new review.'
  }
}

/**
 * The short status lists show, e.g. "In review · Dr. Sloane Yu", "Changed since Dr. Sloane Yu’s
 * review · needs review", "Not reviewed".
 */
export function reviewListStatus(
  state: ReviewState['state'],
  request: ReviewRequestValue | null | undefined,
  reviewerName?: string,
): string {
  if (request?.status === 'inReview') return `In review${reviewerName ? ` · ${reviewerName}` : ''}`
  if (request?.status === 'changesRequested')
    return `Changes requested${reviewerName ? ` · ${reviewerName}` : ''}`
  switch (state) {
    case 'approved':
      return reviewerName ? `Reviewed by ${reviewerName}` : 'Reviewed'
    case 'changed':
      return `Changed since ${reviewerName ? `${reviewerName}’s review` : 'its review'} · needs review`
    case 'unapproved':
      return 'Review not approved'
    case 'notReviewed':
      return 'Not reviewed'
  }
}

/**
 * The request in one line, e.g. "Review requested from Dr. Sloane Yu by Content editor on 2 Nov
 * 2026, 09:30 UTC": what the reviewer reads above the editor's note. Unknown parts are left out.
 */
export function reviewRequestLine(
  request: ReviewRequestValue,
  names: {reviewer?: string; requester?: string},
): string {
  const at = request.requestedAt
  return [
    'Review requested',
    names.reviewer && `from ${names.reviewer}`,
    names.requester && `by ${names.requester}`,
    at && `on ${editorDate(at)}${/T\d\d:\d\d/.test(at) ? `, ${at.slice(11, 16)} UTC` : ''}`,
  ]
    .filter(Boolean)
    .join(' ')
}

/**
 * The four-eyes rule: a reviewer may not approve a draft in which they wrote any of the changes
 * since the last approval (or since it was created, when none). `authors` are the user ids of
 * those changes' transactions.
 */
export function fourEyesMessage(
  enabled: boolean,
  userId: string,
  authors: readonly string[],
): true | string {
  return enabled && authors.includes(userId)
    ? 'You wrote changes in this draft since its last approval. With four-eyes review on (Settings), another reviewer must approve it.'
    : true
}
