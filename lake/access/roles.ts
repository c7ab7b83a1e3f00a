// The roles the lake knows and the document grants each one gets, in the shape the Studio reads
// from `/projects/:id/datasets/:dataset/acl` (sanity's createGrantsStore / grantsPermissionOn):
// a list of `{filter, permissions}` where the filter is a GROQ filter on one document.
// Roles as Sanity defines them (https://www.sanity.io/docs/content-lake/roles): administrator and
// editor read and write every document, a contributor creates and edits drafts only, a viewer reads
// only (drafts included). The grant lists match the Studio's own role table (sanity's
// DEBUG_ROLE_GRANTS_MAP). Plugins add roles of their own (lake/plugin.ts `roles`): a lake's
// RoleTable holds the standard four and those.
//
// One rule holds every write, whatever route it comes by (mutations, actions, uploads, the release
// scheduler): `authorizeChanges` checks each changed document by its id and its content, before
// and after, against the writer's grants, and adds what grants cannot say:
// - asset documents (`image-…`, `file-…`) are made by the upload routes; a role whose only asset
//   grant is the upload one cannot create them by mutation (Sanity's contributor "uploads assets",
//   through the assets API);
// - system documents (`_.**`, releases) are written only by the actions that own them, by roles
//   whose grants allow the write, never by a mutation;
// - a scheduled (or published, archived) release's versions are locked to mutations.
// Plugins add their own rules on top (lake/plugin.ts `authorizeWrite`, run by the store).
import {evaluate, parse, type ExprNode} from 'groq-js'
import {conflict, LakeError} from '../http/errors'
import {publishedIdOf, releaseDocumentId, releaseOf, SYSTEM_PREFIX} from '../../model/sanity/ids'
import type {DocumentChange, LakeDocument} from '../store/types'

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
const WRITE: Permission[] = ['read', 'create', 'history', 'update']

/** The contributor's grants: read everything, write drafts, upload assets. */
export const DRAFTING_GRANTS: readonly Grant[] = [
  {filter: ALL, permissions: ['read']},
  {filter: DRAFTS, permissions: ['create', 'history', 'update']},
  {filter: ASSETS, permissions: ['create'], only: 'upload'},
]

const STANDARD: Record<string, RoleDefinition> = {
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
    grants: [...DRAFTING_GRANTS],
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

/** Sanity's standard roles, which every lake has. */
export const STANDARD_ROLES: readonly RoleDefinition[] = Object.values(STANDARD)
export const ROLE_NAMES: readonly string[] = Object.keys(STANDARD)

/**
 * A lake's roles: the standard four and those its plugins add. Added roles are listed before the
 * viewer, so the list runs from most to least that a role may do.
 */
export class RoleTable {
  private readonly byName = new Map<string, RoleDefinition>()

  constructor(added: readonly RoleDefinition[] = []) {
    const viewer = STANDARD.viewer!
    for (const role of [...STANDARD_ROLES.filter((r) => r !== viewer), ...added, viewer]) {
      if (this.byName.has(role.name)) throw new Error(`Two roles are named "${role.name}"`)
      this.byName.set(role.name, role)
    }
  }

  get names(): string[] {
    return [...this.byName.keys()]
  }

  list(): RoleDefinition[] {
    return [...this.byName.values()]
  }

  has(name: unknown): name is string {
    return typeof name === 'string' && this.byName.has(name)
  }

  /** The role, or Sanity's 403 for a user whose role this lake does not know. */
  get(name: string): RoleDefinition {
    const role = this.byName.get(name)
    if (!role)
      throw new LakeError(
        403,
        'forbiddenError',
        `Role "${name}" is not a role of this lake; its roles are ${this.names.join(', ')}`,
      )
    return role
  }
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
  for (const change of changes) {
    const {before, after, index, id} = change
    const permission: Permission = before ? 'update' : 'create'
    if (via !== 'action' && (isSystemDocument(id, before) || isSystemDocument(id, after)))
      throw insufficientPermissions(permission, index, id)
    // Drafts and versions are of content: never of a system document, which a release publish
    // (the scheduler's too) would otherwise overwrite or delete.
    const target = publishedIdOf(id)
    if (target !== id && target.startsWith(SYSTEM_PREFIX))
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

/** Sanity's answer to a project-settings request from a role without those rights. */
export function requireProjectManager(role: RoleDefinition): void {
  if (!role.managesProject)
    throw new LakeError(
      403,
      'forbiddenError',
      `The ${role.title.toLowerCase()} role may not manage datasets or users; an administrator may`,
    )
}
