// The lake's HTTP server: Sanity's Content Lake API on the embedded store. The same request
// handler serves HTTP/1.1 (node:http) and HTTP/2 over TLS (node:http2 with allowHTTP1).
import {randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer, type IncomingMessage, type Server} from 'node:http'
import {createSecureServer, type Http2SecureServer} from 'node:http2'
import type {AddressInfo, Socket} from 'node:net'
import {join} from 'node:path'
import type {Duplex} from 'node:stream'
import type {Lake} from '../http/context'
import {
  anyOrigin,
  handleCors,
  originRule,
  patternRule,
  pluginOriginRule,
  type OriginRule,
} from './cors'
import {LakeError} from '../http/errors'
import {sendError, type LakeRequest, type LakeResponse} from '../http/http'
import {importNdjson} from '../datasets/ndjson'
import {DatasetRegistry, migrateSingleStoreLayout} from '../datasets/datasets'
import {acquireLock} from './lock'
import type {Fairness} from '../query/limits'
import {QueryPool} from '../query/pool'
import {matchRoute, routes, type Route} from './router'
import {RoleTable} from '../access/roles'
import {configurePresence, handleUpgrade, type PresenceLimits} from '../presence/presence-route'
import {ReleaseScheduler} from '../actions/scheduler'
import type {LakeStore} from '../store/store'
import type {LakePlugin} from '../plugin'
import {ROBOT_USER, UserStore, type LakeUser} from '../access/users'
import {
  loadBlueprint,
  startFunctions,
  type BlueprintOption,
  type FunctionRunner,
} from '../functions/functions'
import {LINEAGE_HEADER, withLineage} from '../functions/lineage'

export interface LakeOptions {
  /** 0 picks a free port. Default 3030. */
  port?: number
  host?: string
  /** Data folder. Default `.lake`. */
  dir?: string
  /** NDJSON imported into the default dataset when it is empty. */
  seed?: string
  token?: string
  projectId?: string
  dataset?: string
  /** Serve HTTP/2 over TLS (with HTTP/1.1 fallback) instead of plain HTTP/1.1. */
  tls?: {key: string | Buffer; cert: string | Buffer}
  /** With `tls`: keep plain HTTP/1.1 on `port` and serve HTTP/2 over TLS on this port (0: any). */
  tlsPort?: number
  /** Extra route families (e.g. the Studio's), matched before the built-in ones. */
  extraRoutes?: Route[]
  /**
   * What the project adds to the plain Content Lake: roles, commit checks, write rules, reading
   * origins, routes (lake/plugin.ts). None: a plain Sanity Content Lake.
   */
  plugins?: LakePlugin[]
  /**
   * The project's Blueprint (a `sanity.blueprint.ts` path, or the Blueprint and its folder): its
   * document functions run after matching commits, its robot tokens are issued, its CORS origins
   * allowed (lake/functions/, docs/lake-functions.md).
   */
  blueprint?: BlueprintOption
  quiet?: boolean
  /** Time limit of one query or listen filter, in ms. Default 10 s. */
  queryTimeoutMs?: number
  /** Largest query result (its JSON), in bytes. Default 32 MB. */
  maxResultBytes?: number
  /** Query worker threads. Default 2. */
  queryWorkers?: number
  /** How clients share the query workers (lake/query/limits.ts DEFAULT_FAIRNESS). */
  queryFairness?: Partial<Fairness>
  /** What a presence socket may cost (lake/presence/presence-route.ts DEFAULT_PRESENCE_LIMITS). */
  presence?: Partial<PresenceLimits>
  /** The clock release schedules run on. Default the system clock; tests pass their own. */
  now?: () => Date
}

