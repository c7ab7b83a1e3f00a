// Runs a Blueprint's document functions as hosted Sanity does: after a transaction commits, once
// per changed document whose event, id kind (published, drafts with includeDrafts, release
// versions with includeAllVersions), dataset and GROQ filter (delta mode: before(), after(),
// delta::changedAny/changedOnly/operation) match, with the projection's result as `event.data`
// and Sanity's documented `{context, event}` (https://www.sanity.io/docs/specifications/function-wrapper).
// Limits: the function's timeout, its memory as the worker's heap, 200 invocations per function
// and document in 30 s, and chains of at most 16 invocations through the lineage (lineage.ts).
// A function cannot refuse or delay a write: it runs after the commit, and whatever it does or
// throws is logged (log.ts), never passed back to the writer.
import {Worker} from 'node:worker_threads'
import {evaluate, type ExprNode} from 'groq-js'
import type {Dataset, DatasetRegistry} from '../datasets/datasets'
import type {CommittedTransaction, DocumentChange} from '../store/types'
import type {DocumentFunction, LakeBlueprint} from './blueprint'
import {currentLineage, nextLineage} from './lineage'
import {appendInvocation, type InvocationEntry, type Outcome} from './log'
import type {Invocation, InvocationResult} from './worker'

const WORKER_URL = new URL('./worker.ts', import.meta.url)
/** Sanity's per-function rate limit: invocations for one document in a 30 s window. */
export const RATE_LIMIT = {invocations: 200, windowMs: 30_000}

export interface FunctionRunnerOptions {
  blueprint: LakeBlueprint
  /** Where the invocation log is written (the lake's data folder). */
  dir: string
  datasets: DatasetRegistry
  projectId: string
  /** The lake's URL, the functions' `apiHost` (known once it listens). */
  url: () => string
  /** Each function's token: its robot's, or the default one. */
  tokenFor: (fn: DocumentFunction) => string
}

interface Runtime {
  worker: Worker
  busy: boolean
}

export class FunctionRunner {
  private readonly runtimes = new Map<string, Runtime[]>()
  private readonly recent = new Map<string, number[]>()
  private readonly running = new Set<Promise<void>>()
  private readonly detach: Array<() => void> = []
  private closed = false

  constructor(private readonly options: FunctionRunnerOptions) {
    if (options.blueprint.functions.length === 0) return
    for (const dataset of options.datasets.list()) this.watch(dataset)
    const added = (dataset: Dataset) => this.watch(dataset)
    options.datasets.on('added', added)
    this.detach.push(() => options.datasets.off('added', added))
  }

  /** The functions' names, in the Blueprint's order. */
  get names(): string[] {
    return this.options.blueprint.functions.map((fn) => fn.name)
  }

  /** Resolves once every invocation started so far (and those they started) has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }

  /** Stops: no new invocation starts, running ones end now and are not logged. */
  async close(): Promise<void> {
    this.closed = true
    for (const undo of this.detach) undo()
    await Promise.all(
      [...this.runtimes.values()].flat().map((runtime) => runtime.worker.terminate()),
    )
    await this.idle()
    this.runtimes.clear()
  }

  private watch(dataset: Dataset) {
    const listener = (transaction: CommittedTransaction) => {
      // Read now, inside the commit: the lineage of the request that wrote it.
      const lineage = currentLineage()
      for (const change of transaction.changes)
        for (const fn of this.options.blueprint.functions)
          if (this.mayMatch(fn, dataset.name, change)) {
            const run = this.consider(fn, dataset, transaction, change, lineage).catch((error) =>
              console.error(`lake: function ${fn.name}:`, error),
            )
            this.running.add(run)
            void run.finally(() => this.running.delete(run))
          }
    }
    dataset.store.on('transaction', listener)
    this.detach.push(() => dataset.store.off('transaction', listener))
  }

  /** The cheap checks: event, id kind and dataset. */
  private mayMatch(fn: DocumentFunction, dataset: string, change: DocumentChange): boolean {
    if (this.closed || !fn.on.has(change.operation) || change.id.startsWith('_.')) return false
    if (change.id.startsWith('drafts.') && !fn.includeDrafts) return false
    if (change.id.startsWith('versions.') && !fn.includeAllVersions) return false
    if (fn.resource) {
      const [project, name] = fn.resource.split('.')
      if (project !== this.options.projectId || (name !== '*' && name !== dataset)) return false
    }
    return true
  }

