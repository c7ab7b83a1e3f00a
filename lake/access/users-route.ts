// Who is signed in and what they may do, at the paths the Studio asks: `/users/me` (the token's
// user), `/users/:ids` (sanity's createUserStore batches ids with commas), `/projects/:id` with
// its members, `/projects/:id/grants` and `/projects/:id/datasets/:dataset/acl` (the document
// grants sanity's createGrantsStore evaluates to enable or disable each document action).
// The lake's own user management (`/lake/users`) is the administrator's.
import {requireToken, requireUser, type RouteContext} from '../http/context'
import {badRequest, notFound} from '../http/errors'
import {readJson, sendJson} from '../http/http'
import {requireProjectManager, studioGrants, type RoleDefinition} from './roles'
import {route} from '../http/route'
import {ROBOT_USER, type LakeUser, type NewUser} from './users'

const roleRef = (role: RoleDefinition) => ({name: role.name, title: role.title})

/** The current user as `/users/me` answers (sanity's CurrentUser). */
function currentUser(user: LakeUser, role: RoleDefinition) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    profileImage: user.imageUrl,
    role: role.name,
    roles: [roleRef(role)],
    provider: 'sanity',
  }
}

/** A user as `/users/:ids` answers (sanity's User: displayName, imageUrl). */
function publicUser(user: LakeUser, me: LakeUser | null) {
  return {
    id: user.id,
    displayName: user.name,
    imageUrl: user.imageUrl,
    isCurrentUser: user.id === me?.id,
    createdAt: user.createdAt,
  }
}

function everyone(ctx: RouteContext): LakeUser[] {
  return [ROBOT_USER, ...ctx.lake.users.list()]
}

function checkProject(ctx: RouteContext): void {
  if (ctx.params.projectId !== ctx.lake.projectId)
    throw notFound(`Project "${ctx.params.projectId}" not found`)
}

function me(ctx: RouteContext) {
  // Without a token the Studio shows its login screen, as with hosted Sanity.
  if (!ctx.user) return sendJson(ctx.res, 200, {})
  sendJson(ctx.res, 200, currentUser(ctx.user, ctx.lake.roles.get(ctx.user.role)))
}

function users(ctx: RouteContext) {
  const {user: current} = requireUser(ctx)
  const ids = (ctx.params.ids ?? '').split(',')
  const byId = new Map(everyone(ctx).map((user) => [user.id, user]))
  const found = ids.map((id) => {
    const user = id === 'me' ? current : byId.get(id)
    return user ? publicUser(user, current) : null
  })
  sendJson(ctx.res, 200, ids.length === 1 ? found[0] : found)
}

function project(ctx: RouteContext) {
  checkProject(ctx)
  sendJson(ctx.res, 200, {
    id: ctx.lake.projectId,
    displayName: 'clinic-kit (local lake)',
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    metadata: {},
    organizationId: null,
    createdAt: '2026-01-01T00:00:00Z',
    // Members are listed to signed-in users only, as a project's are.
    members: ctx.user
      ? everyone(ctx).map((user) => {
          const role = ctx.lake.roles.get(user.role)
          return {
            id: user.id,
            role: role.name,
            roles: [roleRef(role)],
            isRobot: user.id === ROBOT_USER.id,
            isCurrentUser: user.id === ctx.user?.id,
          }
        })
      : [],
    features: [],
  })
}

/**
 * Project-level grants keyed by permission resource, as the Studio reads them (it looks for
 * `sanity.project.members` "invite" and `sanity.project` "deployStudio"); the document grants
 * come from the dataset's acl.
 */
function projectGrants(ctx: RouteContext) {
  checkProject(ctx)
  const {role} = requireUser(ctx)
  const grants = (names: string[]) => [{grants: names.map((name) => ({name})), config: {}}]
  sendJson(ctx.res, 200, {
    'sanity.project': grants(role.managesProject ? ['read', 'update'] : ['read']),
    'sanity.project.members': grants(role.managesProject ? ['read', 'invite'] : ['read']),
    'sanity.project.datasets': grants(
      role.managesProject ? ['read', 'create', 'delete'] : ['read'],
    ),
  })
}

function acl(ctx: RouteContext) {
  checkProject(ctx)
  const {role} = requireUser(ctx)
  if (!ctx.lake.datasets.get(ctx.params.dataset ?? ''))
    throw notFound(`Dataset "${ctx.params.dataset}" not found`)
  sendJson(ctx.res, 200, studioGrants(role))
}

// The lake's user management, for `npm run lake -- users … --url`.

function requireAdministrator(ctx: RouteContext): void {
  requireToken(ctx)
  requireProjectManager(requireUser(ctx).role)
}

function listUsers(ctx: RouteContext) {
  requireAdministrator(ctx)
  sendJson(ctx.res, 200, ctx.lake.users.list())
}

async function addUser(ctx: RouteContext) {
  requireAdministrator(ctx)
  const body = await readJson(ctx.req)
  if (body.imageUrl === undefined) delete body.imageUrl
  const {user, token} = ctx.lake.users.add(body as unknown as NewUser)
  sendJson(ctx.res, 200, {user, token})
}

function removeUser(ctx: RouteContext) {
  requireAdministrator(ctx)
  const id = ctx.params.id ?? ''
  if (id === ROBOT_USER.id) throw badRequest('The lake token is not a user; it cannot be removed')
  ctx.lake.users.remove(id)
  sendJson(ctx.res, 200, {deleted: true, id})
}

function issueToken(ctx: RouteContext) {
  requireAdministrator(ctx)
  const id = ctx.params.id ?? ''
  sendJson(ctx.res, 200, {id, token: ctx.lake.users.issueToken(id)})
}

export const userRoutes = [
  route('GET', '/v:version/users/me', me),
  route('GET', '/v:version/users/:ids', users),
  route('GET', '/v:version/projects/:projectId', project),
  route('GET', '/v:version/projects/:projectId/grants', projectGrants),
  route('GET', '/v:version/projects/:projectId/datasets/:dataset/acl', acl),
  route('GET', '/v:version/lake/users', listUsers),
  route('POST', '/v:version/lake/users', addUser),
  route('DELETE', '/v:version/lake/users/:id', removeUser),
  route('POST', '/v:version/lake/users/:id/token', issueToken),
]
