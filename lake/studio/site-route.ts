// The Studio beside the lake (`npm start`, the Studio tests): the built Studio and the rules that
// keep uploaded files off its origin. The Studio page lives at https://localhost:<TLS port> and
// keeps the signed-in user's token in that origin's localStorage; it talks to the lake at the
// project host, https://<projectId>.localhost:<TLS port> (@sanity/client puts the project id in
// front of its apiHost). So:
// - the Studio (its pages and /static files) is served over TLS on any host but the project host;
//   on the plain-HTTP origin and the project host it is not found;
// - asset URLs asked of the Studio's origin (where @sanity/image-url builds image URLs from the
//   Studio's apiHost) are served there only for raster images (PNG, JPEG, GIF, WebP, AVIF), which
//   a browser never runs; files (/files/…) and any other image (SVG, TIFF, HEIC) are redirected
//   (307) to the same path on the project host, so an upload never loads as a page of the
//   Studio's origin. Hosted Sanity keeps assets off the Studio's origin by serving them from its
//   CDN origin (cdn.sanity.io).
// Everywhere, assets also carry the download and sandbox headers of routes/assets.ts.
import type {TLSSocket} from 'node:tls'
import type {RouteContext} from '../http/context'
import {notFound} from '../http/errors'
import {route, type Route} from '../http/route'
import {serveFile, serveImage} from '../assets/assets-route'
import {staticRoutes} from '../server/static-route'

function overTls(ctx: RouteContext): boolean {
  return (ctx.req.socket as TLSSocket | undefined)?.encrypted === true
}

/** The request's host name (no port), lowercased. */
function hostName(ctx: RouteContext): string {
  const authority = ctx.req.headers[':authority'] ?? ctx.req.headers.host
  if (typeof authority !== 'string' || !authority) return ''
  try {
    return new URL(`http://${authority}`).hostname.toLowerCase()
  } catch {
    return ''
  }
}

function onProjectHost(ctx: RouteContext): boolean {
  return hostName(ctx).startsWith(`${ctx.lake.projectId.toLowerCase()}.`)
}

/** Whether this request came to the origin the Studio is served from. */
export function onStudioOrigin(ctx: RouteContext): boolean {
  return overTls(ctx) && !onProjectHost(ctx)
}

/** The same path and query on the project host (a loopback address becomes `localhost`). */
function projectHostUrl(ctx: RouteContext): string {
  const host = hostName(ctx)
  const loopback = host === '127.0.0.1' || host === '[::1]' || host === 'localhost' || host === ''
  const authority = ctx.req.headers[':authority'] ?? ctx.req.headers.host
  const port = typeof authority === 'string' ? /:(\d+)$/.exec(authority)?.[1] : undefined
  const target = `${ctx.lake.projectId}.${loopback ? 'localhost' : host}${port ? `:${port}` : ''}`
  return `https://${target}${ctx.url.pathname}${ctx.url.search}`
}

function studioOnly(routes: Route[]): Route[] {
  return routes.map(({method, pattern, handler}) => ({
    method,
    pattern,
    handler: (ctx: RouteContext) => {
      if (!onStudioOrigin(ctx))
        throw notFound('The Studio is served over HTTPS at the lake\'s TLS port (see "npm start")')
      return handler(ctx)
    },
  }))
}

const RASTER_EXTENSIONS = /\.(png|jpg|gif|webp|avif)$/

function assetOffStudioOrigin(serve: (ctx: RouteContext) => Promise<void> | void) {
  return (ctx: RouteContext) => {
    const raster = serve === serveImage && RASTER_EXTENSIONS.test(ctx.params.file ?? '')
    if (raster || !onStudioOrigin(ctx)) return serve(ctx)
    ctx.res.writeHead(307, {location: projectHostUrl(ctx), 'cache-control': 'no-store'})
    ctx.res.end()
  }
}

/** The built Studio in `dir` at /studio (and its /static files), with the asset redirects. */
export function studioSiteRoutes(dir: string): Route[] {
  return [
    route('GET', '/images/:projectId/:dataset/:file', assetOffStudioOrigin(serveImage)),
    route('GET', '/images/:projectId/:dataset/:file/:vanity', assetOffStudioOrigin(serveImage)),
    route('GET', '/files/:projectId/:dataset/:file', assetOffStudioOrigin(serveFile)),
    ...studioOnly(staticRoutes('/studio', dir, '/static')),
  ]
}