  private async consider(
    fn: DocumentFunction,
    dataset: Dataset,
    transaction: CommittedTransaction,
    change: DocumentChange,
    lineage: string | undefined,
  ) {
    // After the commit: the writer has its answer before any function runs.
    await new Promise((resolve) => setImmediate(resolve))
    const document = (change.after ?? change.before)!
    const evaluateOn = async (tree: ExprNode) =>
      (
        await evaluate(tree, {
          root: document,
          before: change.before,
          after: change.after,
          sanity: {projectId: this.options.projectId, dataset: dataset.name},
          dereference: ({_ref}) => dataset.store.get(_ref) ?? null,
        })
      ).get()
    if (fn.filter && (await evaluateOn(fn.filter)) !== true) return
    if (this.closed) return
    const entry: InvocationEntry = {
      time: new Date().toISOString(),
      function: fn.name,
      dataset: dataset.name,
      documentId: change.id,
      event: change.operation,
      transactionId: transaction.transactionId,
      lineage: null,
      durationMs: 0,
      outcome: 'ok',
      logs: [],
    }
    const next = nextLineage(lineage)
    if (next === null) return this.log({...entry, lineage: lineage ?? null}, 'recursion-limit')
    entry.lineage = next
    if (!this.withinRate(fn, change.id)) return this.log(entry, 'rate-limit')
    const data = fn.projection ? await evaluateOn(fn.projection) : document
    const invocation: Invocation = {
      lineage: next,
      context: {
        clientOptions: {
          apiHost: this.options.url(),
          projectId: this.options.projectId,
          dataset: dataset.name,
          token: this.options.tokenFor(fn),
        },
        eventResourceType: 'dataset',
        eventResourceId: `${this.options.projectId}.${dataset.name}`,
        functionResourceType: 'project',
        functionResourceId: this.options.projectId,
        lineage: next,
      },
      event: {data},
      resources: this.resourceList(),
    }
    const started = performance.now()
    const result = await this.invoke(fn, invocation)
    entry.durationMs = Math.round(performance.now() - started)
    entry.logs = result.logs
    if (!result.ok) entry.error = result.error
    this.log(entry, result.ok ? 'ok' : result.error.startsWith('Timeout') ? 'timeout' : 'error')
  }

  private log(entry: InvocationEntry, outcome: Outcome) {
    if (!this.closed) appendInvocation(this.options.dir, {...entry, outcome})
  }

  private withinRate(fn: DocumentFunction, id: string): boolean {
    const key = `${fn.name}\n${id}`
    const now = Date.now()
    const times = (this.recent.get(key) ?? []).filter((t) => now - t < RATE_LIMIT.windowMs)
    if (times.length >= RATE_LIMIT.invocations) return false
    times.push(now)
    this.recent.set(key, times)
    return true
  }

  private resourceList() {
    const {functions, robots, cors} = this.options.blueprint
    return [
      ...functions.map((f) => ({id: f.name, name: f.name, type: 'sanity.function.document'})),
      ...robots.map((r) => ({id: r.name, name: r.name, type: 'sanity.access.robot'})),
      ...cors.map((c) => ({id: c.name, name: c.name, type: 'sanity.project.cors'})),
    ]
  }

  /** Runs the invocation on an idle runtime of the function (a new one if none is idle). */
  private invoke(fn: DocumentFunction, invocation: Invocation): Promise<InvocationResult> {
    const pool = this.runtimes.get(fn.name) ?? []
    this.runtimes.set(fn.name, pool)
    let runtime = pool.find((r) => !r.busy)
    if (!runtime) {
      const worker = new Worker(WORKER_URL, {
        workerData: {module: fn.module, env: fn.env},
        resourceLimits: {maxOldGenerationSizeMb: fn.memoryMb},
        stdout: false,
        stderr: false,
      })
      worker.unref()
      runtime = {worker, busy: false}
      pool.push(runtime)
    }
    const current = runtime
    current.busy = true
    return new Promise<InvocationResult>((resolve) => {
      const retire = () => {
        pool.splice(pool.indexOf(current), 1)
        void current.worker.terminate()
      }
      const finish = (result: InvocationResult, keep: boolean) => {
        clearTimeout(timer)
        current.worker.off('message', onMessage)
        current.worker.off('error', onError)
        current.worker.off('exit', onExit)
        if (keep) current.busy = false
        else retire()
        resolve(result)
      }
      const onMessage = (result: InvocationResult) => finish(result, true)
      const onError = (error: Error) => finish({ok: false, error: error.message, logs: []}, false)
      const onExit = (code: number) =>
        finish({ok: false, error: `The function's runtime exited with ${code}`, logs: []}, false)
      const timer = setTimeout(
        () =>
          finish(
            {
              ok: false,
              error: `Timeout: the function exceeded its ${fn.timeoutMs / 1000} s time limit`,
              logs: [],
            },
            false,
          ),
        fn.timeoutMs,
      )
      current.worker.on('message', onMessage)
      current.worker.once('error', onError)
      current.worker.once('exit', onExit)
      current.worker.postMessage(invocation)
    })
  }
}
