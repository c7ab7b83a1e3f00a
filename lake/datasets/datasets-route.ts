// Dataset management at the paths Sanity's projects API and @sanity/client use: list, create,
// edit, delete and copy. @sanity/client's `client.datasets.*` calls `/datasets[/<name>]` on the
// project host, or `/projects/<id>/datasets` to list with `useProjectHostname: false`; the Sanity
// CLI's `dataset copy` sends `PUT /datasets/<name>/copy` and follows `/jobs/<id>/listen`
// (@sanity/cli dist/services/datasets.js). Both forms are served.
import {randomUUID} from 'node:crypto'
import {
  requireToken,
  requireUser,
  type Handler,
  type Lake,
  type RouteContext,
} from '../http/context'
import {ACL_MODES, assertDatasetName, type AclMode, type DatasetSettings} from './datasets'
import {badRequest, notFound} from '../http/errors'
import {readBody, sendJson} from '../http/http'
import {requireProjectManager} from '../access/roles'
import {route, type Route} from '../http/route'
import {ROBOT_USER} from '../access/users'
import {commentsAddonFor} from './comments-route'

interface CopyJob {
  id: string
  sourceDataset: string
  targetDataset: string
  state: 'completed'
  withHistory: boolean
  createdAt: string
  updatedAt: string
}

const jobsByLake = new WeakMap<Lake, Map<string, CopyJob>>()

function jobs(lake: Lake): Map<string, CopyJob> {
  let map = jobsByLake.get(lake)
  if (!map) jobsByLake.set(lake, (map = new Map()))
  return map
}

/** `/projects/<id>/…` paths name the project; another id is Sanity's 404. */
function checkProject(ctx: RouteContext): void {
  const projectId = ctx.params.projectId
  if (projectId !== undefined && projectId !== ctx.lake.projectId)
    throw notFound(`Project "${projectId}" not found`)
}

/** Creating, editing, copying and deleting datasets is the administrator's (lake/access/roles.ts). */
function requireManager(ctx: RouteContext): void {
  requireProjectManager(requireUser(ctx).role)
}

/** The JSON body, where an empty one (the client's `datasets.create(name)`) is `{}`. */
async function optionalJson(ctx: RouteContext): Promise<Record<string, unknown>> {
  const raw = (await readBody(ctx.req)).toString('utf8').trim()
  if (raw === '') return {}
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    throw badRequest('The request body is not valid JSON')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be a JSON object')
  return body as Record<string, unknown>
}

function settingsFrom(body: Record<string, unknown>): DatasetSettings {
  const {aclMode, description} = body
  if (aclMode !== undefined && !ACL_MODES.includes(aclMode as AclMode))
    throw badRequest(`aclMode must be one of ${ACL_MODES.join(', ')}`)
  if (description !== undefined && description !== null && typeof description !== 'string')
    throw badRequest('description must be a string or null')
  return {aclMode: aclMode as AclMode | undefined, description}
}

function list(ctx: RouteContext) {
  checkProject(ctx)
  const exists = (name: string) => ctx.lake.datasets.has(name)
  // `?datasetProfile=comments&addonFor=<dataset>` is how the Studio finds its comments dataset.
  const profile = ctx.url.searchParams.get('datasetProfile')
  const addonForWanted = ctx.url.searchParams.get('addonFor')
  const described = ctx.lake.datasets.infoList().map(({name, aclMode, description, createdAt}) => {
    const addonFor = commentsAddonFor(name, exists)
    return {
      name,
      aclMode,
      ...(description ? {description} : {}),
      createdAt,
      createdByUserId: ROBOT_USER.id,
      addonFor,
      datasetProfile: addonFor ? 'comments' : 'content',
      features: [],
      tags: [],
    }
  })
  sendJson(
    ctx.res,
    200,
    described.filter(
      (d) =>
        (profile === null || d.datasetProfile === profile) &&
        (addonForWanted === null || d.addonFor === addonForWanted),
    ),
  )
}

