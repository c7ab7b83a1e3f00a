// The roles the lake knows and the document grants each one gets, in the shape the Studio reads
// from `/projects/:id/datasets/:dataset/acl` (sanity's createGrantsStore / grantsPermissionOn):
// a list of `{filter, permissions}` where the filter is a GROQ filter on one document.
// Roles as Sanity defines them (https://www.sanity.io/docs/content-lake/roles): administrator and
// editor read and write every document, a contributor creates and edits drafts only, a viewer reads
// only (drafts included). The grant lists match the Studio's own role table (sanity's
// DEBUG_ROLE_GRANTS_MAP). clinic-kit adds the medical reviewer, who edits drafts like a
// contributor, cannot publish, and records reviews (`reviewRecord` documents under `reviews.`).
// Review records are append-only: only a role that manages the project changes or deletes one.
//
// One rule holds every write, whatever route it comes by (mutations, actions, uploads, the release
// scheduler): `authorizeChanges` checks each changed document by its id and its content, before
// and after, against the writer's grants, and adds what grants cannot say:
// - asset documents (`image-…`, `file-…`) are made by the upload routes; a role whose only asset
//   grant is the upload one cannot create them by mutation (Sanity's contributor "uploads assets",
//   through the assets API);
// - system documents (`_.**`, releases) are written only by the actions that own them, by roles
//   whose grants allow the write, never by a mutation;
// - a scheduled (or published, archived) release's versions are locked to mutations;
// - a clinician's `linkedUser`, the link the review rules trust, changes only by a role that
//   manages the project (clinic-rules/review-trail.ts records each change in the review trail).
import {evaluate, parse, type ExprNode} from 'groq-js'
import {REVIEW_RECORD_ID_PREFIX, REVIEW_RECORD_TYPE} from '../../model/review/state'
import {conflict, LakeError} from '../http/errors'
import {
  isPublishedId,
  publishedIdOf,
  releaseDocumentId,
  releaseOf,
  SYSTEM_PREFIX,
} from '../store/ids'
import {isReviewRecord} from '../../clinic-rules/review-records'
import type {DocumentChange, LakeDocument} from '../store/store'

export type Permission = 'read' | 'create' | 'update' | 'history'
/** The route a write comes by: a mutation, an action (release, document, version) or an upload. */
export type WritePath = 'mutation' | 'action' | 'upload'
export interface Grant {
  filter: string
  permissions: Permission[]
  /** The grant holds only for writes by this path (the lake's own; the Studio never sees it). */
  only?: WritePath
}
export interface RoleDefinition {
  name: string
  title: string
  description: string
  grants: Grant[]
  /** Creates, copies, edits and deletes datasets, and manages the lake's users. */
  managesProject: boolean
}

const ALL = '_id in path("**")'
const DRAFTS = '_id in path("drafts.**")'
// Uploading an image or file makes an asset document with a published id; drafting roles may
// upload (an image in a draft needs one) without being allowed to publish content. The grant
// names asset ids as the upload route forms them (`image-<sha1>-<w>x<h>-<ext>`,
// `file-<sha1>-<ext>`) and holds for the upload route only.
export const ASSET_TYPES = ['sanity.imageAsset', 'sanity.fileAsset']
const ASSETS = `_type in ${JSON.stringify(ASSET_TYPES)} && _id in path("*") && (string::startsWith(_id, "image-") || string::startsWith(_id, "file-"))`
// Who wrote a record, and in whose name, is checked on commit (clinic-rules/review-records.ts).
const RELEASE_VERSIONS = '_id in path("versions.**")'
const REVIEW_RECORDS = `_type == "${REVIEW_RECORD_TYPE}" && _id in path("${REVIEW_RECORD_ID_PREFIX}**")`
const WRITE: Permission[] = ['read', 'create', 'history', 'update']

const draftsOnly: Grant[] = [
  {filter: ALL, permissions: ['read']},
  {filter: DRAFTS, permissions: ['create', 'history', 'update']},
  {filter: ASSETS, permissions: ['create'], only: 'upload'},
]

