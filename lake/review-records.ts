// The medical review trail (schemas/rules/approval.ts ReviewRecord): records live at
// `reviews.<documentId>.<unique>`, are written once by the reviewer the record names and are
// never changed. An administrator (the lake's robot token, imports, migrations) may write any
// record and may correct or delete one; nobody else may.
import {FINGERPRINT_PREFIX} from '../schemas/rules/fingerprint'
import {
  REVIEW_RECORD_ID_PREFIX,
  REVIEW_RECORD_TYPE,
  REVIEWED_TYPES,
  type ReviewRecord,
} from '../schemas/rules/approval'
import {isPublishedId, isRootPathId} from './ids'
import type {ReviewProblem, ReviewWrite} from './review-rules'
import type {LakeDocument} from './store'

/** A document of the review trail: by its type, or by living under `reviews.`. */
export function isReviewRecord(id: string, doc: LakeDocument | null): boolean {
  return id.startsWith(REVIEW_RECORD_ID_PREFIX) || doc?._type === REVIEW_RECORD_TYPE
}

const FINGERPRINT = new RegExp(`^${FINGERPRINT_PREFIX}[0-9a-f]{64}$`)
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
const isReference = (value: unknown): value is {_ref: string} =>
  typeof value === 'object' && value !== null && isText((value as {_ref?: unknown})._ref)

/** What is wrong with a record's fields, or null when it has the shape of a ReviewRecord. */
export function recordShapeProblem(id: string, doc: LakeDocument): string | null {
  if (doc._type !== REVIEW_RECORD_TYPE)
    return `Documents under "${REVIEW_RECORD_ID_PREFIX}" are review records: _type must be "${REVIEW_RECORD_TYPE}".`
  const record = doc as Partial<Record<keyof ReviewRecord, unknown>>
  if (!isText(record.documentId) || !isPublishedId(record.documentId))
    return 'A review record needs "documentId", the published id of the text reviewed.'
  const prefix = `${REVIEW_RECORD_ID_PREFIX}${record.documentId}.`
  if (!id.startsWith(prefix) || id.length === prefix.length)
    return `A review record of "${record.documentId}" lives at "${prefix}<unique>", not "${id}".`
  if (record.kind !== 'approval' && record.kind !== 'changesRequested')
    return 'A review record\'s "kind" is "approval" or "changesRequested".'
  if (!(REVIEWED_TYPES as readonly unknown[]).includes(record.documentType))
    return `A review record's "documentType" is one of ${REVIEWED_TYPES.join(', ')}.`
  if (!isText(record.revision))
    return 'A review record needs "revision", the _rev of the draft read.'
  if (typeof record.fingerprint !== 'string' || !FINGERPRINT.test(record.fingerprint))
    return `A review record's "fingerprint" is "${FINGERPRINT_PREFIX}" and 64 hex digits (fingerprintOf).`
  if (typeof record.text !== 'string') return 'A review record needs "text", the text reviewed.'
  if (!isReference(record.reviewer))
    return 'A review record needs "reviewer", a clinician reference.'
  if (!isText(record.reviewerName)) return 'A review record needs "reviewerName".'
  if (!isText(record.userId)) return 'A review record needs "userId", the user who reviewed.'
  if (typeof record.at !== 'string' || !DATE_TIME.test(record.at) || isNaN(Date.parse(record.at)))
    return 'A review record\'s "at" is an ISO date-time, e.g. 2026-11-02T09:30:00Z.'
  if (record.note !== undefined && typeof record.note !== 'string')
    return 'A review record\'s "note" is text.'
  if (record.kind === 'changesRequested' && !isText(record.note))
    return 'A change request needs a "note" saying what to change.'
  if (
    record.nextReviewDue !== undefined &&
    !(typeof record.nextReviewDue === 'string' && DATE.test(record.nextReviewDue))
  )
    return 'A review record\'s "nextReviewDue" is a date, YYYY-MM-DD.'
  return null
}

/** "Dr. Sloane Yu": how a clinician is named to people. */
export function clinicianName(clinician: LakeDocument | null, fallback: string): string {
  const parts = [clinician?.honorificPrefix, clinician?.givenName, clinician?.familyName].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  )
  return parts.length > 0 ? parts.join(' ') : fallback
}

/**
 * Who may write the record: the user it names, and that user must be the linked Studio user of
 * a published clinician who reviews. Administrators are exempt (imports, migrations).
 */
function authorProblem(record: ReviewRecord, write: ReviewWrite): string | null {
  if (write.administrator) return null
  const clinician = isRootPathId(record.reviewer._ref) ? write.current(record.reviewer._ref) : null
  const name = clinicianName(clinician, record.reviewerName)
  if (record.userId !== write.author)
    return `Only ${name}'s linked user can record ${name}'s review: this record names user "${record.userId}", and "${write.author}" is writing it.`
  if (!clinician || clinician._type !== 'clinician')
    return `The reviewer "${record.reviewer._ref}" is not a published clinician.`
  if (clinician.canReview !== true)
    return `${name} is not a medical reviewer: turn on "Can review" on the clinician first.`
  if (clinician.linkedUser !== record.userId)
    return `Only ${name}'s linked user can record ${name}'s review, and "${record.userId}" is not linked to ${name}.`
  return null
}

/** The records a transaction creates, each checked for its shape and its author. */
export function newRecordProblems(write: ReviewWrite): ReviewProblem[] {
  const problems: ReviewProblem[] = []
  for (const {id, before, after, index} of write.changes) {
    if (before || !after || !isReviewRecord(id, after)) continue
    const description =
      recordShapeProblem(id, after) ?? authorProblem(after as unknown as ReviewRecord, write)
    if (description) problems.push({index, type: 'reviewRecordError', description})
  }
  return problems
}

/** The approval records a transaction creates (already known to have a record's shape). */
export function createdApprovals(write: ReviewWrite): Array<{index: number; record: ReviewRecord}> {
  return write.changes
    .filter(
      (change) =>
        !change.before &&
        change.after &&
        isReviewRecord(change.id, change.after) &&
        change.after.kind === 'approval',
    )
    .map((change) => ({index: change.index, record: change.after as unknown as ReviewRecord}))
}
