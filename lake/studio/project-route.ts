// What Sanity Studio asks a project for besides content and users (routes/users.ts): feature
// flags and product routes the lake does not offer. Each answers with the valid empty shape, so
// the Studio runs offline.
import type {RouteContext} from '../http/context'
import {sendJson} from '../http/http'
import {route} from '../http/route'

const json = (value: unknown) => (ctx: RouteContext) => sendJson(ctx.res, 200, value)

/**
 * The lake's plain-HTTP origin, or null when it serves TLS only. The Studio's "Embed code" names
 * it, so a page in a browser that does not trust the lake's certificate authority still loads the
 * widgets and their content. A lake listening on every address (0.0.0.0, ::) is named by the host
 * the request came to, with the plain-HTTP port.
 */
export function plainOrigin(ctx: RouteContext): string | null {
  if (!ctx.lake.url.startsWith('http:')) return null
  const origin = new URL(ctx.lake.url)
  if (origin.hostname === '0.0.0.0' || origin.hostname === '[::]') {
    const authority = ctx.req.headers[':authority'] ?? ctx.req.headers.host
    if (typeof authority === 'string' && authority) {
      try {
        origin.hostname = new URL(`http://${authority}`).hostname
      } catch {
        // An unparsable Host header: keep the address the lake listens on.
      }
    }
  }
  return origin.origin
}

export const studioRoutes = [
  route('GET', '/v:version/projects/:projectId/user-applications', json([])),
  route('GET', '/v:version/projects/:projectId/features', json([])),
  // The project's features (sanity/lib `FEATURES`, read by `useFeatureEnabled`). `studioComments`
  // turns on comments (`useResolveCommentsEnabled`; an add-on dataset, routes/comments.ts).
  // `contentReleases` turns on the Releases tool: without it `ReleasesUpsellProvider` is in
  // "upsell" mode: an empty Releases overview draws nothing (no "New release") and every create
  // opens Sanity's plan dialog, which has no content offline.
  route('GET', '/v:version/features', json(['studioComments', 'contentReleases'])),
  route('GET', '/v:version/journey/:rest*', json({})),
  route('GET', '/v:version/schedules/:projectId/:dataset', json({schedules: []})),
  route('GET', '/v:version/ping', json('PONG')),
  // The document pane's latency report fetches `client.getDataUrl("ping")` once and reads only
  // its `X-Sanity-Shard` header (sanity's reportLatency); the lake has no shards, so no header.
  route('GET', '/v:version/data/ping/:dataset', json('PONG')),
  route('GET', '/v:version/help', json({})),
  // Where this lake answers over plain HTTP (`{"http": "http://127.0.0.1:3030"}`), for the Studio's
  // embed code. Anyone may ask, without a token: it names the address the lake listens on and
  // nothing else.
  route('GET', '/v:version/lake/origin', (ctx) => sendJson(ctx.res, 200, {http: plainOrigin(ctx)})),
  route('GET', '/v:version/intake/telemetry-status', json({status: 'denied'})),
  route('POST', '/v:version/intake/batch', json({})),
]
