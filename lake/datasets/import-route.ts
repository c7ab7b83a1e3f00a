// An import too large for one request, kept all-or-nothing: the client opens an import, sends its
// mutations in batches (each within the 10 MB body limit), then commits them. The lake stages the
// batches and only the commit writes, as one transaction; an import that is never committed (the
// client stops, a batch is refused, the lake restarts) writes nothing.
//
//   POST   /v{apiVersion}/data/import/{dataset}                     {} → {importId}
//   POST   /v{apiVersion}/data/import/{dataset}/{importId}          {mutations} → {mutations: total}
//   POST   /v{apiVersion}/data/import/{dataset}/{importId}/commit   [?dryRun=true] → {transactionId, documents}
//   DELETE /v{apiVersion}/data/import/{dataset}/{importId}          → {deleted: true}
import {randomUUID} from 'node:crypto'
import {
  requireDataset,
  requireToken,
  requireUser,
  writeAs,
  type Lake,
  type RouteContext,
} from '../http/context'
import {LakeError, badRequest, notFound} from '../http/errors'
import {flag, readBody, parseJson, sendJson} from '../http/http'
import {checkPatch} from '../store/patch-shape'
import {route} from '../http/route'
import type {RawMutation} from '../store/types'

/** Staged bytes the lake holds across all open imports; a batch beyond it is refused with 413. */
export const MAX_STAGED_IMPORT_BYTES = 512 * 1024 * 1024
/** An import without a request for this long is dropped, with everything it staged. */
export const IMPORT_IDLE_MS = 10 * 60 * 1000

interface PendingImport {
  id: string
  dataset: string
  /** Only the user who opened the import may add to it, commit or drop it. */
  userId: string
  mutations: RawMutation[]
  bytes: number
  timer: NodeJS.Timeout
}

const importsByLake = new WeakMap<Lake, Map<string, PendingImport>>()

function imports(lake: Lake): Map<string, PendingImport> {
  let map = importsByLake.get(lake)
  if (!map) importsByLake.set(lake, (map = new Map()))
  return map
}

function drop(lake: Lake, pending: PendingImport): void {
  clearTimeout(pending.timer)
  imports(lake).delete(pending.id)
}

function expireLater(lake: Lake, pending: PendingImport): void {
  clearTimeout(pending.timer)
  pending.timer = setTimeout(() => drop(lake, pending), IMPORT_IDLE_MS)
  pending.timer.unref()
}

/** The open import the path names, opened by this request's user on this dataset. */
function requireImport(ctx: RouteContext): PendingImport {
  requireDataset(ctx)
  requireToken(ctx)
  const {user} = requireUser(ctx)
  const pending = imports(ctx.lake).get(ctx.params.importId ?? '')
  if (!pending || pending.dataset !== ctx.params.dataset || pending.userId !== user.id)
    throw notFound(`Import "${ctx.params.importId}" not found (it may have expired)`)
  return pending
}

function open(ctx: RouteContext) {
  requireDataset(ctx)
  requireToken(ctx)
  const {user} = requireUser(ctx)
  const pending: PendingImport = {
    id: randomUUID(),
    dataset: ctx.params.dataset ?? '',
    userId: user.id,
    mutations: [],
    bytes: 0,
    timer: setTimeout(() => undefined, 0),
  }
  imports(ctx.lake).set(pending.id, pending)
  expireLater(ctx.lake, pending)
  sendJson(ctx.res, 200, {importId: pending.id})
}

async function addBatch(ctx: RouteContext) {
  const pending = requireImport(ctx)
  const raw = await readBody(ctx.req)
  const staged = [...imports(ctx.lake).values()].reduce((sum, each) => sum + each.bytes, 0)
  if (staged + raw.length > MAX_STAGED_IMPORT_BYTES)
    throw new LakeError(
      413,
      'requestTooLargeError',
      `Open imports may stage at most ${MAX_STAGED_IMPORT_BYTES / 1024 / 1024} MB; split the file into several imports`,
    )
  const body = parseJson(raw.toString('utf8'), 'The request body') as {mutations?: unknown}
  if (!body || typeof body !== 'object' || !Array.isArray(body.mutations))
    throw badRequest('The body needs a "mutations" array')
  body.mutations.forEach((mutation: unknown, index) => {
    const patch = (mutation as {patch?: unknown} | null)?.patch
    if (patch && typeof patch === 'object' && !Array.isArray(patch))
      checkPatch(patch as Record<string, unknown>, `Mutation ${pending.mutations.length + index}`)
  })
  pending.mutations.push(...(body.mutations as RawMutation[]))
  pending.bytes += raw.length
  expireLater(ctx.lake, pending)
  sendJson(ctx.res, 200, {importId: pending.id, mutations: pending.mutations.length})
}

/** Every staged mutation in one transaction; a dry run checks them and keeps the import open. */
async function commit(ctx: RouteContext) {
  const pending = requireImport(ctx)
  const dryRun = flag(ctx.url.searchParams, 'dryRun')
  const dataset = requireDataset(ctx)
  expireLater(ctx.lake, pending)
  const tx = await dataset.store.commit(pending.mutations, {...writeAs(ctx), dryRun})
  if (!dryRun) drop(ctx.lake, pending)
  sendJson(ctx.res, 200, {transactionId: tx.transactionId, documents: tx.changes.length})
}

function discard(ctx: RouteContext) {
  drop(ctx.lake, requireImport(ctx))
  sendJson(ctx.res, 200, {deleted: true})
}

export const importRoutes = [
  route('POST', '/v:version/data/import/:dataset', open),
  route('POST', '/v:version/data/import/:dataset/:importId/commit', commit),
  route('POST', '/v:version/data/import/:dataset/:importId', addBatch),
  route('DELETE', '/v:version/data/import/:dataset/:importId', discard),
]
