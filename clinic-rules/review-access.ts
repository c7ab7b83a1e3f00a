// Who may write what of the review, beyond the lake's grants. clinic-kit adds the medical
// reviewer role, who edits drafts like a contributor (and release versions), cannot publish, and
// records reviews (`reviewRecord` documents under `reviews.`). What grants cannot say, held on
// every write by a person (lake/plugin.ts authorizeWrite), with Sanity's 403 for a missing grant
// so the Studio reads it as a permission problem:
// - review records are append-only: changing or deleting one (or turning another document into
//   one) needs a role that manages the project, whatever its grants;
// - a review record has no draft or release version, which a release publish would otherwise
//   write over it;
// - a clinician's `linkedUser`, the link the review rules trust, changes only by a role that
//   manages the project (clinic-rules/review-trail.ts records each change in the review trail).
import {REVIEW_RECORD_ID_PREFIX, REVIEW_RECORD_TYPE} from '../model/review/state'
import {DRAFTING_GRANTS, insufficientPermissions, type RoleDefinition} from '../lake/access/roles'
import {isPublishedId, publishedIdOf} from '../model/sanity/ids'
import type {WriteAuthorization} from '../lake/plugin'
import type {DocumentChange, LakeDocument} from '../lake/store/types'
import {isReviewRecord} from './review-records'

// Who wrote a record, and in whose name, is checked on commit (clinic-rules/review-records.ts).
const RELEASE_VERSIONS = '_id in path("versions.**")'
const REVIEW_RECORDS = `_type == "${REVIEW_RECORD_TYPE}" && _id in path("${REVIEW_RECORD_ID_PREFIX}**")`

export const MEDICAL_REVIEWER: RoleDefinition = {
  name: 'medicalReviewer',
  title: 'Medical reviewer',
  description:
    'Reviews medical content: reads everything, edits drafts and release versions, records reviews, cannot publish.',
  grants: [
    ...DRAFTING_GRANTS,
    // A release's versions are drafts of a kind (they go live only when someone who may publish
    // runs the release): the reviewer approves a changed text in them as in a draft.
    {filter: RELEASE_VERSIONS, permissions: ['create', 'history', 'update']},
    {filter: REVIEW_RECORDS, permissions: ['create']},
  ],
  managesProject: false,
}

const linkOf = (doc: LakeDocument | null) =>
  doc?._type === 'clinician' && typeof doc.linkedUser === 'string' ? doc.linkedUser : null

/** A change of a published clinician's `linkedUser` (set, changed, removed, or deleted with it). */
export function changesClinicianLink(change: DocumentChange): boolean {
  return isPublishedId(change.id) && linkOf(change.before) !== linkOf(change.after)
}

/** Throws Sanity's 403 for the first change the review's write rules refuse. */
export function authorizeReviewWrite(write: WriteAuthorization): void {
  const {changes, managesProject} = write
  if (!managesProject)
    for (const {id, before, after, index} of changes)
      if (before && (isReviewRecord(id, before) || isReviewRecord(id, after)))
        throw insufficientPermissions('update', index, id)
  for (const change of changes) {
    const {id, before, index} = change
    const permission = before ? 'update' : 'create'
    // Not even a role that manages the project drafts a record.
    const target = publishedIdOf(id)
    if (target !== id && target.startsWith(REVIEW_RECORD_ID_PREFIX))
      throw insufficientPermissions(permission, index, id)
    if (changesClinicianLink(change) && !managesProject)
      throw insufficientPermissions(permission, index, id)
  }
}
