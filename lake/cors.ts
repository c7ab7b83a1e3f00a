// CORS for browsers: allowed origins get credentials; others get no CORS headers at all.
import type {LakeRequest, LakeResponse} from './http'

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

/** Sets CORS headers; answers a preflight and returns true when the request is one. */
export function handleCors(req: LakeRequest, res: LakeResponse, allowed: OriginRule): boolean {
  const origin = req.headers.origin
  if (typeof origin === 'string' && allowed(origin)) {
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-credentials', 'true')
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
