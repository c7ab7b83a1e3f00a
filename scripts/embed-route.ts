// The fragment route on the lake: `GET /embed/v1/<dataset>/<element>?<attributes>` answers the
// element's server-rendered HTML (docs/widgets-ssr.md), served by @clinic-kit/widgets/ssr's
// handler through the lake's plugin interface (lake/plugin.ts `routes`), so the lake itself stays
// generic. The handler reads with the lake's own query workers, published content only; the ETag
// is the dataset's revision, so a request that knows it is answered 304 without rendering.
import {randomBytes} from 'node:crypto'
import type {SanityClient} from '@sanity/client'
import {requireDataset, type RouteContext} from '../lake/http/context'
import {LakeError} from '../lake/http/errors'
import {route} from '../lake/http/route'
import type {LakePlugin} from '../lake/plugin'
import {queryClient} from '../lake/query/query-route'
import {RateLimitError} from '../lake/query/limits'
import {PUBLIC_VIEW} from '../lake/query/views'

type Ssr = typeof import('../widgets/ssr/index')

/** What the fragments' `Cache-Control` says: shared caches keep them a minute, then revalidate. */
export const EMBED_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=86400'

/** The lake plugin serving fragments. */
export function embedFragments(): LakePlugin {
  // Loaded on the first fragment request: the lake starts without the renderer.
  let ssr: Promise<Ssr> | undefined
  const load = () => (ssr ??= import('../widgets/ssr/index'))
  // Names this run of the renderer in every ETag: a restarted lake may render the same revision
  // with newer widgets, so it must not confirm a fragment an earlier run rendered.
  const run = randomBytes(6).toString('base64url')
  return {
    name: 'embed-fragments',
    routes: [route('GET', '/embed/v1/:path*', (ctx) => serveFragment(ctx, load, run))],
  }
}

async function serveFragment(ctx: RouteContext, load: () => Promise<Ssr>, run: string) {
  const [datasetName, tag, ...rest] = ctx.url.pathname.slice('/embed/v1/'.length).split('/')
  // A missing dataset is the lake's 404, a private one its 401 (like every data route).
  const dataset = datasetName ? requireDataset({...ctx, params: {dataset: datasetName}}) : null
  const ssr = await load()
  // Read before rendering: a commit during the render makes the next request render again.
  const revision = dataset?.store.lastTransactionId
  const etag = revision ? `"${revision}.${run}"` : null
  if (
    etag &&
    tag &&
    rest.length === 0 &&
    matches(ctx.req.headers['if-none-match'], etag) &&
    validRequest(ssr, tag, ctx.url.searchParams)
  ) {
    ctx.res.writeHead(304, {etag, 'cache-control': EMBED_CACHE_CONTROL, vary: 'Origin'})
    ctx.res.end()
    return
  }
  // The lake's own errors (a rate limit, a query timeout) are answered as the lake answers them.
  let refused: LakeError | undefined
  const handler = ssr.createEmbedHandler({
    client: lakeReader(ctx, (error) => (refused ??= error)),
    cacheControl: EMBED_CACHE_CONTROL,
  })
  const response = await handler(toRequest(ctx))
  if (refused && !response.ok) {
    if (refused instanceof RateLimitError)
      ctx.res.setHeader('retry-after', refused.retryAfterSeconds)
    throw refused
  }
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  // The fragment varies with the origin too: CORS headers are written per origin.
  headers.vary = [headers.vary, 'Origin'].filter(Boolean).join(', ')
  if (response.status === 200 && etag) headers.etag = etag
  const body = Buffer.from(await response.arrayBuffer())
  if (response.status !== 304) headers['content-length'] = String(body.length)
  ctx.res.writeHead(response.status, headers)
  ctx.res.end(body)
}

/** Whether an `If-None-Match` header names `etag` (or is `*`). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  const tags = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(/\s*,\s*/)
  return tags.some((tag) => tag === '*' || tag === etag || tag === `W/${etag}`)
}

/** A known element with only its own attributes, each once: what the handler would render. */
function validRequest(ssr: Ssr, tag: string, search: URLSearchParams): boolean {
  if (!ssr.isSsrElement(tag)) return false
  const known = ssr.elementAttributes(tag)
  const names = [...search.keys()]
  return new Set(names).size === names.length && names.every((name) => known.includes(name))
}

/** The lake's request as a WHATWG `Request` (no body: GET and HEAD only). */
function toRequest(ctx: RouteContext): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    // HTTP/2 pseudo-headers (`:path`, …) are not headers of the request.
    if (name.startsWith(':') || value === undefined) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return new Request(ctx.url, {method: ctx.req.method, headers})
}

/**
 * What the handler uses of a `@sanity/client` (`withConfig`, `fetch`), reading through the lake's
 * query workers in the request's turn (its rate limits apply): the public view, published
 * root-path documents only, whatever the request's token.
 */
function lakeReader(ctx: RouteContext, onLakeError: (error: LakeError) => void): SanityClient {
  const reader = (dataset: string | undefined) => ({
    withConfig: (config: {dataset?: string}) => reader(config.dataset ?? dataset),
    fetch: async (query: string, params: Record<string, unknown> = {}) => {
      if (!dataset) throw new Error('no dataset given')
      try {
        const json = await ctx.lake.queries.query(
          {dataset, perspective: PUBLIC_VIEW, query, params},
          queryClient(ctx),
        )
        return JSON.parse(json) as unknown
      } catch (error) {
        if (error instanceof LakeError) onLakeError(error)
        throw error
      }
    },
  })
  return reader(undefined) as unknown as SanityClient
}
