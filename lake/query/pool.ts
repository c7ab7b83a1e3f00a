// Worker threads that evaluate every query and listen filter off the serving thread, each under
// a time limit: a query past it is answered with queryTimeoutError and its worker is replaced,
// while the other workers go on serving. Jobs wait in one first-come, first-served queue.
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {LakeError} from '../errors'
import type {CommittedTransaction, LakeDocument, LakeStore} from '../store'
import {DEFAULT_QUERY_LIMITS, queryTimedOut, type QueryLimits} from './limits'
import type {FilterJob, FromWorker, QueryJob, ToWorker} from './protocol'

// Workers run the TypeScript sources: they inherit the parent's execArgv and NODE_OPTIONS, which
// carry tsx's loader under `node --import tsx`, `tsx …` and NODE_OPTIONS=--import=tsx alike.
const WORKER_URL = new URL('./worker.ts', import.meta.url)

export interface QueryPoolOptions extends Partial<QueryLimits> {
  /** Default min(2, cores). */
  workers?: number
}

type Job = {kind: 'query'} & Omit<QueryJob, 'maxResultBytes'>
type Pending = {
  message: ToWorker & {job: number}
  resolve: (value: FromWorker & {ok: true}) => void
  reject: (error: LakeError) => void
}

interface Slot {
  worker: Worker
  /** Started, and no dataset load outstanding: it takes jobs (a load's time would count). */
  ready: boolean
  /** Jobs of the loads (and the start) the worker has not acknowledged yet. */
  unacknowledged: Set<number>
  /** The worker has started (answered its first message). */
  started: boolean
  /** Terminated: replaced by a fresh worker, or the pool closed. */
  retired?: boolean
  running: (Pending & {timer?: NodeJS.Timeout}) | null
}

export class QueryPool {
  readonly limits: QueryLimits
  private readonly slots: Slot[] = []
  private readonly queue: Pending[] = []
  private readonly stores = new Map<
    string,
    {store: LakeStore; forward: (tx: CommittedTransaction) => void}
  >()
  private readonly readyWaiters: Array<() => void> = []
  private nextJob = 1
  private closed = false
  /** Set when a worker dies before it is ready: the lake cannot run queries at all. */
  private broken: LakeError | null = null