export const ROLES: Record<string, RoleDefinition> = {
  administrator: {
    name: 'administrator',
    title: 'Administrator',
    description: 'Read and write access to all datasets, with full access to all project settings.',
    grants: [{filter: ALL, permissions: WRITE}],
    managesProject: true,
  },
  editor: {
    name: 'editor',
    title: 'Editor',
    description: 'Read and write access to all datasets, with limited access to project settings.',
    grants: [{filter: ALL, permissions: WRITE}],
    managesProject: false,
  },
  contributor: {
    name: 'contributor',
    title: 'Contributor',
    description: 'Read access to all datasets; creates and edits drafts, cannot publish.',
    grants: draftsOnly,
    managesProject: false,
  },
  medicalReviewer: {
    name: 'medicalReviewer',
    title: 'Medical reviewer',
    description:
      'Reviews medical content: reads everything, edits drafts and release versions, records reviews, cannot publish.',
    grants: [
      ...draftsOnly,
      // A release's versions are drafts of a kind (they go live only when someone who may publish
      // runs the release): the reviewer approves a changed text in them as in a draft.
      {filter: RELEASE_VERSIONS, permissions: ['create', 'history', 'update']},
      {filter: REVIEW_RECORDS, permissions: ['create']},
    ],
    managesProject: false,
  },
  viewer: {
    name: 'viewer',
    title: 'Viewer',
    description: 'Read-only access to all datasets, drafts included.',
    grants: [{filter: ALL, permissions: ['read', 'history']}],
    managesProject: false,
  },
}

export const ROLE_NAMES = Object.keys(ROLES)

export function isRoleName(name: unknown): name is string {
  return typeof name === 'string' && Object.hasOwn(ROLES, name)
}

export function roleOf(name: string): RoleDefinition {
  const role = ROLES[name]
  if (!role) throw new Error(`Unknown role "${name}"`)
  return role
}

const parsed = new Map<string, ExprNode>()

/** Whether the grant's filter selects the document, evaluated as the Studio does (`*[filter]`). */
async function matches(filter: string, doc: LakeDocument, identity: string): Promise<boolean> {
  let tree = parsed.get(filter)
  if (!tree) parsed.set(filter, (tree = parse(`*[${filter}]`)))
  const result = await (await evaluate(tree, {dataset: [doc], identity})).get()
  return Array.isArray(result) && result.length === 1
}

export async function hasPermission(
  role: RoleDefinition,
  permission: Permission,
  doc: LakeDocument,
  identity: string,
  via: WritePath = 'mutation',
): Promise<boolean> {
  for (const grant of role.grants)
    if (
      grant.permissions.includes(permission) &&
      (grant.only === undefined || grant.only === via) &&
      (await matches(grant.filter, doc, identity))
    )
      return true
  return false
}

/** The grants as the Studio reads them (`/acl`): filter and permissions. */
export function studioGrants(role: RoleDefinition): Array<Omit<Grant, 'only'>> {
  return role.grants.map(({filter, permissions}) => ({filter, permissions}))
}

/**
 * Sanity's refusal of a write the caller's grants do not allow: 403, a `mutationError` whose
 * items carry `insufficientPermissionsError` with the permission (the Studio looks for that type
 * in `error.details.items[].error`, sanity's isInsufficientPermissionsError).
 */
export function insufficientPermissions(permission: Permission, index: number, id?: string) {
  const description = `Insufficient permissions; permission "${permission}" required`
  return new LakeError(403, 'mutationError', description, {
    items: [
      {
        index,
        error: {type: 'insufficientPermissionsError', description, permission, ...(id ? {id} : {})},
      },
    ],
  })
}

/** How a write reaches the store, and the documents as they stood before the transaction. */
export interface WriteInfo {
  via?: WritePath
  before?: (id: string) => LakeDocument | null
}

/** A system document: under `_.` (releases and anything else there), or of a `system.` type. */
export function isSystemDocument(id: string, doc: LakeDocument | null): boolean {
  return id.startsWith(SYSTEM_PREFIX) || (doc?._type ?? '').startsWith('system.')
}

