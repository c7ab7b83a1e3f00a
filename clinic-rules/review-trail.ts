// The review trail keeps who may sign in a clinician's name: every change of a published
// clinician's `linkedUser` (set, changed, removed, or the clinician deleted) gets a
// `clinicianLinkRecord` at `reviews.<clinicianId>.link-<unique>`, written by the lake in the same
// transaction. Only an administrator may make the change (clinic-rules/review-access.ts); the record is
// append-only like every record under `reviews.`.
import {
  LINK_RECORD_TYPE,
  REVIEW_RECORD_ID_PREFIX,
  type ClinicianLinkRecord,
} from '../model/review/state'
import {randomId} from '../lake/store/random-id'
import {changesClinicianLink} from './review-access'
import type {DocumentChange, LakeDocument} from '../lake/store/types'

const linkOf = (doc: LakeDocument | null) =>
  typeof doc?.linkedUser === 'string' && doc._type === 'clinician' ? doc.linkedUser : null

/** The trail's records of the link changes among `changes`, as changes to add beside them. */
export function linkTrailChanges(
  changes: DocumentChange[],
  author: string,
  transactionId: string,
  timestamp: string,
): DocumentChange[] {
  return changes.filter(changesClinicianLink).map((change) => {
    const record: ClinicianLinkRecord = {
      _id: `${REVIEW_RECORD_ID_PREFIX}${change.id}.link-${randomId(12)}`,
      _type: LINK_RECORD_TYPE,
      documentId: change.id,
      clinician: {_type: 'reference', _ref: change.id, _weak: true},
      previousUser: linkOf(change.before),
      linkedUser: linkOf(change.after),
      userId: author,
      at: timestamp,
    }
    const after = {
      ...record,
      _rev: transactionId,
      _createdAt: timestamp,
      _updatedAt: timestamp,
    } as unknown as LakeDocument
    return {id: record._id, operation: 'create', before: null, after, writtenBy: change.writtenBy}
  })
}
