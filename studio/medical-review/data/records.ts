// The review trail as the Studio writes and reads it: approval and change-request records (each
// written in one transaction with its change to the draft or release version read), the
// `medicalReview` copy an approval puts on that draft, and who changed it since its approval.
import type {SanityClient, SanityDocument} from 'sanity'
import {fingerprintOf, medicalText} from '../../../model/review/fingerprint'
import {publishedIdOf} from '../../../model/sanity/ids'
import {
  REVIEW_RECORD_ID_PREFIX,
  REVIEW_RECORD_TYPE,
  reviewRecordId,
  type MedicalReviewValue,
  type ReviewRecord,
  type ReviewRecordKind,
} from '../../../model/review/state'

/** Every record of a document, newest first. Records have dotted ids: read them raw. */
export const RECORDS_QUERY = `*[_type == "${REVIEW_RECORD_TYPE}" && documentId == $id] | order(at desc)`

/**
 * The newest approval of the draft or release version `$reviewedId` (records without
 * `reviewedId` count as the draft's), for the four-eyes window: the lake counts from the last
 * approval of that same document (clinic-rules/four-eyes.ts).
 */
export const LAST_APPROVAL_QUERY = `*[_type == "${REVIEW_RECORD_TYPE}" && documentId == $id && kind == "approval" && coalesce(reviewedId, "drafts." + documentId) == $reviewedId] | order(at desc)[0]`

export interface RecordInput {
  kind: ReviewRecordKind
  draft: {_id: string; _type: string; _rev: string} & Record<string, unknown>
  reviewer: {_id: string; name: string}
  userId: string
  at: Date
  note?: string
  nextReviewDue?: string
}

/** A short random suffix: records of one document differ by it. */
const uniqueSuffix = () =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('')

/** The record of what the reviewer read: id, revision, fingerprint and text of that draft. */
export async function newRecord(input: RecordInput): Promise<ReviewRecord> {
  const {kind, draft, reviewer, userId, at, note, nextReviewDue} = input
  const record: ReviewRecord = {
    _id: reviewRecordId(draft._id, uniqueSuffix()),
    _type: REVIEW_RECORD_TYPE,
    kind,
    documentId: publishedIdOf(draft._id),
    documentType: draft._type,
    // The exact draft or release version read: the lake binds the approval to it.
    reviewedId: draft._id,
    revision: draft._rev,
    fingerprint: await fingerprintOf(draft),
    text: medicalText(draft),
    // Weak: a clinician can be removed later without breaking the trail.
    reviewer: {_type: 'reference', _ref: reviewer._id, _weak: true},
    reviewerName: reviewer.name,
    userId,
    at: at.toISOString(),
  }
  if (note?.trim()) record.note = note.trim()
  if (kind === 'approval' && nextReviewDue) record.nextReviewDue = nextReviewDue
  return record
}

/** The `medicalReview` an approval writes into the draft or version: a copy of the record. */
export function medicalReviewOf(record: ReviewRecord): MedicalReviewValue {
  return {
    _type: 'medicalReview',
    reviewer: {_type: 'reference', _ref: record.reviewer._ref},
    reviewerName: record.reviewerName,
    reviewedAt: record.at.slice(0, 10),
    ...(record.nextReviewDue ? {nextReviewDue: record.nextReviewDue} : {}),
    approvedBy: record.userId,
    fingerprint: record.fingerprint,
    record: record._id,
  }
}

type Draft = SanityDocument & Record<string, unknown>

/**
 * Reads the draft (or release version) as the lake holds it and checks it is the text the
 * reviewer has on screen, so the record names the revision whose text was read.
 */
export async function draftAsRead(
  client: SanityClient,
  shown: SanityDocument,
): Promise<Draft & {_rev: string}> {
  const stored = await client.getDocument<Draft>(shown._id)
  if (!stored) throw new Error('The draft is gone: it was published or discarded meanwhile.')
  if ((await fingerprintOf(stored)) !== (await fingerprintOf(shown)))
    throw new Error('The text changed while you were reading it: read it again, then approve.')
  return stored
}

/** What a review action changes on the draft it read, beside the record. */
export interface DraftChange {
  set: Record<string, unknown>
  unset?: string[]
}

/**
 * Writes the record of what the reviewer read and, in the same transaction, its change to that
 * draft or version (only if it is still the revision read): a record and the text it covers never
 * part.
 */
export async function writeRecord(
  client: SanityClient,
  shown: SanityDocument,
  input: Omit<RecordInput, 'draft' | 'at'>,
  change: (record: ReviewRecord) => DraftChange,
): Promise<ReviewRecord> {
  const draft = await draftAsRead(client, shown)
  const record = await newRecord({...input, draft, at: new Date()})
  const {set, unset = []} = change(record)
  const patch = client.patch(draft._id).ifRevisionId(draft._rev).set(set)
  await client
    .transaction()
    .create(record)
    .patch(unset.length ? patch.unset(unset) : patch)
    .commit({visibility: 'sync'})
  return record
}

interface HistoryTransaction {
  id?: string
  timestamp?: string
  author?: string
  documentIDs?: string[]
  mutations?: Array<Record<string, {_id?: string; id?: string} | undefined>>
}

/** NDJSON lines, or what the client already parsed (one object when there was one line). */
function transactionsOf(body: unknown): HistoryTransaction[] {
  if (Array.isArray(body)) return body as HistoryTransaction[]
  if (body && typeof body === 'object') return [body as HistoryTransaction]
  if (typeof body !== 'string') return []
  return body
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as HistoryTransaction)
}

const isRecordId = (id: unknown) => typeof id === 'string' && id.startsWith(REVIEW_RECORD_ID_PREFIX)

/** A review action's transaction: it writes a record of the trail beside the draft. */
function isReviewTransaction(tx: HistoryTransaction): boolean {
  if (tx.documentIDs?.some(isRecordId)) return true
  return (tx.mutations ?? []).some((mutation) =>
    Object.values(mutation).some((body) => isRecordId(body?._id) || isRecordId(body?.id)),
  )
}

/**
 * The authors of the changes to `documentId` (the draft or release version being reviewed) since
 * `fromTime` (or since it was created), from Sanity's history API
 * (`GET /data/history/{dataset}/transactions/{id}`, NDJSON with `author` and the `mutations` of
 * each transaction). Review actions (they create a record under `reviews.`) are not edits of the
 * text, so they do not count.
 */
export async function authorsSince(
  client: SanityClient,
  documentId: string,
  fromTime: string | undefined,
): Promise<string[]> {
  const {dataset} = client.config()
  const params = new URLSearchParams(fromTime ? {fromTime} : {})
  const body = await client.request<unknown>({
    url: `/data/history/${dataset}/transactions/${documentId}?${params}`,
  })
  const authors = new Set<string>()
  for (const tx of transactionsOf(body)) {
    if (fromTime && tx.timestamp && tx.timestamp < fromTime) continue
    if (isReviewTransaction(tx)) continue
    if (tx.author) authors.add(tx.author)
  }
  return [...authors]
}

/** The lake's (or Sanity's) error description, else the error's message. */
export function errorDescription(error: unknown): string {
  const e = error as {response?: {body?: {error?: {description?: string}}}; message?: string}
  return e?.response?.body?.error?.description ?? e?.message ?? String(error)
}
