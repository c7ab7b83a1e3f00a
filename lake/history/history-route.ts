// Sanity's history API over the lake's transaction log (all need the token):
// - GET /v{apiVersion}/data/history/{dataset}/transactions/{id[,id…]}: NDJSON, oldest first, with
//   `fromTransaction`/`toTransaction` (both inclusive), `fromTime`/`toTime` (ISO date-times,
//   inclusive), `limit`, `reverse`, `excludeContent`, `includeIdentifiedDocumentsOnly` (without it
//   `documentIDs` lists every document the transaction changed) and `effectFormat=mendoza`
//   (per-document apply/revert patches) as the Studio requests them (sanity/lib
//   `getDocumentTransactions`).
// - GET …/history/{dataset}/documents/{id[,id…]}?revision=|time=|lastRevision=true:
//   `{documents: [...]}`, each document as it was (sanity/lib `getDocumentAtRevision`).
// - GET …/history/{dataset}/events/documents/{id}?limit=&nextCursor=: `{events: {<id>: [...]},
//   nextCursor}` (sanity/lib `getInitialFetchEvents`).
import {requireDataset, requireToken, type RouteContext} from '../http/context'
import {badRequest, LakeError} from '../http/errors'
import {documentGroupEvents} from './events'
import {mendozaEffect} from './effects'
import {flag, sendJson} from '../http/http'
import {publishedIdOf} from '../../model/sanity/ids'
import {route} from '../http/route'
import type {LakeStore} from '../store/store'
import type {LoggedTransaction} from '../store/types'

const MAX_LIMIT = 1000
/** Document ids one history request may name (the Studio asks for a document's few ids). */
export const MAX_HISTORY_IDS = 200
/** The NDJSON of one transactions answer; past it, ask for fewer or without content. */
export const MAX_HISTORY_BYTES = 32 * 1024 * 1024

function limitParam(search: URLSearchParams, fallback: number): number {
  const raw = search.get('limit')
  if (raw === null) return fallback
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1) throw badRequest('limit must be a positive integer')
  return Math.min(limit, MAX_LIMIT)
}

function idsParam(ctx: RouteContext): string[] {
  const ids = (ctx.params.ids ?? ctx.params.id ?? '').split(',').filter(Boolean)
  if (ids.length === 0) throw badRequest('Give at least one document id')
  if (ids.length > MAX_HISTORY_IDS)
    throw badRequest(
      `History takes at most ${MAX_HISTORY_IDS} document ids per request; ${ids.length} were given`,
      {limit: MAX_HISTORY_IDS},
    )
  return ids
}

/** An ISO date-time parameter as epoch milliseconds, or null when not given. */
function timeParam(search: URLSearchParams, name: string): number | null {
  const raw = search.get(name)
  if (raw === null || raw === '') return null
  const time = Date.parse(raw)
  if (Number.isNaN(time)) throw badRequest(`${name} must be an ISO date-time`)
  return time
}

/** The log between two transactions (inclusive), or its newest `limit` entries without them. */
function window(
  log: LoggedTransaction[],
  search: URLSearchParams,
  limit: number,
): LoggedTransaction[] {
  const from = search.get('fromTransaction')
  const to = search.get('toTransaction')
  let start = 0
  let end = log.length
  if (from) {
    const index = log.findIndex((tx) => tx.transactionId === from)
    if (index >= 0) start = index
  }
  if (to) {
    const index = log.findIndex((tx) => tx.transactionId === to)
    if (index >= 0) end = index + 1
  }
  const fromTime = timeParam(search, 'fromTime')
  const toTime = timeParam(search, 'toTime')
  const range = log
    .slice(start, end)
    .filter(
      (tx) =>
        (fromTime === null || Date.parse(tx.timestamp) >= fromTime) &&
        (toTime === null || Date.parse(tx.timestamp) <= toTime),
    )
  if (flag(search, 'reverse')) return range.reverse().slice(0, limit)
  return from || fromTime !== null ? range.slice(0, limit) : range.slice(-limit)
}

