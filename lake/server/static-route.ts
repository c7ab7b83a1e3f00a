// Serves a built single-page app (the Studio, the demo) from a folder under a path prefix;
// unknown paths get index.html so the app's own router can handle them.
import {existsSync, readFileSync, statSync} from 'node:fs'
import {extname, join, normalize, sep} from 'node:path'
import type {RouteContext} from '../http/context'
import {notFound} from '../http/errors'
import {route, type Route} from '../http/route'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * @param assetsPath a second path the app loads its files from at the origin's root (the built
 *   Studio asks for /static/…), served from the same folder's subfolder of that name.
 */
export function staticRoutes(prefix: string, dir: string, assetsPath?: string): Route[] {
  const routes = [...folderRoutes(prefix, normalize(dir), true)]
  if (assetsPath) routes.push(...folderRoutes(assetsPath, normalize(join(dir, assetsPath)), false))
  return routes
}

function folderRoutes(prefix: string, root: string, spaFallback: boolean): Route[] {
  const serve = (ctx: RouteContext) => {
    // The router has decoded the path once; decoding again would turn `%25` into a bad escape
    // and let `%252e%252e` reach the folder check as `..`.
    const relative = ctx.params.rest ?? ''
    if (relative.includes('\0')) throw notFound('Not found')
    let file = normalize(join(root, relative))
    if (file !== root && !file.startsWith(root + sep)) throw notFound('Not found')
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (!spaFallback) throw notFound('Not found')
      file = join(root, 'index.html')
    }
    if (!existsSync(file)) throw notFound(`Nothing built in ${root}`)
    const body = readFileSync(file)
    const hashed = /-[A-Za-z0-9_-]{8,}\.(js|css)$/.test(file)
    ctx.res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    ctx.res.end(body)
  }
  return [route('GET', `${prefix}`, serve), route('GET', `${prefix}/:rest*`, serve)]
}
