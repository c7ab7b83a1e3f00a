// `npm start`: builds the Studio, starts the local lake on the sample content and prints where
// everything is. Ctrl-C stops it all.
import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {SAMPLE_PATH} from '../content/build'
import {startLake} from '../lake/server'

const STUDIO_OUT = join('dist', 'studio')

async function buildStudio() {
  const started = Date.now()
  await promisify(execFile)(
    join('node_modules', '.bin', 'sanity'),
    ['build', STUDIO_OUT, '--yes'],
    {
      env: {...process.env, DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1'},
    },
  )
  console.log(
    `studio: built into ${STUDIO_OUT}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}

async function main() {
  await buildStudio()
  const lake = await startLake({
    port: Number(process.env.CK_LAKE_PORT ?? 3030),
    host: process.env.CK_LAKE_HOST ?? '127.0.0.1',
    dir: process.env.CK_LAKE_DIR ?? '.lake',
    seed: SAMPLE_PATH,
  })
  console.log(`lake: listening on ${lake.url}`)
  console.log(
    `lake: try ${lake.url}/v2025-02-19/data/query/production?query=*[_type=="faq"].question`,
  )
  console.log('Press Ctrl-C to stop.')
  const stop = () => {
    lake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
