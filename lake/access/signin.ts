// The Studio sign-in link that `npm start` and `npm run lake -- users add|token` print.

/**
 * The Studio's origin as `npm start` serves it: https on CK_STUDIO_PORT (default 3443), with
 * `localhost` for the loopback address so the browser matches the lake's certificate.
 */
export function studioOrigin(tlsUrl?: string): string {
  if (tlsUrl) return tlsUrl.replace('127.0.0.1', 'localhost')
  const host = process.env.CK_LAKE_HOST || '127.0.0.1'
  const port = process.env.CK_STUDIO_PORT || '3443'
  return `https://${host === '127.0.0.1' ? 'localhost' : host}:${port}`
}

/** A link that opens the Studio's workspace signed in with `token`. */
export function signInLink(origin: string, token: string, workspace = 'production'): string {
  return `${origin}/studio/${workspace}/#token=${token}`
}
