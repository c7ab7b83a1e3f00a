// The lake's HTTP server: Sanity's Content Lake API on the embedded store. The same request
// handler serves HTTP/1.1 (node:http) and HTTP/2 over TLS (node:http2 with allowHTTP1).
import {randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import {createSecureServer, type Http2SecureServer} from 'node:http2'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import type {Lake} from './context'
import {handleCors, originRule} from './cors'
import {LakeError} from './errors'
import {sendError, type LakeRequest, type LakeResponse} from './http'
import {importNdjson} from './ndjson'
import {PerspectiveViews} from './perspectives'
import {matchRoute, routes, type Route} from './router'
import {LakeStore} from './store'

export interface LakeOptions {
  /** 0 picks a free port. Default 3030. */
  port?: number
  host?: string
  /** Data folder. Default `.lake`. */
  dir?: string
  /** NDJSON imported when the store is empty. */
  seed?: string
  token?: string
  projectId?: string
  dataset?: string
  /** Serve HTTP/2 over TLS (with HTTP/1.1 fallback) instead of plain HTTP/1.1. */
  tls?: {key: string | Buffer; cert: string | Buffer}
  /** Extra route families (e.g. the Studio's), matched before the built-in ones. */
  extraRoutes?: Route[]
  quiet?: boolean
}

export interface RunningLake {
  url: string
  token: string
  tokenFile: string | null
  store: LakeStore
  close(): Promise<void>
}

/** The write token: SANITY_API_TOKEN, else one generated once into <dir>/token. */
function resolveToken(dir: string, explicit?: string): {token: string; tokenFile: string | null} {
  const fromEnv = explicit ?? process.env.SANITY_API_TOKEN
  if (fromEnv) return {token: fromEnv, tokenFile: null}
  const tokenFile = join(dir, 'token')
  if (existsSync(tokenFile)) return {token: readFileSync(tokenFile, 'utf8').trim(), tokenFile}
  const token = `ck${randomBytes(30).toString('base64url')}`
  writeFileSync(tokenFile, `${token}\n`, {mode: 0o600})
  return {token, tokenFile}
}

export async function startLake(options: LakeOptions = {}): Promise<RunningLake> {
  const dir = options.dir ?? '.lake'
  mkdirSync(dir, {recursive: true})
  const store = LakeStore.open(dir)
  if (store.size === 0 && options.seed) {
    if (existsSync(options.seed)) {
      const {documents} = await importNdjson(store, options.seed)
      if (!options.quiet) console.log(`lake: imported ${documents} documents from ${options.seed}`)
    } else if (!options.quiet) console.log(`lake: no seed at ${options.seed}; starting empty`)
  }
  const {token, tokenFile} = resolveToken(dir, options.token)
  const lake: Lake = {
    store,
    views: new PerspectiveViews(store),
    token,
    projectId: options.projectId ?? process.env.SANITY_PROJECT_ID ?? 'clinickit',
    dataset: options.dataset ?? process.env.SANITY_DATASET ?? 'production',
    assetsDir: join(dir, 'assets'),
    url: '',
  }
  const table = [...(options.extraRoutes ?? []), ...routes]
  const allowed = originRule()
  const handler = (req: LakeRequest, res: LakeResponse) => {
    void handle(lake, table, allowed, req, res)
  }
  const server: Server | Http2SecureServer = options.tls
    ? createSecureServer({...options.tls, allowHTTP1: true}, handler)
    : createServer(handler)
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 3030, host, () => resolve())
  })
  const {port} = server.address() as AddressInfo
  lake.url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    url: lake.url,
    token,
    tokenFile,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close()
          resolve()
        })
        // Long-lived listen streams would otherwise keep the server open.
        if ('closeAllConnections' in server) server.closeAllConnections()
      }),
  }
}

async function handle(
  lake: Lake,
  table: Route[],
  allowed: ReturnType<typeof originRule>,
  req: LakeRequest,
  res: LakeResponse,
) {
  try {
    if (handleCors(req, res, allowed)) return
    const url = new URL(req.url ?? '/', 'http://lake.invalid')
    const match = matchRoute(table, req.method ?? 'GET', url.pathname)
    if (!match)
      throw new LakeError(404, 'notFoundError', `No route for ${req.method} ${url.pathname}`)
    if ('methodNotAllowed' in match)
      throw new LakeError(
        405,
        'methodNotAllowedError',
        `${req.method} is not allowed on ${url.pathname}`,
      )
    const auth = String(req.headers.authorization ?? '')
    const bearer = auth.startsWith('Bearer ') ? auth.slice(7).trim() : null
    if (bearer !== null && bearer !== lake.token)
      throw new LakeError(401, 'unauthorizedError', 'Unauthorized - Session not found')
    await match.route.handler({
      req,
      res,
      url,
      params: match.params,
      lake,
      authorized: bearer === lake.token,
    })
  } catch (error) {
    sendError(res, error)
  }
}
