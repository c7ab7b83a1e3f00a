// npm run lake | lake:import | lake:export — the local lake's command line.
//   serve  [--port 3030] [--host 127.0.0.1] [--dir .lake] [--seed content/sample.ndjson]
//          [--query-timeout 10]
//   import <file.ndjson> [--dir .lake] [--replace]
//   export <out.ndjson> [--dir .lake]
import {createWriteStream, statSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {SAMPLE_PATH} from '../content/build'
import {LakeError} from './errors'
import {importNdjson} from './ndjson'
import {startLake} from './server'
import {LakeStore} from './store'

const USAGE = `usage:
  npm run lake -- [--port 3030] [--host 127.0.0.1] [--dir .lake] [--seed content/sample.ndjson]
                  [--query-timeout <seconds, default 10>]
  npm run lake:import -- <file.ndjson> [--dir .lake] [--replace]
  npm run lake:export -- <out.ndjson> [--dir .lake]`

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

async function main(argv: string[]) {
  const [command, ...rest] = argv
  const {values, positionals} = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      port: {type: 'string', default: '3030'},
      host: {type: 'string', default: '127.0.0.1'},
      dir: {type: 'string', default: '.lake'},
      seed: {type: 'string', default: SAMPLE_PATH},
      replace: {type: 'boolean', default: false},
      'query-timeout': {type: 'string', default: '10'},
    },
  })
  switch (command) {
    case 'serve': {
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
      return
    }
    case 'import': {
      const file = positionals[0]
      if (!file) throw new Error(USAGE)
      const store = LakeStore.open(values.dir)
      try {
        const onProgress = progressBar(statSync(file).size)
        const {documents} = await importNdjson(store, file, {replace: values.replace, onProgress})
        if (onProgress) process.stderr.write('\n')
        console.log(`lake: imported ${documents} documents into ${values.dir}`)
      } finally {
        store.close()
      }
      return
    }
    case 'export': {
      const out = positionals[0]
      if (!out) throw new Error(USAGE)
      const store = LakeStore.open(values.dir)
      try {
        const stream = createWriteStream(out)
        let count = 0
        for (const doc of store.all()) {
          if (!stream.write(`${JSON.stringify(doc)}\n`))
            await new Promise<void>((r) => stream.once('drain', () => r()))
          count++
        }
        await new Promise<void>((resolve, reject) =>
          stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
        )
        console.log(`lake: exported ${count} documents to ${out}`)
      } finally {
        store.close()
      }
      return
    }
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
