// A published claim of medical review is backed by a real approval. A published article or FAQ
// may carry `medicalReview` (what widgets show as "Reviewed by …" and JSON-LD `reviewedBy`) only
// when it points at an approval record of that document whose fingerprint is the one of the text
// being published, with the same reviewer and approver (model/review/state.ts reviewState).
// Drafts and release versions are where editors work, so they are free; every way of writing the
// published document (mutations, actions, release publish, import) is held to this.
import {
  REVIEW_RECORD_TYPE,
  REVIEWED_TYPES,
  reviewBlockingMessage,
  reviewState,
  type MedicalReviewValue,
  type ReviewRecord,
} from '../model/review/state'
import {fingerprintOfSync} from '../model/review/fingerprint'
import {isPublishedId} from '../model/sanity/ids'
import {recordShapeProblem} from './review-records'
import type {ReviewProblem, ReviewWrite} from './review-write'
import type {LakeDocument} from '../lake/store/types'

const isReviewed = (doc: LakeDocument) => (REVIEWED_TYPES as readonly string[]).includes(doc._type)

/** The approval record a review points at, when one with a record's shape exists. */
function backingRecord(write: ReviewWrite, review: MedicalReviewValue): ReviewRecord | null {
  if (typeof review.record !== 'string') return null
  const doc = write.current(review.record)
  if (!doc || doc._type !== REVIEW_RECORD_TYPE || recordShapeProblem(doc._id, doc)) return null
  return doc as unknown as ReviewRecord
}

export function reviewClaimProblems(write: ReviewWrite): ReviewProblem[] {
  const problems: ReviewProblem[] = []
  for (const {id, after, index} of write.changes) {
    if (!after || !isPublishedId(id) || !isReviewed(after)) continue
    const review = after.medicalReview as MedicalReviewValue | null | undefined
    if (!review || typeof review !== 'object') continue
    const doc = {...after, _id: id, medicalReview: review}
    const state = reviewState(doc, fingerprintOfSync(after), backingRecord(write, review))
    // A review with nothing in it claims nothing; anything else must be a current approval.
    if (state.state === 'notReviewed' || state.state === 'approved') continue
    const description = reviewBlockingMessage(state)
    if (description !== true)
      problems.push({index, type: 'medicalReviewMismatchError', description})
  }
  return problems
}
