// npm run lake | lake:import | lake:export — the local lake's command line.
//   serve  [--port 3030] [--host 127.0.0.1] [--dir .lake] [--seed …] [--dataset production]
//          [--query-timeout 10]
//   serve dataset list|create <name>|copy <from> <to>|delete <name> [--dir .lake | --url …]
//   serve users add --name … --email … --role …|list|remove <id>|token <id> [--bare]
//          [--dir | --url]
//   import <file.ndjson> [--dir .lake | --url …] [--dataset …] [--replace | --missing]
//   export <out.ndjson> [--dir .lake | --url …] [--dataset …]
//   import-articles <files or folders…> [--dry-run] [--url …] [--dataset …]: npm run import
// Offline commands take the folder's lock, so they never write behind a running lake's back;
// against a running lake they go through its HTTP API (--url).
import {createWriteStream, existsSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {parseArgs} from 'node:util'
import {SAMPLE_PATH} from '../../content/build'
import {DEFAULT_LAKE_URL} from '../../config/client'
import {DatasetRegistry, migrateSingleStoreLayout, type Dataset} from '../datasets/datasets'
import {LakeError} from '../http/errors'
import {importOverHttp} from '../datasets/import-http'
import {acquireLock, FolderLockedError} from '../server/lock'
import {importNdjson, type ImportMode} from '../datasets/ndjson'
import {ROLE_NAMES} from '../access/roles'
import {startLake} from '../server/server'
import {signInLink, studioOrigin} from '../access/signin'
import {UserStore, type LakeUser} from '../access/users'

const USAGE = `usage:
  npm run lake -- [--port 3030] [--host 127.0.0.1] [--dir .lake] [--seed content/sample.ndjson] [--dataset production]
                  [--query-timeout <seconds, default 10>]
  npm run lake -- dataset list|create <name>|copy <from> <to>|delete <name> [--dir .lake | --url <lake URL>] [--skip-history]
  npm run lake -- users add --name <name> --email <email> --role <${ROLE_NAMES.join('|')}> [--id <id>] [--image-url <url>] [--bare]
  npm run lake -- users list|remove <id>|token <id> [--bare] [--dir .lake | --url <lake URL>]
  npm run lake:import -- <file.ndjson> [--dir .lake | --url <lake URL>] [--dataset production] [--replace | --missing]
  npm run lake:export -- <out.ndjson> [--dir .lake | --url <lake URL>] [--dataset production]
  npm run lake -- import-articles <files or folders…> [--dry-run] [--url <lake URL>] [--dataset production]`

const DATASET_API = 'v2025-09-16'
const DATA_API = 'v2025-02-19'

type Values = {
  port: string
  host: string
  dir: string
  seed: string
  dataset?: string
  url?: string
  replace: boolean
  missing: boolean
  'skip-history': boolean
  visibility?: string
  'query-timeout': string
  name?: string
  email?: string
  role?: string
  id?: string
  'image-url'?: string
  bare: boolean
}

function progressBar(total: number) {
  if (!process.stderr.isTTY || total < 1024 * 1024) return undefined
  let last = 0
  return (_lines: number, bytes: number) => {
    const now = Date.now()
    if (now - last < 100 && bytes < total) return
    last = now
    const share = Math.min(1, bytes / total)
    const width = 30
    const filled = Math.round(share * width)
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0)}%`,
    )
  }
}

const defaultDataset = () => process.env.SANITY_DATASET ?? 'production'
const projectId = () => process.env.SANITY_PROJECT_ID ?? 'clinickit'

/** Explains, for a folder a running lake holds, how to run the same command through its API. */
function lockedMessage(error: FolderLockedError, script: string, args: string[]): string {
  const url = error.holder.url ?? DEFAULT_LAKE_URL
  return [
    `${error.message}.`,
    'Writing or reading its files directly could lose data; go through its HTTP API instead:',
    `  npm run ${script} -- ${[...args, '--url', url].join(' ')}`,
    '(with --url the token comes from SANITY_API_TOKEN, else the --dir folder’s token file)',
  ].join('\n')
}

/** Runs `work` on a stopped lake's folder while holding its lock. */
async function offline<T>(
  dir: string,
  script: string,
  args: string[],
  work: () => Promise<T> | T,
): Promise<T> {
  let lock
  try {
    lock = acquireLock(dir, (stale) =>
      console.warn(
        `lake: taking over ${dir}/lake.lock left by pid ${stale.pid}, no longer running`,
      ),
    )
  } catch (error) {
    if (error instanceof FolderLockedError)
      throw new Error(lockedMessage(error, script, args), {cause: error})
    throw error
  }
  try {
    if (migrateSingleStoreLayout(dir, defaultDataset()))
      console.log(`lake: moved ${dir}/lake.sqlite into ${dir}/datasets/${defaultDataset()}/`)
    return await work()
  } finally {
    lock.release()
  }
}

/** Opens the folder's datasets for an offline command and closes them after. */
async function withDatasets<T>(dir: string, work: (registry: DatasetRegistry) => Promise<T> | T) {
  const registry = DatasetRegistry.open(dir, defaultDataset())
  try {
    return await work(registry)
  } finally {
    registry.close()
  }
}

function requireDataset(registry: DatasetRegistry, name: string): Dataset {
  const dataset = registry.get(name)
  if (!dataset)
    throw new Error(
      `Dataset "${name}" not found; create it with: npm run lake -- dataset create ${name}`,
    )
  return dataset
}

/** The token for --url: SANITY_API_TOKEN, else the lake folder's token file. */
function httpToken(dir: string): string {
  const fromEnv = process.env.SANITY_API_TOKEN?.trim()
  if (fromEnv) return fromEnv
  const file = join(dir, 'token')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  throw new Error(
    `--url needs the lake's token: set SANITY_API_TOKEN (or use --dir with its folder)`,
  )
}

