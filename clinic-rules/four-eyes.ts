// Four-eyes review, enforced: with Settings' `fourEyesReview` on (missing counts as on), a
// reviewer may not approve a draft (or a release version) whose medical text they changed since
// its last approval (model/review/state.ts fourEyesMessage). The document is the one the
// approval names (`reviewedId`), and "its last approval" is the last approval of that same draft
// or version, so approving the draft does not clear the reviewer's own edits in a release.
// Authors come from the lake's own transaction log and the revisions it keeps of each document
// (lake/store/log.ts, read through the plugin port lake/plugin.ts StoreReader).
import {fourEyesMessage, reviewedIdOf, type ReviewRecord} from '../model/review/state'
import {fingerprintInput} from '../model/review/fingerprint'
import {createdApprovals, isReviewRecord} from './review-records'
import type {ReviewProblem, ReviewWrite} from './review-write'
import type {LakeDocument} from '../lake/store/types'
import {SITE_SETTINGS_ID} from '../model/constants'

/**
 * The log position of the transaction that created the latest earlier approval of the same draft
 * or release version, or 0.
 */
function lastApprovalSeq(write: ReviewWrite, record: ReviewRecord): number {
  const earlier: string[] = []
  const approvedId = reviewedIdOf(record)
  for (const doc of write.store.all())
    if (
      isReviewRecord(doc._id, doc) &&
      doc.kind === 'approval' &&
      doc.documentId === record.documentId &&
      reviewedIdOf(doc as unknown as ReviewRecord) === approvedId &&
      doc._id !== record._id
    )
      earlier.push(doc._id)
  if (earlier.length === 0) return 0
  let seq = 0
  for (const tx of write.store.transactionsTouching(earlier))
    if (tx.changes.some((change) => change.operation === 'create')) seq = Math.max(seq, tx.seq)
  return seq
}

/**
 * The users who changed the medical text of `approvedId` (a draft or a release version of
 * `documentId`) after the transaction at `sinceSeq`. A transaction that left the text as it was
 * (asking for a review, recording one, editing SEO fields) is not a change the approval covers, so
 * it does not count. A draft or version made afresh is compared with the published text it
 * started from.
 */
export function medicalTextAuthors(
  write: ReviewWrite,
  documentId: string,
  approvedId: string,
  sinceSeq: number,
  candidate: string,
): string[] {
  const authors = new Set<string>()
  for (const tx of write.store.transactionsTouching([approvedId])) {
    // Only the candidate's own transactions decide the rule; reading the others' bodies is waste.
    if (tx.seq <= sinceSeq || tx.author !== candidate || authors.has(tx.author)) continue
    const {before, after} = write.store.bodiesAround(approvedId, tx.seq)
    const start = before ?? write.store.bodiesAround(documentId, tx.seq).before
    if (after && fingerprintInput(start) !== fingerprintInput(after)) authors.add(tx.author)
  }
  return [...authors]
}

/** Whether this very transaction changes the medical text of the approved document. */
function changesTextNow(write: ReviewWrite, documentId: string, approvedId: string): boolean {
  const change = write.changes.find((item) => item.id === approvedId)
  if (!change?.after) return false
  const start = change.before ?? write.store.get(documentId) ?? null
  return fingerprintInput(start) !== fingerprintInput(change.after)
}

export function fourEyesProblems(write: ReviewWrite): ReviewProblem[] {
  const approvals = createdApprovals(write)
  if (approvals.length === 0 || write.managesProject) return []
  const settings: LakeDocument | null = write.current(SITE_SETTINGS_ID)
  const enabled = settings?.fourEyesReview !== false
  if (!enabled) return []
  const problems: ReviewProblem[] = []
  for (const {index, record} of approvals) {
    const since = lastApprovalSeq(write, record)
    const approvedId = reviewedIdOf(record)
    const authors = medicalTextAuthors(write, record.documentId, approvedId, since, record.userId)
    if (write.author === record.userId && changesTextNow(write, record.documentId, approvedId))
      authors.push(write.author)
    const message = fourEyesMessage(enabled, record.userId, authors)
    if (message !== true) problems.push({index, type: 'fourEyesError', description: message})
  }
  return problems
}
