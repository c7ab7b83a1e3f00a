// List previews for reviewed content show where the review stands: the request's status, else
// whether the approval the document carries still covers its text. A preview's `prepare` runs
// synchronously, so it selects the medical fields and fingerprints them with the synchronous
// SHA-256 (the same fingerprint Publish compares); the approval record behind the review is
// checked by Publish and the lake, not here.
import {listReviewState, reviewListStatus, type MedicalReviewValue} from '../model/review/state'
import {fingerprintOfSync, MEDICAL_CONTENT_FIELDS} from '../model/review/fingerprint'
import {reviewDueDate, reviewStatus} from '../model/review/dates'
import {clinicianName} from '../model/clinician'

type MedicalField = (typeof MEDICAL_CONTENT_FIELDS)[number]

/** The preview key a medical field is selected under, e.g. `medical_body`. */
const medicalKey = (field: MedicalField) => `medical_${field}` as const
type MedicalKey = ReturnType<typeof medicalKey>

const medicalSelect = Object.fromEntries(
  MEDICAL_CONTENT_FIELDS.map((field) => [medicalKey(field), field]),
) as Record<MedicalKey, MedicalField>

export const reviewPreviewSelect = {
  requestStatus: 'reviewRequest.status',
  requestPrefix: 'reviewRequest.reviewer.honorificPrefix',
  requestGivenName: 'reviewRequest.reviewer.givenName',
  requestFamilyName: 'reviewRequest.reviewer.familyName',
  reviewerName: 'medicalReview.reviewerName',
  reviewedAt: 'medicalReview.reviewedAt',
  nextReviewDue: 'medicalReview.nextReviewDue',
  reviewRecord: 'medicalReview.record',
  reviewFingerprint: 'medicalReview.fingerprint',
  reviewerRef: 'medicalReview.reviewer._ref',
  ...medicalSelect,
}

export type ReviewPreviewValues = {
  requestStatus?: string
  requestPrefix?: string
  requestGivenName?: string
  requestFamilyName?: string
  reviewerName?: string
  reviewedAt?: string
  nextReviewDue?: string
  reviewRecord?: string
  reviewFingerprint?: string
  reviewerRef?: string
} & {[key in MedicalKey]?: unknown}

/** The preview's values as the document's medical content and `medicalReview`. */
function previewDocument(values: ReviewPreviewValues) {
  const content: Record<string, unknown> = {}
  for (const field of MEDICAL_CONTENT_FIELDS) content[field] = values[medicalKey(field)]
  const review: MedicalReviewValue = {
    ...(values.reviewerRef ? {reviewer: {_ref: values.reviewerRef}} : {}),
    reviewerName: values.reviewerName,
    reviewedAt: values.reviewedAt,
    nextReviewDue: values.nextReviewDue,
    record: values.reviewRecord,
    fingerprint: values.reviewFingerprint,
  }
  return {content, review}
}

/**
 * e.g. "In review · Dr. Sloane Yu", "Changes requested · Dr. Sloane Yu",
 * "Reviewed by Dr. Sloane Yu · due 2027-11-02", "Review overdue since 2026-01-10 (Dr. Sloane Yu)",
 * "Changed since Dr. Sloane Yu’s review · needs review", "Not reviewed".
 */
export function reviewSubtitle(values: ReviewPreviewValues): string {
  if (values.requestStatus === 'inReview' || values.requestStatus === 'changesRequested') {
    const requested = clinicianName({
      honorificPrefix: values.requestPrefix,
      givenName: values.requestGivenName,
      familyName: values.requestFamilyName,
    })
    return reviewListStatus('notReviewed', {status: values.requestStatus}, requested || undefined)
  }
  const {content, review} = previewDocument(values)
  const state = listReviewState(review, fingerprintOfSync(content))
  if (state.state !== 'approved') return reviewListStatus(state.state, null, values.reviewerName)
  const name = values.reviewerName
  switch (reviewStatus(review)) {
    case 'not-reviewed':
      return reviewListStatus('approved', null, name)
    case 'overdue':
      return `Review overdue since ${reviewDueDate(review)}${name ? ` (${name})` : ''}`
    case 'current':
      return `${reviewListStatus('approved', null, name)} · due ${reviewDueDate(review)}`
  }
}