  constructor(options: QueryPoolOptions = {}) {
    this.limits = {
      timeoutMs: options.timeoutMs ?? DEFAULT_QUERY_LIMITS.timeoutMs,
      maxResultBytes: options.maxResultBytes ?? DEFAULT_QUERY_LIMITS.maxResultBytes,
    }
    const size = options.workers ?? Math.min(2, availableParallelism())
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn())
  }

  /** Starts serving a dataset: every worker gets its documents, then each commit's changes. */
  addDataset(name: string, store: LakeStore): void {
    this.removeDataset(name)
    const forward = (tx: CommittedTransaction) =>
      this.broadcast({
        kind: 'apply',
        dataset: name,
        changes: tx.changes.map(({id, after}) => ({id, after})),
      })
    store.on('transaction', forward)
    this.stores.set(name, {store, forward})
    for (const slot of this.slots) this.load(slot, name, store)
  }

  /**
   * Sends a dataset to a worker in chunks, yielding between them, so a large dataset does not
   * hold up the serving thread while it is copied. Each chunk carries the documents' states at
   * the time it is sent; commits in between reach the worker as `apply` messages in order, so
   * the worker ends up with the current state either way. It takes no jobs until the last chunk
   * is acknowledged.
   */
  private load(slot: Slot, dataset: string, store: LakeStore): void {
    const job = this.nextJob++
    slot.ready = false
    slot.unacknowledged.add(job)
    const ids = [...store.all()].map((doc) => doc._id)
    const current = () => this.stores.get(dataset)?.store === store && !slot.retired
    const send = (from: number) => {
      if (!current()) return
      const docs: LakeDocument[] = []
      for (const id of ids.slice(from, from + LOAD_CHUNK)) {
        const doc = store.get(id)
        if (doc) docs.push(doc)
      }
      const last = from + LOAD_CHUNK >= ids.length
      slot.worker.postMessage({
        kind: 'load',
        dataset,
        docs,
        first: from === 0,
        job: last ? job : undefined,
      } satisfies ToWorker)
      if (!last) setImmediate(() => send(from + LOAD_CHUNK))
    }
    send(0)
  }

  removeDataset(name: string): void {
    const entry = this.stores.get(name)
    if (!entry) return
    entry.store.off('transaction', entry.forward)
    this.stores.delete(name)
    this.broadcast({kind: 'drop', dataset: name})
  }

  /** The query's result as JSON. */
  async query(job: Omit<Job, 'kind'>): Promise<string> {
    const reply = await this.run({
      kind: 'query',
      ...job,
      maxResultBytes: this.limits.maxResultBytes,
    })
    return reply.value as string
  }

  /** For each change, whether the filter matches its before and its after state. */
  async filter(job: FilterJob): Promise<Array<[boolean, boolean]>> {
    const reply = await this.run({kind: 'filter', ...job})
    return reply.value as Array<[boolean, boolean]>
  }

  /** Resolves when every worker has loaded every dataset (queries queue until then anyway). */
  ready(): Promise<void> {
    if (this.slots.every((slot) => slot.ready) || this.closed || this.broken)
      return Promise.resolve()
    return new Promise((resolve) => this.readyWaiters.push(resolve))
  }

  async close(): Promise<void> {
    this.closed = true
    for (const resolve of this.readyWaiters.splice(0)) resolve()
    for (const name of [...this.stores.keys()]) this.removeDataset(name)
    for (const pending of this.queue.splice(0)) pending.reject(closedError())
    await Promise.all(
      this.slots.map((slot) => {
        slot.running?.reject(closedError())
        if (slot.running?.timer) clearTimeout(slot.running.timer)
        slot.retired = true
        slot.worker.removeAllListeners()
        return slot.worker.terminate()
      }),
    )
  }

  private run(message: DistributiveOmit<ToWorker & {job: number}, 'job'>) {
    if (this.closed) return Promise.reject(closedError())
    if (this.broken) return Promise.reject(this.broken)
    return new Promise<FromWorker & {ok: true}>((resolve, reject) => {
      this.queue.push({
        message: {...message, job: this.nextJob++} as ToWorker & {job: number},
        resolve,
        reject,
      })
      this.dispatch()
    })
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return
      if (!slot.ready || slot.running) continue
      const pending = this.queue.shift()!
      const timer = setTimeout(() => this.timeOut(slot), this.limits.timeoutMs)
      slot.running = {...pending, timer}
      slot.worker.postMessage(pending.message)
    }
  }

  private timeOut(slot: Slot): void {
    const running = slot.running
    slot.running = null
    running?.reject(queryTimedOut(this.limits.timeoutMs))
    this.replace(slot)
  }

  /** Terminates a worker stuck in (or killed by) a query and starts a fresh one in its place. */
  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    slot.retired = true
    slot.worker.removeAllListeners()
    void slot.worker.terminate()
    if (this.closed) return
    this.slots[index] = this.spawn()
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL)
    worker.unref()
    const slot: Slot = {
      worker,
      ready: false,
      unacknowledged: new Set(),
      started: false,
      running: null,
    }
    worker.on('message', (reply: FromWorker) => this.answer(slot, reply))
    const fail = (error: unknown) => {
      const running = slot.running
      slot.running = null
      if (running?.timer) clearTimeout(running.timer)
      if (!slot.started) {
        // A worker that cannot even start would fail again: stop, and say why on every query.
        this.broken = new LakeError(
          500,
          'internalError',
          `The lake's query workers cannot start: ${describe(error)}`,
        )
        for (const pending of this.queue.splice(0)) pending.reject(this.broken)
        // The lake still starts (and serves everything else); queries answer with the reason.
        for (const resolve of this.readyWaiters.splice(0)) resolve()
        slot.worker.removeAllListeners()
        return
      }
      running?.reject(
        new LakeError(500, 'queryError', `The query stopped its worker: ${describe(error)}`),
      )
      this.replace(slot)
      this.dispatch()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(`exit code ${code}`))
    const start = this.nextJob++
    slot.unacknowledged.add(start)
    worker.postMessage({kind: 'ready', job: start} satisfies ToWorker)
    for (const [name, {store}] of this.stores) this.load(slot, name, store)
    return slot
  }

  private answer(slot: Slot, reply: FromWorker): void {
    if (slot.unacknowledged.delete(reply.job)) {
      slot.started = true
      if (slot.unacknowledged.size > 0) return
      slot.ready = true
      if (this.slots.every((each) => each.ready))
        for (const resolve of this.readyWaiters.splice(0)) resolve()
      this.dispatch()
      return
    }
    const running = slot.running
    if (!running || running.message.job !== reply.job) return
    slot.running = null
    if (running.timer) clearTimeout(running.timer)
    if (reply.ok) running.resolve(reply)
    else {
      const {statusCode, type, message, details} = reply.error
      running.reject(new LakeError(statusCode, type, message, details))
    }
    this.dispatch()
  }

  private broadcast(message: ToWorker): void {
    for (const slot of this.slots) slot.worker.postMessage(message)
  }
}

/** Documents per load message: about 1–2 MB of structured clone on the serving thread. */
const LOAD_CHUNK = 2000

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

const closedError = () => new LakeError(503, 'serviceUnavailableError', 'The lake is shutting down')

function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