async function http(
  method: string,
  url: string,
  token: string,
  body?: unknown,
): Promise<Record<string, unknown> | Array<Record<string, unknown>>> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : {'content-type': 'application/json'}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  if (!response.ok) {
    const error = parsed.error as {description?: string} | undefined
    throw new Error(`${error?.description ?? text} (HTTP ${response.status})`)
  }
  return parsed
}

async function importCommand(values: Values, positionals: string[], args: string[]) {
  const file = positionals[0]
  if (!file) throw new Error(USAGE)
  if (values.replace && values.missing)
    throw new Error('--replace and --missing exclude each other')
  const mode: ImportMode = values.replace ? 'replace' : values.missing ? 'missing' : 'fail'
  const dataset = values.dataset ?? defaultDataset()
  const onProgress = progressBar(statSync(file).size)
  let result
  if (values.url) {
    result = await importOverHttp(file, {
      url: values.url,
      token: httpToken(values.dir),
      dataset,
      projectId: projectId(),
      mode,
      onProgress,
    })
  } else {
    result = await offline(values.dir, 'lake:import', args, () =>
      withDatasets(values.dir, (registry) =>
        importNdjson(requireDataset(registry, dataset).store, file, {
          mode,
          onProgress,
          // Offline, asset URLs use the lake's default address.
          assets: {
            dir: join(values.dir, 'assets'),
            target: {projectId: projectId(), dataset, baseUrl: DEFAULT_LAKE_URL},
          },
        }),
      ),
    )
  }
  if (onProgress) process.stderr.write('\n')
  const where = values.url ? `${values.url} (${dataset})` : `${values.dir} (${dataset})`
  const assets = result.assets ? ` and ${result.assets} assets` : ''
  console.log(`lake: imported ${result.documents} documents${assets} into ${where}`)
}

async function exportCommand(values: Values, positionals: string[], args: string[]) {
  const out = positionals[0]
  if (!out) throw new Error(USAGE)
  const dataset = values.dataset ?? defaultDataset()
  if (values.url) {
    const url = `${values.url.replace(/\/+$/, '')}/${DATA_API}/data/export/${dataset}`
    const response = await fetch(url, {
      headers: {authorization: `Bearer ${httpToken(values.dir)}`},
    })
    if (!response.ok || !response.body)
      throw new Error(`Export failed (HTTP ${response.status}): ${await response.text()}`)
    await pipeline(Readable.fromWeb(response.body as never), createWriteStream(out))
    console.log(`lake: exported ${dataset} from ${values.url} to ${out}`)
    return
  }
  const count = await offline(values.dir, 'lake:export', args, () =>
    withDatasets(values.dir, async (registry) => {
      const stream = createWriteStream(out)
      let written = 0
      for (const doc of requireDataset(registry, dataset).store.all()) {
        if (!stream.write(`${JSON.stringify(doc)}\n`))
          await new Promise<void>((r) => stream.once('drain', () => r()))
        written++
      }
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      )
      return written
    }),
  )
  console.log(`lake: exported ${count} documents from ${dataset} to ${out}`)
}