async function create(ctx: RouteContext) {
  checkProject(ctx)
  requireManager(ctx)
  const name = ctx.params.dataset ?? ''
  assertDatasetName(name)
  const settings = settingsFrom(await optionalJson(ctx))
  ctx.lake.datasets.create(name, settings)
  const {aclMode, description} = ctx.lake.datasets.info(name)
  sendJson(ctx.res, 200, {datasetName: name, aclMode, description})
}

async function edit(ctx: RouteContext) {
  checkProject(ctx)
  requireManager(ctx)
  const name = ctx.params.dataset ?? ''
  const settings = settingsFrom(await optionalJson(ctx))
  const {aclMode, description} = ctx.lake.datasets.edit(name, settings)
  sendJson(ctx.res, 200, {datasetName: name, aclMode, description})
}

function remove(ctx: RouteContext) {
  checkProject(ctx)
  requireManager(ctx)
  ctx.lake.datasets.remove(ctx.params.dataset ?? '')
  sendJson(ctx.res, 200, {deleted: true})
}

/**
 * Sanity copies in the background and answers with a job id (sanity.io/docs/copy-api); the lake
 * copies before it answers, so the job is already complete when the client follows it. The
 * copy keeps the transaction log unless `skipHistory`.
 */
async function copy(ctx: RouteContext) {
  checkProject(ctx)
  requireManager(ctx)
  const from = ctx.params.dataset ?? ''
  const body = await optionalJson(ctx)
  const target = body.targetDataset
  if (typeof target !== 'string') throw badRequest('The body needs "targetDataset"')
  const withHistory = body.skipHistory !== true
  ctx.lake.datasets.copy(from, target, {skipHistory: !withHistory})
  const now = new Date().toISOString()
  const job: CopyJob = {
    id: `jn${randomUUID().replaceAll('-', '')}`,
    sourceDataset: from,
    targetDataset: target,
    state: 'completed',
    withHistory,
    createdAt: now,
    updatedAt: now,
  }
  jobs(ctx.lake).set(job.id, job)
  sendJson(ctx.res, 200, {
    datasetName: from,
    message: `Starting copying dataset ${from} to ${target}...`,
    aclMode: ctx.lake.datasets.info(target).aclMode,
    jobId: job.id,
  })
}

function copyJobs(ctx: RouteContext) {
  checkProject(ctx)
  requireToken(ctx)
  sendJson(ctx.res, 200, [...jobs(ctx.lake).values()].reverse())
}

function requireJob(ctx: RouteContext): CopyJob {
  const job = jobs(ctx.lake).get(ctx.params.jobId ?? '')
  if (!job) throw notFound(`Job "${ctx.params.jobId}" not found`)
  return job
}

function job(ctx: RouteContext) {
  sendJson(ctx.res, 200, requireJob(ctx))
}

/** The job's progress as Server-Sent Events: one `job` event, then `done`. */
function jobListen(ctx: RouteContext) {
  const found = requireJob(ctx)
  ctx.res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  })
  const data = JSON.stringify({...found, progress: 100})
  ctx.res.write(`event: job\ndata: ${data}\n\n`)
  ctx.res.end(`event: done\ndata: ${data}\n\n`)
}

/** Both the project-host form (`/datasets/…`) and the `/projects/<id>/datasets/…` form. */
function both(method: string, path: string, handler: Handler): Route[] {
  return [
    route(method, `/v:version/datasets${path}`, handler),
    route(method, `/v:version/projects/:projectId/datasets${path}`, handler),
  ]
}

export const datasetRoutes: Route[] = [
  ...both('GET', '', list),
  // Before `/datasets/:dataset`, which would otherwise take "copy" as a dataset name.
  ...both('GET', '/copy', copyJobs),
  ...both('PUT', '/:dataset/copy', copy),
  ...both('POST', '/:dataset/copy', copy),
  ...both('PUT', '/:dataset', create),
  ...both('PATCH', '/:dataset', edit),
  ...both('DELETE', '/:dataset', remove),
  route('GET', '/v:version/jobs/:jobId', job),
  route('GET', '/v:version/jobs/:jobId/listen', jobListen),
  // The CLI lists aliases beside datasets; the lake has none.
  route('GET', '/v:version/aliases', (ctx) => sendJson(ctx.res, 200, [])),
]
