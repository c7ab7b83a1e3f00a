// npm run lake -- [--port …] [--host …] [--dir …] [--seed …] [--dataset …] [--query-timeout …]
// [--hosted-parity]: the lake itself, with the project's plugins and Blueprint, until SIGINT or
// SIGTERM. --hosted-parity serves it as hosted Sanity would: without the project's plugins (no
// commit checks, roles or routes of its own), the Blueprint's functions still running.
import type {LakePlugin} from '../../plugin'
import {startLake} from '../../server/server'
import type {Values} from '../args'

export async function serveCommand(
  values: Values,
  project: {seed?: string; plugins: readonly LakePlugin[]; blueprint?: string},
) {
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
    seed: values.seed ?? project.seed,
    dataset: values.dataset,
    queryTimeoutMs: Math.round(timeout * 1000),
    plugins: values['hosted-parity'] ? [] : [...project.plugins],
    blueprint: project.blueprint,
  })
  if (values['hosted-parity'])
    console.log(
      `lake: hosted parity: no project plugins (${project.plugins.map((p) => p.name).join(', ') || 'none'}); only the Blueprint's functions act on commits`,
    )
  const functions = lake.functions?.names ?? []
  if (functions.length > 0)
    console.log(
      `lake: functions ${functions.join(', ')} (log: npm run lake -- functions logs --dir ${values.dir})`,
    )
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
