// What Sanity Studio asks a project for besides content: the current user, the project, its
// datasets and grants, feature flags and product routes the lake does not offer. Each answers
// with the valid empty shape, so the Studio runs offline with the lake's token as its login.
import {requireToken, type RouteContext} from '../context'
import {sendJson} from '../http'
import {route} from '../route'

const ALL_DOCUMENTS = '_id in path("**")'

export const LAKE_USER = {
  id: 'lake-editor',
  name: 'Local editor',
  email: 'editor@clinic-kit.localhost',
  profileImage: null,
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator'}],
  provider: 'sanity',
}

function me(ctx: RouteContext) {
  // Without the token the Studio shows its login screen, as with hosted Sanity.
  if (!ctx.authorized) return sendJson(ctx.res, 200, {})
  sendJson(ctx.res, 200, LAKE_USER)
}

function users(ctx: RouteContext) {
  requireToken(ctx)
  const ids = (ctx.params.ids ?? '').split(',')
  const found = ids.map((id) => (id === LAKE_USER.id || id === 'me' ? LAKE_USER : null))
  sendJson(ctx.res, 200, ids.length === 1 ? found[0] : found)
}

function project(ctx: RouteContext) {
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
    members: [{id: LAKE_USER.id, role: 'administrator', isRobot: false, isCurrentUser: true}],
    features: [],
  })
}

function acl(ctx: RouteContext) {
  requireToken(ctx)
  sendJson(ctx.res, 200, [
    {filter: ALL_DOCUMENTS, permissions: ['history', 'read', 'update', 'create']},
  ])
}

const json = (value: unknown) => (ctx: RouteContext) => sendJson(ctx.res, 200, value)

export const studioRoutes = [
  route('GET', '/v:version/users/me', me),
  route('GET', '/v:version/users/:ids', users),
  route('GET', '/v:version/projects/:projectId', project),
  route('GET', '/v:version/projects/:projectId/grants', json({})),
  route('GET', '/v:version/projects/:projectId/datasets/:dataset/acl', acl),
  route('GET', '/v:version/projects/:projectId/user-applications', json([])),
  route('GET', '/v:version/projects/:projectId/features', json([])),
  // Turns on Studio comments (sanity/lib `useResolveCommentsEnabled`); they live in an add-on
  // dataset (routes/comments.ts).
  route('GET', '/v:version/features', json(['studioComments'])),
  route('GET', '/v:version/journey/:rest*', json({})),
  route('GET', '/v:version/schedules/:projectId/:dataset', json({schedules: []})),
  route('GET', '/v:version/ping', json('PONG')),
  route('GET', '/v:version/help', json({})),
  route('GET', '/v:version/intake/telemetry-status', json({status: 'denied'})),
  route('POST', '/v:version/intake/batch', json({})),
]
