// The roles the lake knows and the document grants each one gets, in the shape the Studio reads
// from `/projects/:id/datasets/:dataset/acl` (sanity's createGrantsStore / grantsPermissionOn):
// a list of `{filter, permissions}` where the filter is a GROQ filter on one document.
// Roles as Sanity defines them (https://www.sanity.io/docs/content-lake/roles): administrator and
// editor read and write every document, a contributor creates and edits drafts only, a viewer reads
// only (drafts included). The grant lists match the Studio's own role table (sanity's
// DEBUG_ROLE_GRANTS_MAP). clinic-kit adds the medical reviewer, who edits drafts like a
// contributor, cannot publish, and records reviews (`reviewRecord` documents under `reviews.`).
// Review records are append-only: only a role that manages the project changes or deletes one.
import {evaluate, parse, type ExprNode} from 'groq-js'
import {REVIEW_RECORD_ID_PREFIX, REVIEW_RECORD_TYPE} from '../schemas/rules/approval'
import {LakeError} from './errors'
import {isReviewRecord} from './review-records'
import type {DocumentChange, LakeDocument} from './store'

export type Permission = 'read' | 'create' | 'update' | 'history'
export interface Grant {
  filter: string
  permissions: Permission[]
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
// upload (an image in a draft needs one) without being allowed to publish content.
const ASSETS = '_type in ["sanity.imageAsset", "sanity.fileAsset"]'
// Who wrote a record, and in whose name, is checked on commit (lake/review-records.ts).
const REVIEW_RECORDS = `_type == "${REVIEW_RECORD_TYPE}" && _id in path("${REVIEW_RECORD_ID_PREFIX}**")`
const WRITE: Permission[] = ['read', 'create', 'history', 'update']

const draftsOnly: Grant[] = [
  {filter: ALL, permissions: ['read']},
  {filter: DRAFTS, permissions: ['create', 'history', 'update']},
  {filter: ASSETS, permissions: ['create']},
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
      'Reviews medical content: reads everything, edits drafts, records reviews, cannot publish.',
    grants: [...draftsOnly, {filter: REVIEW_RECORDS, permissions: ['create']}],
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
): Promise<boolean> {
  for (const grant of role.grants)
    if (grant.permissions.includes(permission) && (await matches(grant.filter, doc, identity)))
      return true
  return false
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

/**
 * Checks every change of a transaction against the role's grants, as the Studio's pair
 * permissions do (sanity's getPairPermissions): creating a document needs "create" on it,
 * changing one needs "update" on it before and after, deleting one needs "update" on it. So
 * publishing (writing the published id, deleting the draft) needs "create"/"update" on the
 * published document, which drafting roles lack.
 */
export async function authorizeChanges(
  role: RoleDefinition,
  identity: string,
  changes: Array<DocumentChange & {index: number}>,
): Promise<void> {
  refuseRecordChanges(role, changes)
  for (const change of changes) {
    const {before, after, index, id} = change
    if (!before && after) {
      if (!(await hasPermission(role, 'create', after, identity)))
        throw insufficientPermissions('create', index, id)
      continue
    }
    for (const doc of [before, after])
      if (doc && !(await hasPermission(role, 'update', doc, identity)))
        throw insufficientPermissions('update', index, id)
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
