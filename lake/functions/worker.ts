// One function's runtime: a worker thread that imports the handler once and runs one invocation
// at a time, as a warm function container does. Each invocation gets the lineage in
// X_SANITY_LINEAGE (what @sanity/client sends as `x-sanity-lineage`) and its console output is
// kept for the log instead of printed. `<projectId>.localhost` resolves to loopback here, so a
// client made from `context.clientOptions` reaches the lake on its project hostname as it reaches
// `<projectId>.api.sanity.io` hosted.
import '../server/localhost-resolver'
import {parentPort, workerData} from 'node:worker_threads'
import {pathToFileURL} from 'node:url'
import {format} from 'node:util'

export interface WorkerSetup {
  module: string
  env: Record<string, string>
}

export interface Invocation {
  lineage: string
  context: Record<string, unknown>
  event: {data: unknown}
  /** The Blueprint's resources, for `context.resources`. */
  resources: Array<{id: string; name: string; type: string}>
}

export type InvocationResult =
  {ok: true; logs: string[]} | {ok: false; error: string; logs: string[]}

type Handler = (input: {context: unknown; event: unknown}) => unknown

const setup = workerData as WorkerSetup
Object.assign(process.env, setup.env)
let handler: Promise<Handler> | null = null
const loadHandler = () =>
  (handler ??= import(pathToFileURL(setup.module).href).then((module: {handler?: unknown}) => {
    if (typeof module.handler !== 'function')
      throw new Error(`${setup.module} exports no handler function`)
    return module.handler as Handler
  }))

let logs: string[] = []
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
  console[level] = (...args: unknown[]) => {
    logs.push(`${level === 'log' ? '' : `${level}: `}${format(...args)}`)
  }

/** `context.resources` as @sanity/functions types it: a lookup by name, by type, and a list. */
function resourcesApi(list: Invocation['resources']) {
  const byType = (prefix: string) => (name: string) =>
    list.find((r) => r.name === name && r.type.startsWith(prefix))
  return Object.assign((name: string) => list.find((r) => r.name === name), {
    all: () => [...list],
    [Symbol.iterator]: () => list[Symbol.iterator](),
    cors: byType('sanity.project.cors'),
    dataset: byType('sanity.project.dataset'),
    function: byType('sanity.function.'),
    project: byType('sanity.project'),
    role: byType('sanity.access.role'),
    webhook: byType('sanity.project.webhook'),
  })
}

parentPort!.on('message', async (invocation: Invocation) => {
  logs = []
  process.env.X_SANITY_LINEAGE = invocation.lineage
  let result: InvocationResult
  try {
    const run = await loadHandler()
    await run({
      context: {...invocation.context, resources: resourcesApi(invocation.resources)},
      event: invocation.event,
    })
    result = {ok: true, logs}
  } catch (error) {
    result = {
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      logs,
    }
  }
  parentPort!.postMessage(result)
})
