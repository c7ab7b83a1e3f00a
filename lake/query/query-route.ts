// GET|POST /v{apiVersion}/data/query/{dataset}: GROQ over the perspective's documents, evaluated
// by the query workers (lake/query/pool.ts) under the limits in lake/query/limits.ts.
import {requireDataset, type RouteContext} from '../http/context'
import {badRequest} from '../http/errors'
import {flag, groqParamsFromSearch, readJson} from '../http/http'
import {parsePerspective} from './perspectives'
import {PUBLIC_VIEW, type ViewKey} from './views'
import {
  MAX_GET_SEARCH_BYTES,
  MAX_PARAMS_BYTES,
  MAX_QUERY_BYTES,
  paramsTooLarge,
  queryTooLarge,
  RateLimitError,
  urlTooLong,
} from './limits'
import type {QueryClient} from './pool'
import {route} from '../http/route'

/** Whose turn a query or listen filter takes: the token's user, else the caller's IP address. */
export function queryClient(ctx: RouteContext): QueryClient {
  if (ctx.user) return {key: `user:${ctx.user.id}`, anonymous: false}
  return {key: `ip:${ctx.req.socket?.remoteAddress ?? 'unknown'}`, anonymous: true}
}

async function query(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  const search = ctx.url.searchParams
  if (ctx.req.method === 'GET' && Buffer.byteLength(ctx.url.search) > MAX_GET_SEARCH_BYTES)
    throw urlTooLong()
  let query = search.get('query')
  let params = groqParamsFromSearch(search)
  let perspectiveParam: string | string[] | null = search.get('perspective')
  if (ctx.req.method === 'POST') {
    const body = await readJson(ctx.req)
    query = typeof body.query === 'string' ? body.query : query
    if (body.params !== undefined) {
      if (!body.params || typeof body.params !== 'object' || Array.isArray(body.params))
        throw badRequest('"params" must be an object')
      params = body.params as Record<string, unknown>
      if (Buffer.byteLength(JSON.stringify(params)) > MAX_PARAMS_BYTES) throw paramsTooLarge()
    }
    if (typeof body.perspective === 'string') perspectiveParam = body.perspective
    else if (Array.isArray(body.perspective)) {
      if (!body.perspective.every((layer) => typeof layer === 'string'))
        throw badRequest('"perspective" must be a string or an array of release ids')
      perspectiveParam = body.perspective as string[]
    }
  }
  if (!query) throw badRequest('Missing "query"')
  if (Buffer.byteLength(query) > MAX_QUERY_BYTES) throw queryTooLarge()
  let perspective: ViewKey
  try {
    perspective = parsePerspective(perspectiveParam)
  } catch (error) {
    throw badRequest((error as Error).message)
  }
  // Without the token only published root-path documents exist, whatever perspective was asked
  // for (lake/access/visibility.ts).
  if (!ctx.authorized) perspective = PUBLIC_VIEW
  const started = performance.now()
  let result
  try {
    result = await ctx.lake.queries.query(
      {dataset: dataset.name, perspective, query, params},
      queryClient(ctx),
    )
  } catch (error) {
    if (error instanceof RateLimitError) ctx.res.setHeader('retry-after', error.retryAfterSeconds)
    throw error
  }
  const ms = Math.round(performance.now() - started)
  // The worker answers with the result's JSON: splice it in rather than parse and re-serialise.
  const returned = flag(search, 'returnQuery', true) ? `,"query":${JSON.stringify(query)}` : ''
  const json = `{"result":${result},"ms":${ms}${returned}}`
  ctx.res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  })
  ctx.res.end(json)
}

export const queryRoutes = [
  route('GET', '/v:version/data/query/:dataset', query),
  route('POST', '/v:version/data/query/:dataset', query),
]
