// The medical review trail (model/review/state.ts ReviewRecord): records live at
// `reviews.<documentId>.<unique>`, are written once by the reviewer the record names and are
// never changed. An administrator (the lake's robot token, imports, migrations) may write any
// record and may correct or delete one; nobody else may.
//
// An approval is bound to what it approves: it names the draft or release version read
// (`reviewedId`) and its revision, which must be that document's revision before the
// transaction, and its fingerprint must be the text that document has after it. Who may sign is
// read as the clinician stood before the transaction. The trail also keeps every change of a
// clinician's linked user (`clinicianLinkRecord`, written by the lake: clinic-rules/review-trail.ts).
import {FINGERPRINT_PREFIX, fingerprintOfSync} from '../model/review/fingerprint'
import {
  LINK_RECORD_TYPE,
  REVIEW_RECORD_ID_PREFIX,
  REVIEW_RECORD_TYPE,
  REVIEWED_TYPES,
  type ClinicianLinkRecord,
  type ReviewRecord,
} from '../model/review/state'
import {
  isDraftId,
  isPublishedId,
  isRootPathId,
  isVersionId,
  publishedIdOf,
} from '../model/sanity/ids'
import {isReference} from '../model/sanity/references'
import {clinicianName} from '../model/clinician'
import type {ReviewProblem, ReviewWrite} from './review-write'
import type {LakeDocument} from '../lake/store/types'

/** A document of the review trail: by its type, or by living under `reviews.`. */
export function isReviewRecord(id: string, doc: LakeDocument | null): boolean {
  return id.startsWith(REVIEW_RECORD_ID_PREFIX) || doc?._type === REVIEW_RECORD_TYPE
}

const FINGERPRINT = new RegExp(`^${FINGERPRINT_PREFIX}[0-9a-f]{64}$`)
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** What is wrong with a record's fields, or null when it has the shape of a ReviewRecord. */
export function recordShapeProblem(id: string, doc: LakeDocument): string | null {
  if (doc._type === LINK_RECORD_TYPE) return linkRecordShapeProblem(id, doc)
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
  if (
    record.reviewedId !== undefined &&
    !(
      typeof record.reviewedId === 'string' &&
      (isDraftId(record.reviewedId) || isVersionId(record.reviewedId)) &&
      publishedIdOf(record.reviewedId) === record.documentId
    )
  )
    return `A review record's "reviewedId" is the draft or release version read: "drafts.${record.documentId}" or "versions.<release>.${record.documentId}".`
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

function linkRecordShapeProblem(id: string, doc: LakeDocument): string | null {
  const record = doc as Partial<Record<keyof ClinicianLinkRecord, unknown>>
  const user = (value: unknown) => value === null || isText(value)
  if (!isText(record.documentId) || !isRootPathId(record.documentId))
    return 'A link record needs "documentId", the published id of the clinician.'
  const prefix = `${REVIEW_RECORD_ID_PREFIX}${record.documentId}.`
  if (!id.startsWith(prefix) || id.length === prefix.length)
    return `A link record of "${record.documentId}" lives at "${prefix}<unique>", not "${id}".`
  if (!isReference(record.clinician) || record.clinician._ref !== record.documentId)
    return 'A link record needs "clinician", a reference to the clinician.'
  if (!user(record.previousUser) || !user(record.linkedUser))
    return 'A link record\'s "previousUser" and "linkedUser" are user ids or null.'
  if (!isText(record.userId)) return 'A link record needs "userId", who changed the link.'
  if (typeof record.at !== 'string' || isNaN(Date.parse(record.at)))
    return 'A link record\'s "at" is an ISO date-time.'
  return null
}

/**
 * Who may write the record: the user it names, and that user must be the linked Studio user of
 * a published clinician who reviews. Administrators are exempt (imports, migrations).
 */
function authorProblem(record: ReviewRecord, write: ReviewWrite): string | null {
  if (write.managesProject) return null
  // As the clinician stood before this transaction: a link set in it does not count.
  const clinician = isRootPathId(record.reviewer._ref)
    ? (write.store.get(record.reviewer._ref) ?? null)
    : null
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

/**
 * An approval covers the document it names as the reviewer read it: that draft or release
 * version existed before the transaction at the revision named, and the text it is left with is
 * the text fingerprinted. Administrators are exempt (imported records name no draft).
 */
function bindingProblem(record: ReviewRecord, write: ReviewWrite): string | null {
  if (write.managesProject || record.kind !== 'approval') return null
  const reviewed = record.reviewedId
  if (typeof reviewed !== 'string')
    return `An approval needs "reviewedId", the draft or release version of "${record.documentId}" it approves.`
  const before = write.store.get(reviewed)
  if (!before) return `An approval covers a document that exists: "${reviewed}" does not exist.`
  if (before._rev !== record.revision)
    return `The approval names revision "${record.revision}" of "${reviewed}", which is at "${before._rev}": read it again, then approve.`
  const after = write.current(reviewed)
  if (!after || fingerprintOfSync(after) !== record.fingerprint)
    return `The approval's fingerprint is not the text of "${reviewed}": an approval covers the exact text of the document it names.`
  return null
}

/**
 * A link record is the lake's: it matches a change of that clinician's link in the same
 * transaction (clinic-rules/review-trail.ts). Administrators may import old ones.
 */
function linkRecordProblem(record: ClinicianLinkRecord, write: ReviewWrite): string | null {
  if (write.managesProject) return null
  const change = write.changes.find((each) => each.id === record.documentId)
  const link = (doc: LakeDocument | null | undefined) =>
    doc?._type === 'clinician' && typeof doc.linkedUser === 'string' ? doc.linkedUser : null
  if (
    !change ||
    link(change.before) !== record.previousUser ||
    link(change.after) !== record.linkedUser ||
    record.userId !== write.author
  )
    return "Link records are written by the lake when an administrator changes a clinician's linked user."
  return null
}

/** The records a transaction creates, each checked for its shape and its author. */
export function newRecordProblems(write: ReviewWrite): ReviewProblem[] {
  const problems: ReviewProblem[] = []
  for (const {id, before, after, index} of write.changes) {
    if (before || !after || !isReviewRecord(id, after)) continue
    const description =
      recordShapeProblem(id, after) ??
      (after._type === LINK_RECORD_TYPE
        ? linkRecordProblem(after as unknown as ClinicianLinkRecord, write)
        : (authorProblem(after as unknown as ReviewRecord, write) ??
          bindingProblem(after as unknown as ReviewRecord, write)))
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
