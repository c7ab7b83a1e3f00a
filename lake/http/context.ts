// What every route handler gets: the request, its parsed URL and path parameters, and the lake.
import type {LakeRequest, LakeResponse} from './http'
import type {Dataset, DatasetRegistry} from '../datasets/datasets'
import {notFound, unauthorized} from './errors'
import type {QueryPool} from '../query/pool'
import {
  authorizeChanges,
  type RoleDefinition,
  type RoleTable,
  type WritePath,
} from '../access/roles'
import type {CommitOptions} from '../store/store'
import type {LakeUser, UserStore} from '../access/users'

export interface Lake {
  datasets: DatasetRegistry
  /** Evaluates queries and listen filters off the serving thread. */
  queries: QueryPool
  /** The robot token: administrator, for tools, CI and scripts. */
  token: string
  /** The people who sign in to the Studio, each with a role and a token. */
  users: UserStore
  /** The roles users may have: the standard four and the plugins' (lake/plugin.ts). */
  roles: RoleTable
  projectId: string
  /** Folder for uploaded asset bytes. */
  assetsDir: string
  /** The lake's own origin, e.g. http://127.0.0.1:3030, used in asset URLs. */
  url: string
  /** The lake's clock (release schedules); tests may set their own. */
  now: () => Date
}

export interface RouteContext {
  req: LakeRequest
  res: LakeResponse
  url: URL
  params: Record<string, string>
  lake: Lake
  /** The request carries a valid token (a user's or the robot's): it may see drafts. */
  authorized: boolean
  /** Whose token it is, or null for an anonymous request. */
  user: LakeUser | null
  /** The user's role, which decides what it may write. */
  role: RoleDefinition | null
}

export type Handler = (ctx: RouteContext) => Promise<void> | void

/**
 * The dataset the path names (`:dataset`), or Sanity's 404 for one that does not exist. Only a
 * `public` dataset answers a request without a token; a `private` (or `custom`) one is read with a
 * token only, on every route that names it: "only authenticated users or requests with
 * authorization tokens can read from the dataset" (Sanity's private datasets,
 * https://www.sanity.io/release/v0.128.0), refused with the 401 `unauthorizedError` body the lake
 * gives every request that needs a token.
 */
export function requireDataset(ctx: RouteContext): Dataset {
  const name = ctx.params.dataset ?? ''
  const dataset = ctx.lake.datasets.get(name)
  if (!dataset) throw notFound(`Dataset "${name}" not found`)
  if (!ctx.authorized && ctx.lake.datasets.info(name).aclMode !== 'public')
    throw unauthorized(`Dataset "${name}" is private: send a token (Authorization: Bearer <token>)`)
  return dataset
}

export function requireToken(ctx: RouteContext): void {
  if (!ctx.authorized)
    throw unauthorized('This request needs the lake token (Authorization: Bearer <token>)')
}

/** The signed-in user and its role, or Sanity's 401 for an anonymous request. */
export function requireUser(ctx: RouteContext): {user: LakeUser; role: RoleDefinition} {
  requireToken(ctx)
  return {user: ctx.user!, role: ctx.role ?? ctx.lake.roles.get(ctx.user!.role)}
}

/**
 * Commit options that record the user as author and hold every change to its grants, for a write
 * by `via` (lake/access/roles.ts authorizeChanges).
 */
export function writeAs(
  ctx: RouteContext,
  via: WritePath = 'mutation',
): Pick<CommitOptions, 'author' | 'authorize' | 'administrator'> {
  const {user, role} = requireUser(ctx)
  return {
    author: user.id,
    administrator: role.managesProject,
    authorize: (changes, info) => authorizeChanges(role, user.id, changes, {...info, via}),
  }
}
