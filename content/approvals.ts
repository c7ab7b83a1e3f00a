// The sample's medical reviews are real approvals: each article and FAQ gets the approval record
// Dr. Sloane Yu's "Approve" would have written, and a `medicalReview` copied from it. The build
// is synchronous, so it uses the model's synchronous fingerprint (a test proves it agrees with
// fingerprintOf, the Web Crypto one).
import {
  REVIEW_RECORD_TYPE,
  reviewRecordId,
  type MedicalReviewValue,
  type ReviewRecord,
} from '../model/review/state'
import {fingerprintOfSync, medicalText} from '../model/review/fingerprint'

export interface SampleApprover {
  /** The clinician document's id. */
  clinicianId: string
  /** The name readers see, e.g. "Dr. Sloane Yu". */
  name: string
  /** The clinician's linked Studio user. */
  userId: string
  /** ISO date-time of the approval. */
  at: string
  nextReviewDue: string
}

/** The unique part of every sample record's id: `reviews.<document>.sample-approval`. */
export const SAMPLE_APPROVAL_KEY = 'sample-approval'

export interface Approved<T> {
  document: T & {medicalReview: MedicalReviewValue}
  record: ReviewRecord & {[field: string]: unknown}
}

/** A document approved by `approver` as it is, with the approval record that backs it. */
export function approve<T extends {_id: string; _type: string}>(
  doc: T,
  approver: SampleApprover,
): Approved<T> {
  const fingerprint = fingerprintOfSync(doc)
  const record: Approved<T>['record'] = {
    _id: reviewRecordId(doc._id, SAMPLE_APPROVAL_KEY),
    _type: REVIEW_RECORD_TYPE,
    kind: 'approval',
    documentId: doc._id,
    documentType: doc._type,
    // The sample was never a draft in a Studio: its "revision" names the dataset it ships in.
    revision: 'sample-dataset',
    fingerprint,
    text: medicalText(doc),
    reviewer: {_type: 'reference', _ref: approver.clinicianId, _weak: true},
    reviewerName: approver.name,
    userId: approver.userId,
    at: approver.at,
    nextReviewDue: approver.nextReviewDue,
  }
  const medicalReview: MedicalReviewValue = {
    _type: 'medicalReview',
    reviewer: {_type: 'reference', _ref: approver.clinicianId},
    reviewerName: approver.name,
    reviewedAt: approver.at.slice(0, 10),
    nextReviewDue: approver.nextReviewDue,
    approvedBy: approver.userId,
    fingerprint,
    record: record._id,
  }
  return {document: {...doc, medicalReview}, record}
}
