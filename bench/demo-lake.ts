// The lake for the benchmarks, run as a child process by bench/demo-process.ts: the demo routes
// (/demo, /dist), the benchmark's own pages (/bench, from the folder given as the first argument)
// and the sample content, on 127.0.0.1 only. Reports {url, token} to the parent over IPC, and
// stops (closing the lake, deleting its data folder and the pages folder) on SIGTERM/SIGINT or
// when the parent goes away.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {SAMPLE_PATH} from '../content/build'
import {demoRoutes} from '../demo/routes'
import {staticRoutes} from '../lake/server/static-route'
import {startLake, type RunningLake} from '../lake/server/server'
import {clinicRules} from '../clinic-rules'

const pagesDir = process.argv[2]
const send = process.send?.bind(process)
if (!pagesDir || !send) throw new Error('bench/demo-lake.ts runs as bench/demo-process.ts’s child')

const dir = mkdtempSync(join(tmpdir(), 'ck-bench-lake-'))
let lake: RunningLake | undefined
let stopping = false

const stop = async (code = 0) => {
  if (stopping) return
  stopping = true
  try {
    await lake?.close()
  } finally {
    rmSync(dir, {recursive: true, force: true})
    // The parent's folder too, in case the parent went away without cleaning up.
    rmSync(pagesDir, {recursive: true, force: true})
    process.exit(code)
  }
}

process.once('SIGTERM', () => void stop())
process.once('SIGINT', () => void stop())
// The parent exited (or crashed, or was killed): its IPC channel closes.
process.once('disconnect', () => void stop())

try {
  lake = await startLake({
    port: 0,
    host: '127.0.0.1',
    dir,
    seed: SAMPLE_PATH,
    quiet: true,
    extraRoutes: [...staticRoutes('/bench', pagesDir), ...demoRoutes()],
    plugins: [clinicRules()],
  })
  send({url: lake.url, token: lake.token})
} catch (error) {
  console.error(error)
  await stop(1)
}