async function datasetCommand(values: Values, positionals: string[], args: string[]) {
  const [action, first, second] = positionals
  const need = (name: string | undefined, what: string) => {
    if (!name) throw new Error(`dataset ${action} needs ${what}\n${USAGE}`)
    return name
  }
  if (values.url) {
    const base = `${values.url.replace(/\/+$/, '')}/${DATASET_API}/datasets`
    const token = httpToken(values.dir)
    switch (action) {
      case 'list': {
        const list = (await http('GET', base, token)) as Array<{name: string}>
        for (const {name} of list) console.log(name)
        return
      }
      case 'create': {
        const name = need(first, '<name>')
        const aclMode = values.visibility
        await http('PUT', `${base}/${name}`, token, aclMode ? {aclMode} : {})
        console.log(`lake: created dataset ${name}`)
        return
      }
      case 'copy': {
        const from = need(first, '<from> <to>')
        const to = need(second, '<from> <to>')
        const skipHistory = values['skip-history']
        await http('PUT', `${base}/${from}/copy`, token, {targetDataset: to, skipHistory})
        console.log(`lake: copied dataset ${from} to ${to}`)
        return
      }
      case 'delete': {
        const name = need(first, '<name>')
        await http('DELETE', `${base}/${name}`, token)
        console.log(`lake: deleted dataset ${name}`)
        return
      }
      default:
        throw new Error(USAGE)
    }
  }
  if (!['list', 'create', 'copy', 'delete'].includes(action ?? '')) throw new Error(USAGE)
  await offline(values.dir, 'lake', ['dataset', ...args], () =>
    withDatasets(values.dir, (registry) => {
      switch (action) {
        case 'list':
          for (const {name} of registry.infoList()) console.log(name)
          return
        case 'create': {
          const name = need(first, '<name>')
          const aclMode = values.visibility as 'public' | 'private' | 'custom' | undefined
          registry.create(name, {aclMode})
          console.log(`lake: created dataset ${name} in ${values.dir}`)
          return
        }
        case 'copy': {
          const from = need(first, '<from> <to>')
          const to = need(second, '<from> <to>')
          registry.copy(from, to, {skipHistory: values['skip-history']})
          console.log(`lake: copied dataset ${from} to ${to} in ${values.dir}`)
          return
        }
        case 'delete': {
          const name = need(first, '<name>')
          registry.remove(name)
          console.log(`lake: deleted dataset ${name} from ${values.dir}`)
          return
        }
      }
    }),
  )
}

function printUser(user: LakeUser) {
  console.log(`${user.id}\t${user.role}\t${user.name} <${user.email}>`)
}

/**
 * A new token as the Studio sign-in link `npm start` prints, or (--bare, for scripts) the token
 * alone on its own line.
 */
function printToken(id: string, token: string, bare: boolean, replaced = false) {
  if (bare) return console.log(token)
  console.log(`studio: sign in as ${id}: ${signInLink(studioOrigin(), token)}`)
  const previous = replaced ? '; the previous token no longer works' : ''
  console.log(`(shown once: the lake keeps only its hash${previous})`)
}