const linkOf = (doc: LakeDocument | null) =>
  doc?._type === 'clinician' && typeof doc.linkedUser === 'string' ? doc.linkedUser : null

/** A change of a published clinician's `linkedUser` (set, changed, removed, or deleted with it). */
export function changesClinicianLink(change: DocumentChange): boolean {
  return isPublishedId(change.id) && linkOf(change.before) !== linkOf(change.after)
}

/**
 * Checks every change of a transaction against the role's grants, as the Studio's pair
 * permissions do (sanity's getPairPermissions): creating a document needs "create" on it,
 * changing one needs "update" on it before and after, deleting one needs "update" on it. So
 * publishing (writing the published id, deleting the draft) needs "create"/"update" on the
 * published document, which drafting roles lack. Then the rules grants cannot say (see the top
 * of this file). Throws Sanity's 403 `insufficientPermissionsError` item, or the 409 the release
 * actions give for a locked release.
 */
export async function authorizeChanges(
  role: RoleDefinition,
  identity: string,
  changes: Array<DocumentChange & {index: number}>,
  info: WriteInfo = {},
): Promise<void> {
  const via = info.via ?? 'mutation'
  refuseRecordChanges(role, changes)
  for (const change of changes) {
    const {before, after, index, id} = change
    const permission: Permission = before ? 'update' : 'create'
    if (via !== 'action' && (isSystemDocument(id, before) || isSystemDocument(id, after)))
      throw insufficientPermissions(permission, index, id)
    // Drafts and versions are of content: never of a system document or a review record, which
    // a release publish (the scheduler's too) would otherwise overwrite or delete.
    const target = publishedIdOf(id)
    if (
      target !== id &&
      (target.startsWith(SYSTEM_PREFIX) || target.startsWith(REVIEW_RECORD_ID_PREFIX))
    )
      throw insufficientPermissions(permission, index, id)
    if (changesClinicianLink(change) && !role.managesProject)
      throw insufficientPermissions(permission, index, id)
    if (via === 'mutation') refuseLockedVersion(id, index, info.before)
    if (!before && after) {
      if (!(await hasPermission(role, 'create', after, identity, via)))
        throw insufficientPermissions('create', index, id)
      continue
    }
    for (const doc of [before, after])
      if (doc && !(await hasPermission(role, 'update', doc, identity, via)))
        throw insufficientPermissions('update', index, id)
  }
}

/**
 * "No documents in the release can be modified" once it is scheduled (the client's
 * `releases.schedule`): the version actions refuse it (lake/actions/version.ts), and so does a
 * mutation, with the same 409. Only the release's own actions (publish, archive, delete) and the
 * scheduler write them then.
 */
function refuseLockedVersion(id: string, index: number, before: WriteInfo['before']): void {
  const releaseId = releaseOf(id)
  if (releaseId === null || !before) return
  const release = before(releaseDocumentId(releaseId))
  if (release && release.state !== 'active') {
    const description = `Release "${releaseId}" is ${String(release.state)}: its documents cannot be changed`
    throw conflict(description, {
      items: [{index, error: {type: 'releaseLockedError', description, id}}],
    })
  }
}

/**
 * Review records are append-only: changing or deleting one (or turning another document into
 * one) needs a role that manages the project, whatever its grants. Sanity's 403 for a missing
 * grant, so the Studio reads it as a permission problem.
 */
export function refuseRecordChanges(
  role: RoleDefinition,
  changes: Array<DocumentChange & {index: number}>,
): void {
  if (role.managesProject) return
  for (const {id, before, after, index} of changes)
    if (before && (isReviewRecord(id, before) || isReviewRecord(id, after)))
      throw insufficientPermissions('update', index, id)
}

/** Sanity's answer to a project-settings request from a role without those rights. */
export function requireProjectManager(role: RoleDefinition): void {
  if (!role.managesProject)
    throw new LakeError(
      403,
      'forbiddenError',
      `The ${role.title.toLowerCase()} role may not manage datasets or users; an administrator may`,
    )
}