export interface RunningLake {
  url: string
  /** The HTTP/2 over TLS origin when `tlsPort` was given. */
  tlsUrl: string | null
  token: string
  tokenFile: string | null
  /** The default dataset's store. */
  store: LakeStore
  datasets: DatasetRegistry
  /** The lake's users (<dir>/users.sqlite). */
  users: UserStore
  /** The roles users may have: the standard four and the plugins'. */
  roles: RoleTable
  /** The query workers; `queries.ready()` resolves once they hold every dataset. */
  queries: QueryPool
  /** Publishes scheduled releases; `tick()` publishes what is due by the lake's clock now. */
  scheduler: ReleaseScheduler
  /** The Blueprint's document functions; null without a Blueprint. */
  functions: FunctionRunner | null
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

/** Opens every dataset (moving an old single-store folder first) and seeds an empty default. */
async function openDatasets(
  dir: string,
  options: LakeOptions,
  log: (message: string) => void,
): Promise<DatasetRegistry> {
  const defaultName = options.dataset ?? process.env.SANITY_DATASET ?? 'production'
  if (migrateSingleStoreLayout(dir, defaultName))
    log(`lake: moved ${dir}/lake.sqlite into ${dir}/datasets/${defaultName}/`)
  const datasets = DatasetRegistry.open(dir, defaultName, options.plugins ?? [])
  try {
    const store = datasets.default.store
    if (store.size === 0 && options.seed) {
      if (existsSync(options.seed)) {
        // Held to the plugins' commit checks like any other import.
        const {documents} = await importNdjson(store, options.seed)
        log(`lake: imported ${documents} documents from ${options.seed}`)
      } else log(`lake: no seed at ${options.seed}; starting empty`)
    }
    return datasets
  } catch (error) {
    datasets.close()
    throw error
  }
}

export async function startLake(options: LakeOptions = {}): Promise<RunningLake> {
  const dir = options.dir ?? '.lake'
  const log = (message: string) => {
    if (!options.quiet) console.log(message)
  }
  mkdirSync(dir, {recursive: true})
  // Held until close, so import, export and the dataset commands never write behind our back.
  const lock = acquireLock(dir, (stale) =>
    console.warn(`lake: taking over ${dir}/lake.lock left by pid ${stale.pid}, no longer running`),
  )
  const plugins = options.plugins ?? []
  let roles: RoleTable
  let blueprint
  try {
    roles = new RoleTable(plugins.flatMap((plugin) => plugin.roles ?? []))
    blueprint = options.blueprint ? await loadBlueprint(options.blueprint) : null
  } catch (error) {
    lock.release()
    throw error
  }
  for (const resource of blueprint?.unsupported ?? [])
    log(`lake: the Blueprint's ${resource} is not emulated by the lake`)
  const datasets = await openDatasets(dir, options, log).catch((error: unknown) => {
    lock.release()
    throw error
  })
  const {token, tokenFile} = resolveToken(dir, options.token)
  const users = UserStore.open(dir, roles)
  const queries = new QueryPool({
    timeoutMs: options.queryTimeoutMs,
    maxResultBytes: options.maxResultBytes,
    workers: options.queryWorkers,
    ...options.queryFairness,
  })
  // The workers hold a copy of every dataset, and follow datasets created and deleted later.
  for (const dataset of datasets.list()) queries.addDataset(dataset.name, dataset.store)
  datasets.on('added', (dataset) => queries.addDataset(dataset.name, dataset.store))
  datasets.on('removed', (name) => queries.removeDataset(name))
  const lake: Lake = {
    datasets,
    queries,
    token,
    users,
    roles,
    projectId: options.projectId ?? process.env.SANITY_PROJECT_ID ?? 'clinickit',
    assetsDir: join(dir, 'assets'),
    url: '',
    now: options.now ?? (() => new Date()),
  }
  configurePresence(lake, options.presence)
  let functions: FunctionRunner | null = null
  if (blueprint)
    try {
      functions = startFunctions({
        blueprint,
        dir,
        datasets,
        users,
        roles,
        projectId: lake.projectId,
        url: () => lake.url,
      })
    } catch (error) {
      datasets.close()
      users.close()
      await queries.close()
      lock.release()
      throw error
    }
  const table = [
    ...(options.extraRoutes ?? []),
    ...plugins.flatMap((plugin) => plugin.routes ?? []),
    ...routes,
  ]
  const blueprintOrigins = (credentials: boolean) =>
    patternRule(
      (blueprint?.cors ?? [])
        .filter((c) => c.allowCredentials === credentials)
        .map((c) => c.origin),
    )
  const allowed = anyOrigin(originRule(), blueprintOrigins(true))
  const embedders = anyOrigin(pluginOriginRule(lake, plugins), blueprintOrigins(false))
  const handler = (req: LakeRequest, res: LakeResponse) => {
    // A function's own writes carry its lineage (lake/functions/lineage.ts) into their commits.
    const lineage = req.headers[LINEAGE_HEADER]
    void withLineage(typeof lineage === 'string' ? lineage : undefined, () =>
      handle(lake, table, {allowed, embedders}, req, res),
    )
  }
  const host = options.host ?? '127.0.0.1'
  const both = options.tls !== undefined && options.tlsPort !== undefined
  const servers: Array<Server | Http2SecureServer> = []
  const origin = (server: Server | Http2SecureServer, secure: boolean) => {
    const {port} = server.address() as AddressInfo
    return `${secure ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
  }
  const plain = options.tls && !both ? null : createServer(handler)
  const secure = options.tls
    ? createSecureServer({...options.tls, allowHTTP1: true}, handler)
    : null
  // WebSockets (the Studio's presence) arrive as HTTP/1.1 upgrades, also on the TLS port: Chromium
  // opens them over HTTP/1.1 unless the server offers RFC 8441 extended CONNECT, which it does not.
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    handleUpgrade(lake, req, socket, head)
  plain?.on('upgrade', upgrade)
  secure?.on('upgrade', upgrade)
  try {
    if (plain) servers.push(await listen(plain, options.port ?? 3030, host))
    if (secure)
      servers.push(await listen(secure, both ? options.tlsPort! : (options.port ?? 3030), host))
  } catch (error) {
    for (const server of servers) server.close()
    await functions?.close()
    datasets.close()
    users.close()
    lock.release()
    throw error
  }
  lake.url = plain ? origin(plain, false) : origin(secure!, true)
  lock.setUrl(lake.url)
  const tlsUrl = both && secure ? origin(secure, true) : null
  // Serving already, but return once the query workers hold the data, so a first query is fast.
  await queries.ready()
  // Releases that fell due while the lake was down publish now, before the first request.
  const scheduler = new ReleaseScheduler(datasets, lake.now, users, roles)
  await scheduler.start()
  return {
    url: lake.url,
    tlsUrl,
    token,
    tokenFile,
    store: datasets.default.store,
    datasets,
    users,
    roles,
    queries,
    scheduler,
    functions,
    close: async () => {
      scheduler.close()
      await functions?.close()
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve())
              // Long-lived listen streams (HTTP/1.1 and HTTP/2) would otherwise keep it open.
              for (const socket of sockets.get(server) ?? []) socket.destroy()
            }),
        ),
      )
      datasets.close()
      users.close()
      await queries.close()
      lock.release()
    },
  }
}

const sockets = new WeakMap<Server | Http2SecureServer, Set<Socket>>()

function listen<S extends Server | Http2SecureServer>(
  server: S,
  port: number,
  host: string,
): Promise<S> {
  const open = new Set<Socket>()
  sockets.set(server, open)
  server.on('connection', (socket: Socket) => {
    open.add(socket)
    socket.once('close', () => open.delete(socket))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}

async function handle(
  lake: Lake,
  table: Route[],
  cors: {allowed: OriginRule; embedders: OriginRule},
  req: LakeRequest,
  res: LakeResponse,
) {
  try {
    if (handleCors(req, res, cors.allowed, cors.embedders)) return
    const url = requestUrl(req)
    const match = matchRoute(table, req.method ?? 'GET', url.pathname)
    if (!match)
      throw new LakeError(404, 'notFoundError', `No route for ${req.method} ${url.pathname}`)
    if ('methodNotAllowed' in match)
      throw new LakeError(
        405,
        'methodNotAllowedError',
        `${req.method} is not allowed on ${url.pathname}`,
      )
    const user = authenticate(lake, req)
    await match.route.handler({
      req,
      res,
      url,
      params: match.params,
      lake,
      authorized: user !== null,
      user,
      role: user ? lake.roles.get(user.role) : null,
    })
  } catch (error) {
    sendError(res, error)
  }
}

/**
 * The bearer token's user: the robot for the lake's token, a lake user for theirs, null without a
 * token. An unknown token (or a removed user's) is Sanity's 401, never an anonymous request.
 */
function authenticate(lake: Lake, req: LakeRequest): LakeUser | null {
  const auth = String(req.headers.authorization ?? '')
  const bearer = auth.startsWith('Bearer ') ? auth.slice(7).trim() : null
  if (bearer === null) return null
  if (bearer === lake.token) return ROBOT_USER
  const user = lake.users.byToken(bearer)
  if (!user) throw new LakeError(401, 'unauthorizedError', 'Unauthorized - Session not found')
  return user
}

/**
 * The request's URL. A path is appended to the origin rather than resolved against it, so `//x`
 * stays a path instead of naming a host; an unparsable target (`http://[`) is the client's error.
 */
function requestUrl(req: LakeRequest): URL {
  const target = req.url ?? '/'
  try {
    return target.startsWith('/')
      ? new URL(`http://lake.invalid${target}`)
      : new URL(target, 'http://lake.invalid')
  } catch {
    throw new LakeError(400, 'validationError', 'The request target is not a valid URL')
  }
}
