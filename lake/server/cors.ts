// CORS for browsers: allowed origins get credentials. Partner sites (each published partner's
// "Sites allowed to embed") may read without credentials, so their widgets see published content
// only and cannot write. Other origins get no CORS headers at all.
import type {Lake} from '../http/context'
import type {LakeRequest, LakeResponse} from '../http/http'
import type {PerspectiveView} from '../query/perspectives'

export type OriginRule = (origin: string) => boolean

const LOCAL_ORIGIN =
  /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]|[a-z0-9-]+(\.[a-z0-9-]+)*\.localhost)(:\d+)?$/i

/** From CK_LAKE_CORS_ORIGINS (comma-separated, `*` wildcards), else localhost on any port. */
export function originRule(setting = process.env.CK_LAKE_CORS_ORIGINS): OriginRule {
  if (!setting?.trim()) return (origin) => LOCAL_ORIGIN.test(origin)
  const patterns = setting
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(
      (p) =>
        new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`, 'i'),
    )
  return (origin) => patterns.some((pattern) => pattern.test(origin))
}

const partnerOrigins = new WeakMap<PerspectiveView, Set<string>>()

/** Every published partner's allowed origins, read again whenever the content changes. */
export function partnerOriginRule(lake: Lake): OriginRule {
  return (origin) => {
    const view = lake.datasets.default.views.view('published')
    let origins = partnerOrigins.get(view)
    if (!origins) {
      origins = new Set()
      for (const partner of view.byType.get('partner') ?? []) {
        const listed: unknown = partner.allowedOrigins
        if (Array.isArray(listed))
          for (const entry of listed) if (typeof entry === 'string') origins.add(entry)
      }
      partnerOrigins.set(view, origins)
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
