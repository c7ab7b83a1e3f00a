// CORS for browsers: allowed origins (the lake's configuration, and a Blueprint's CORS origins
// that allow credentials) get credentials. Origins the plugins name from published content
// (lake/plugin.ts `readOrigins`) and a Blueprint's origins without credentials may read without
// credentials, so pages there see published content only and cannot write. Other origins get no
// CORS headers at all.
import type {Lake} from '../http/context'
import type {LakeRequest, LakeResponse} from '../http/http'
import type {LakePlugin} from '../plugin'
import type {PerspectiveView} from '../query/perspectives'

export type OriginRule = (origin: string) => boolean

const LOCAL_ORIGIN =
  /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]|[a-z0-9-]+(\.[a-z0-9-]+)*\.localhost)(:\d+)?$/i

/** From CK_LAKE_CORS_ORIGINS (comma-separated, `*` wildcards), else localhost on any port. */
export function originRule(setting = process.env.CK_LAKE_CORS_ORIGINS): OriginRule {
  if (!setting?.trim()) return (origin) => LOCAL_ORIGIN.test(origin)
  return patternRule(setting.split(','))
}

/** Origins matching any of the patterns (`protocol://host[:port]`, `*` within a host part). */
export function patternRule(patterns: readonly string[]): OriginRule {
  const compiled = patterns
    .map((s) => s.trim())
    .filter(Boolean)
    .map(
      (p) =>
        new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`, 'i'),
    )
  return (origin) => compiled.some((pattern) => pattern.test(origin))
}

/** Origins any of the rules allows. */
export const anyOrigin =
  (...rules: OriginRule[]): OriginRule =>
  (origin) =>
    rules.some((rule) => rule(origin))

const readOrigins = new WeakMap<PerspectiveView, Set<string>>()

/**
 * The origins the plugins allow to read, from the default dataset's published documents; read
 * again whenever they change (a commit makes a new view). No plugin that names any: none.
 */
export function pluginOriginRule(lake: Lake, plugins: readonly LakePlugin[]): OriginRule {
  const naming = plugins.filter((plugin) => plugin.readOrigins)
  if (naming.length === 0) return () => false
  return (origin) => {
    const view = lake.datasets.default.views.view('published')
    let origins = readOrigins.get(view)
    if (!origins) {
      origins = new Set()
      for (const plugin of naming)
        for (const entry of plugin.readOrigins!(view))
          if (typeof entry === 'string') origins.add(entry)
      readOrigins.set(view, origins)
    }
    return origins.has(origin)
  }
}

/**
 * Sets CORS headers; answers a preflight and returns true when the request is one. `embedder`
 * origins get reads (GET, HEAD) without credentials and no preflight, so no token or write.
 */
export function handleCors(
  req: LakeRequest,
  res: LakeResponse,
  allowed: OriginRule,
  embedder: OriginRule = () => false,
): boolean {
  const origin = req.headers.origin
  if (typeof origin === 'string' && allowed(origin)) {
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-credentials', 'true')
    res.setHeader('vary', 'Origin')
  } else if (
    typeof origin === 'string' &&
    (req.method === 'GET' || req.method === 'HEAD') &&
    embedder(origin)
  ) {
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('vary', 'Origin')
  }
  if (req.method !== 'OPTIONS') return false
  if (typeof origin === 'string' && allowed(origin)) {
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
    res.setHeader(
      'access-control-allow-headers',
      String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'),
    )
    res.setHeader('access-control-max-age', '600')
  }
  res.writeHead(204)
  res.end()
  return true
}
