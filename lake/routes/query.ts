// GET|POST /v{apiVersion}/data/query/{dataset}: GROQ over the perspective's documents.
import {requireDataset, type RouteContext} from '../context'
import {badRequest} from '../errors'
import {runQuery} from '../groq'
import {flag, groqParamsFromSearch, readJson, sendJson} from '../http'
import {parsePerspective} from '../perspectives'
import {route} from '../route'

async function query(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  const search = ctx.url.searchParams
  let query = search.get('query')
  let params = groqParamsFromSearch(search)
  let perspectiveParam = search.get('perspective')
  if (ctx.req.method === 'POST') {
    const body = await readJson(ctx.req)
    query = typeof body.query === 'string' ? body.query : query
    if (body.params !== undefined) {
      if (!body.params || typeof body.params !== 'object' || Array.isArray(body.params))
        throw badRequest('"params" must be an object')
      params = body.params as Record<string, unknown>
    }
    if (typeof body.perspective === 'string') perspectiveParam = body.perspective
  }
  if (!query) throw badRequest('Missing "query"')
  let perspective
  try {
    perspective = parsePerspective(perspectiveParam)
  } catch (error) {
    throw badRequest((error as Error).message)
  }
  // Without the token only published documents exist, whatever perspective was asked for.
  if (!ctx.authorized) perspective = 'published' as const
  const started = performance.now()
  const result = runQuery(query, params, dataset.views.view(perspective))
  const ms = Math.round(performance.now() - started)
  const body: Record<string, unknown> = {result, ms}
  if (flag(search, 'returnQuery', true)) body.query = query
  sendJson(ctx.res, 200, body)
}

export const queryRoutes = [
  route('GET', '/v:version/data/query/:dataset', query),
  route('POST', '/v:version/data/query/:dataset', query),
]
