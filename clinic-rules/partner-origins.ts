// Partner sites may read the lake from the browser without credentials: each published partner's
// "Sites allowed to embed" (`allowedOrigins`), so their widgets see published content only and
// cannot write (the lake's CORS, lake/server/cors.ts, asks the plugin's `readOrigins`).
import type {PerspectiveView} from '../lake/query/perspectives'

/** Every published partner's allowed origins. */
export function partnerOrigins(published: PerspectiveView): string[] {
  const origins: string[] = []
  for (const partner of published.byType.get('partner') ?? []) {
    const listed: unknown = partner.allowedOrigins
    if (Array.isArray(listed))
      for (const entry of listed) if (typeof entry === 'string') origins.push(entry)
  }
  return origins
}
