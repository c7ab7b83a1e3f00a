// Four-eyes review, enforced: with Settings' `fourEyesReview` on (missing counts as on), a
// reviewer may not approve a draft whose medical text they changed since its last approval
// (schemas/rules/approval.ts fourEyesMessage). Authors come from the lake's own transaction log
// and the revisions it keeps of each document (lake/store.ts).
import {fourEyesMessage, type ReviewRecord} from '../schemas/rules/approval'
import {fingerprintInput} from '../schemas/rules/fingerprint'
import {createdApprovals, isReviewRecord} from './review-records'
import type {ReviewProblem, ReviewWrite} from './review-rules'
import type {LakeDocument} from './store'

/** The settings singleton (schemas/constants.ts SITE_SETTINGS_ID). */
const SITE_SETTINGS_ID = 'siteSettings'

/** The log position of the transaction that created the latest earlier approval, or 0. */
function lastApprovalSeq(write: ReviewWrite, record: ReviewRecord): number {
  const earlier: string[] = []
  for (const doc of write.store.all())
    if (
      isReviewRecord(doc._id, doc) &&
      doc.kind === 'approval' &&
      doc.documentId === record.documentId &&
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
 * The users who changed the draft's medical text after the transaction at `sinceSeq`. A
 * transaction that left the text as it was (asking for a review, recording one, editing SEO
 * fields) is not a change the approval covers, so it does not count. A draft made afresh is
 * compared with the published text it started from.
 */
export function medicalTextAuthors(
  write: ReviewWrite,
  documentId: string,
  sinceSeq: number,
  candidate: string,
): string[] {
  const draftId = `drafts.${documentId}`
  const authors = new Set<string>()
  for (const tx of write.store.transactionsTouching([draftId])) {
    // Only the candidate's own transactions decide the rule; reading the others' bodies is waste.
    if (tx.seq <= sinceSeq || tx.author !== candidate || authors.has(tx.author)) continue
    const {before, after} = write.store.bodiesAround(draftId, tx.seq)
    const start = before ?? write.store.bodiesAround(documentId, tx.seq).before
    if (after && fingerprintInput(start) !== fingerprintInput(after)) authors.add(tx.author)
  }
  return [...authors]
}

/** Whether this very transaction changes the draft's medical text. */
function changesTextNow(write: ReviewWrite, documentId: string): boolean {
  const change = write.changes.find((item) => item.id === `drafts.${documentId}`)
  if (!change?.after) return false
  const start = change.before ?? write.store.get(documentId) ?? null
  return fingerprintInput(start) !== fingerprintInput(change.after)
}

export function fourEyesProblems(write: ReviewWrite): ReviewProblem[] {
  const approvals = createdApprovals(write)
  if (approvals.length === 0 || write.administrator) return []
  const settings: LakeDocument | null = write.current(SITE_SETTINGS_ID)
  const enabled = settings?.fourEyesReview !== false
  if (!enabled) return []
  const problems: ReviewProblem[] = []
  for (const {index, record} of approvals) {
    const since = lastApprovalSeq(write, record)
    const authors = medicalTextAuthors(write, record.documentId, since, record.userId)
    if (write.author === record.userId && changesTextNow(write, record.documentId))
      authors.push(write.author)
    const message = fourEyesMessage(enabled, record.userId, authors)
    if (message !== true) problems.push({index, type: 'fourEyesError', description: message})
  }
  return problems
}