function transactionEntry(
  store: LakeStore,
  tx: LoggedTransaction,
  search: URLSearchParams,
  requested: Set<string>,
): Record<string, unknown> {
  const onlyRequested = flag(search, 'includeIdentifiedDocumentsOnly')
  const changes = onlyRequested ? tx.changes.filter((c) => requested.has(c.id)) : tx.changes
  const entry: Record<string, unknown> = {
    id: tx.transactionId,
    timestamp: tx.timestamp,
    author: tx.author,
    documentIDs: changes.map((c) => c.id),
  }
  if (!flag(search, 'excludeContent')) entry.mutations = tx.mutations
  if (search.get('effectFormat') === 'mendoza')
    entry.effects = Object.fromEntries(
      changes.map((c) => [c.id, mendozaEffect(store.bodiesAround(c.id, tx.seq))]),
    )
  return entry
}

function transactions(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  requireToken(ctx)
  const ids = idsParam(ctx)
  const search = ctx.url.searchParams
  const format = search.get('effectFormat')
  if (format !== null && format !== 'mendoza') throw badRequest('effectFormat must be "mendoza"')
  const limit = limitParam(search, 100)
  const log = dataset.store.transactionsTouching(ids, {allChanges: true})
  const requested = new Set(ids)
  const selected = window(log, search, limit)
  // Built before answering, so an answer over the limit is refused rather than cut short.
  const lines: string[] = []
  let bytes = 0
  for (const tx of selected) {
    const line = `${JSON.stringify(transactionEntry(dataset.store, tx, search, requested))}\n`
    bytes += Buffer.byteLength(line)
    if (bytes > MAX_HISTORY_BYTES)
      throw new LakeError(
        422,
        'historyTooLargeError',
        `The history is larger than ${MAX_HISTORY_BYTES / 1024 / 1024} MB: ask for a lower limit, or with excludeContent=true`,
        {limit: MAX_HISTORY_BYTES},
      )
    lines.push(line)
  }
  ctx.res.writeHead(200, {'content-type': 'application/x-ndjson; charset=utf-8'})
  for (const line of lines) ctx.res.write(line)
  ctx.res.end()
}

function documents(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  requireToken(ctx)
  const ids = idsParam(ctx)
  const search = ctx.url.searchParams
  const revision = search.get('revision')
  const time = search.get('time')
  const last = flag(search, 'lastRevision')
  if ([revision, time].filter((v) => v !== null).length + (last ? 1 : 0) !== 1)
    throw badRequest('Give exactly one of revision, time or lastRevision=true')
  if (time !== null && Number.isNaN(Date.parse(time)))
    throw badRequest('time must be an ISO 8601 timestamp')
  const at = revision
    ? {revision}
    : time
      ? {time: new Date(time).toISOString()}
      : ({last: true} as const)
  const found = ids.map((id) => dataset.store.revision(id, at)).filter((doc) => doc !== null)
  sendJson(ctx.res, 200, {documents: found})
}

function events(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  requireToken(ctx)
  const id = ctx.params.id ?? ''
  const search = ctx.url.searchParams
  const limit = limitParam(search, 100)
  const cursor = search.get('nextCursor')
  const offset = cursor ? Number(cursor) : 0
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('nextCursor is not valid')
  const publishedId = publishedIdOf(id)
  const log = dataset.store.transactionsTouching(dataset.store.idsInGroup(publishedId))
  const all = documentGroupEvents(log, publishedId)
  const page = all.slice(offset, offset + limit)
  const nextCursor = offset + limit < all.length ? String(offset + limit) : ''
  sendJson(ctx.res, 200, {events: {[id]: page}, nextCursor})
}

export const historyRoutes = [
  route('GET', '/v:version/data/history/:dataset/transactions/:ids', transactions),
  route('GET', '/v:version/data/history/:dataset/documents/:ids', documents),
  route('GET', '/v:version/data/history/:dataset/events/documents/:id', events),
]