async function usersCommand(values: Values, positionals: string[], args: string[]) {
  const [action, id] = positionals
  const needId = () => {
    if (!id) throw new Error(`users ${action} needs <id>\n${USAGE}`)
    return id
  }
  const newUser = () => ({
    id: values.id,
    name: values.name ?? '',
    email: values.email ?? '',
    role: values.role ?? '',
    imageUrl: values['image-url'],
  })
  if (values.url) {
    const base = `${values.url.replace(/\/+$/, '')}/${DATA_API}/lake/users`
    const token = httpToken(values.dir)
    switch (action) {
      case 'list':
        for (const user of (await http('GET', base, token)) as unknown as LakeUser[])
          printUser(user)
        return
      case 'add': {
        const added = (await http('POST', base, token, newUser())) as {
          user: LakeUser
          token: string
        }
        if (!values.bare) printUser(added.user)
        return printToken(added.user.id, added.token, values.bare)
      }
      case 'remove':
        await http('DELETE', `${base}/${encodeURIComponent(needId())}`, token)
        return console.log(`lake: removed user ${id}`)
      case 'token': {
        const issued = (await http(
          'POST',
          `${base}/${encodeURIComponent(needId())}/token`,
          token,
        )) as {
          token: string
        }
        return printToken(needId(), issued.token, values.bare, true)
      }
      default:
        throw new Error(USAGE)
    }
  }
  if (!['list', 'add', 'remove', 'token'].includes(action ?? '')) throw new Error(USAGE)
  await offline(values.dir, 'lake', ['users', ...args], () => {
    const users = UserStore.open(values.dir)
    try {
      switch (action) {
        case 'list':
          return users.list().forEach(printUser)
        case 'add': {
          const added = users.add(newUser())
          if (!values.bare) printUser(added.user)
          return printToken(added.user.id, added.token, values.bare)
        }
        case 'remove':
          users.remove(needId())
          return console.log(`lake: removed user ${id} from ${values.dir}`)
        case 'token':
          return printToken(needId(), users.issueToken(needId()), values.bare, true)
      }
    } finally {
      users.close()
    }
  })
}

async function serve(values: Values) {
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Not a port: ${values.port}`)
  const timeout = Number(values['query-timeout'])
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new Error(`Not a query timeout in seconds: ${values['query-timeout']}`)
  const lake = await startLake({
    port,
    host: values.host,
    dir: values.dir,
    seed: values.seed,
    dataset: values.dataset,
    queryTimeoutMs: Math.round(timeout * 1000),
  })
  console.log(`lake: listening on ${lake.url}`)
  console.log(`lake: queries stop after ${timeout} s`)
  console.log(
    lake.tokenFile
      ? `lake: write token in ${lake.tokenFile}`
      : 'lake: write token from SANITY_API_TOKEN',
  )
  const stop = () => void lake.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

async function main(argv: string[]) {
  // Articles (HTML, Markdown, WordPress, text) take the importer's own options. Loaded only
  // here: the converter brings the Studio schema, which the lake itself does not need.
  const articles = argv.indexOf('import-articles')
  if (articles === 0 || (articles === 1 && argv[0] === 'serve')) {
    const {runImportCli} = await import('../../importer/cli')
    process.exitCode = await runImportCli(argv.slice(articles + 1))
    return
  }
  const [command, ...rest] = argv
  const {values, positionals} = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      port: {type: 'string', default: '3030'},
      host: {type: 'string', default: '127.0.0.1'},
      dir: {type: 'string', default: '.lake'},
      seed: {type: 'string', default: SAMPLE_PATH},
      dataset: {type: 'string'},
      url: {type: 'string'},
      replace: {type: 'boolean', default: false},
      missing: {type: 'boolean', default: false},
      'skip-history': {type: 'boolean', default: false},
      visibility: {type: 'string'},
      'query-timeout': {type: 'string', default: '10'},
      name: {type: 'string'},
      email: {type: 'string'},
      role: {type: 'string'},
      id: {type: 'string'},
      'image-url': {type: 'string'},
      bare: {type: 'boolean', default: false},
    },
  })
  switch (command) {
    case 'serve':
      // `npm run lake` is `cli.ts serve`, so `npm run lake -- dataset …` arrives here.
      if (positionals[0] === 'dataset')
        return datasetCommand(values, positionals.slice(1), rest.slice(rest.indexOf('dataset') + 1))
      if (positionals[0] === 'users')
        return usersCommand(values, positionals.slice(1), rest.slice(rest.indexOf('users') + 1))
      if (positionals.length > 0) throw new Error(USAGE)
      return serve(values)
    case 'dataset':
      return datasetCommand(values, positionals, rest)
    case 'users':
      return usersCommand(values, positionals, rest)
    case 'import':
      return importCommand(values, positionals, rest)
    case 'export':
      return exportCommand(values, positionals, rest)
    default:
      throw new Error(USAGE)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof LakeError
      ? `${error.message}`
      : error instanceof Error
        ? error.message
        : String(error)
  console.error(`lake: ${message}`)
  process.exit(1)
})
