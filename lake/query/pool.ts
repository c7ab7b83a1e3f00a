// Worker threads that evaluate every query and listen filter off the serving thread, each under
// a time limit: a query past it is answered with queryTimeoutError and its worker is replaced,
// while the other workers go on serving. Jobs wait in one queue per client (its token's user, or
// its IP address when anonymous), served in turn, so one client cannot hold every worker:
// - an anonymous client runs one job at a time; a signed-in one may use every worker;
// - a client whose job has run past `longMs` is heavy while it runs, and until `heavyMemoryMs`
//   after it when the job used at least half that in CPU; heavy clients together hold at most
//   workers − 1, so one worker stays for the others;
// - when a light client waits and heavy jobs hold more than that (a client's first long job
//   took the last worker), the newest of them is stopped and queued again: it runs once more,
//   within the heavy share;
// - at most `maxQueuedPerClient` queries wait per client; more answer 429.
import {Worker} from 'node:worker_threads'
import {LakeError} from '../http/errors'
import type {LakeStore} from '../store/store'
import type {CommittedTransaction, LakeDocument} from '../store/types'
import {
  DEFAULT_FAIRNESS,
  DEFAULT_QUERY_LIMITS,
  queryTimedOut,
  tooManyQueries,
  type Fairness,
  type QueryLimits,
} from './limits'
import type {FilterJob, FromWorker, QueryJob, ToWorker} from './protocol'

// Workers run the TypeScript sources: they inherit the parent's execArgv and NODE_OPTIONS, which
// carry tsx's loader under `node --import tsx`, `tsx …` and NODE_OPTIONS=--import=tsx alike.
const WORKER_URL = new URL('./worker.ts', import.meta.url)

export interface QueryPoolOptions extends Partial<QueryLimits>, Partial<Fairness> {
  /** Default 2. */
  workers?: number
}

/** Who asked: jobs queue and take turns per client. */
export interface QueryClient {
  /** The token's user id, or `ip:<address>` for an anonymous request. */
  key: string
  anonymous: boolean
}

/** Jobs of tools and tests that name no client share this one. */
const INTERNAL_CLIENT: QueryClient = {key: 'lake', anonymous: false}

type Job = {kind: 'query'} & Omit<QueryJob, 'maxResultBytes'>
type Pending = {
  message: ToWorker & {job: number}
  resolve: (value: FromWorker & {ok: true}) => void
  reject: (error: LakeError) => void
  client: ClientState
  /** Stopped once to free a worker for a light client: it is not stopped again. */
  preempted?: boolean
}

interface ClientState {
  key: string
  anonymous: boolean
  queue: Pending[]
  running: number
  /** Its running jobs past `longMs`. */
  longRunning: number
  /** Heavy until then (epoch ms), after its last long job ended. */
  heavyUntil: number
}

interface Running extends Pending {
  timer?: NodeJS.Timeout
  longTimer?: NodeJS.Timeout
  long?: boolean
  started: number
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
  running: Running | null
}

export class QueryPool {
  readonly limits: QueryLimits
  readonly fairness: Fairness
  private readonly slots: Slot[] = []
  private readonly clients = new Map<string, ClientState>()
  /** Clients with queued jobs, in the order they take turns. */
  private readonly turns: ClientState[] = []
  /** Recent job time, for Retry-After. */
  private averageMs = 50
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
    this.fairness = {
      longMs: options.longMs ?? DEFAULT_FAIRNESS.longMs,
      heavyMemoryMs: options.heavyMemoryMs ?? DEFAULT_FAIRNESS.heavyMemoryMs,
      maxQueuedPerClient: options.maxQueuedPerClient ?? DEFAULT_FAIRNESS.maxQueuedPerClient,
    }
    // Two even on one core: the second keeps serving beside a long query.
    const size = options.workers ?? 2
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
  async query(job: Omit<Job, 'kind'>, client: QueryClient = INTERNAL_CLIENT): Promise<string> {
    const reply = await this.run(
      {kind: 'query', ...job, maxResultBytes: this.limits.maxResultBytes},
      client,
    )
    return reply.value as string
  }

  /**
   * For each change, whether the filter matches its before and its after state. Not held to
   * `maxQueuedPerClient`: a listener waits for one filter at a time.
   */
  async filter(
    job: FilterJob,
    client: QueryClient = INTERNAL_CLIENT,
  ): Promise<Array<[boolean, boolean]>> {
    const reply = await this.run({kind: 'filter', ...job}, client)
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
    for (const pending of this.takeAllQueued()) pending.reject(closedError())
    await Promise.all(
      this.slots.map((slot) => {
        slot.running?.reject(closedError())
        if (slot.running) this.stopTimers(slot.running)
        slot.retired = true
        slot.worker.removeAllListeners()
        return slot.worker.terminate()
      }),
    )
  }

  private run(message: DistributiveOmit<ToWorker & {job: number}, 'job'>, who: QueryClient) {
    if (this.closed) return Promise.reject(closedError())
    if (this.broken) return Promise.reject(this.broken)
    const client = this.clientOf(who)
    if (message.kind === 'query' && client.queue.length >= this.fairness.maxQueuedPerClient) {
      const rounds = Math.ceil((client.queue.length + 1) / this.slots.length)
      return Promise.reject(
        tooManyQueries(
          this.fairness.maxQueuedPerClient,
          Math.max(1, Math.ceil((rounds * this.averageMs) / 1000)),
        ),
      )
    }
    return new Promise<FromWorker & {ok: true}>((resolve, reject) => {
      this.enqueue({
        message: {...message, job: this.nextJob++} as ToWorker & {job: number},
        resolve,
        reject,
        client,
      })
      this.dispatch()
      this.rebalance()
    })
  }

  private clientOf({key, anonymous}: QueryClient): ClientState {
    let client = this.clients.get(key)
    if (!client) {
      if (this.clients.size >= 1000) for (const each of this.clients.values()) this.forgetIdle(each)
      client = {key, anonymous, queue: [], running: 0, longRunning: 0, heavyUntil: 0}
      this.clients.set(key, client)
    }
    return client
  }

  private enqueue(pending: Pending, first = false): void {
    const {client} = pending
    if (first) client.queue.unshift(pending)
    else client.queue.push(pending)
    if (!this.turns.includes(client)) this.turns.push(client)
  }

  private takeAllQueued(): Pending[] {
    const all = this.turns.flatMap((client) => client.queue.splice(0))
    this.turns.length = 0
    return all
  }

  private isHeavy(client: ClientState): boolean {
    return client.longRunning > 0 || client.heavyUntil > Date.now()
  }

  /** Running jobs of heavy clients. */
  private heavyRunning(): number {
    return this.slots.filter((slot) => slot.running && this.isHeavy(slot.running.client)).length
  }

  /** Workers heavy clients may hold together: all but one. */
  private get heavyShare(): number {
    return Math.max(1, this.slots.length - 1)
  }

  /**
   * A heavy client starts a job only within its share of the workers that are ready, so a worker
   * being replaced (loading its datasets) does not leave light clients without one.
   */
  private mayStart(client: ClientState): boolean {
    if (client.running >= (client.anonymous ? 1 : this.slots.length)) return false
    if (!this.isHeavy(client)) return true
    const ready = this.slots.filter((slot) => slot.ready).length
    const share = this.slots.length === 1 ? 1 : Math.min(this.heavyShare, ready - 1)
    return this.heavyRunning() < share
  }

  private dispatch(): void {
    for (;;) {
      const slot = this.slots.find((each) => each.ready && !each.running)
      if (!slot) return
      const index = this.turns.findIndex((client) => this.mayStart(client))
      if (index < 0) return
      const client = this.turns[index]!
      this.turns.splice(index, 1)
      const pending = client.queue.shift()!
      // Its next job waits for the clients behind it to take their turn.
      if (client.queue.length > 0) this.turns.push(client)
      this.start(slot, pending)
    }
  }

  private start(slot: Slot, pending: Pending): void {
    const running: Running = {...pending, started: performance.now()}
    running.timer = setTimeout(() => this.timeOut(slot), this.limits.timeoutMs)
    running.longTimer = setTimeout(() => this.turnedLong(slot, running), this.fairness.longMs)
    running.client.running++
    slot.running = running
    slot.worker.postMessage(pending.message)
  }

  private turnedLong(slot: Slot, running: Running): void {
    if (slot.running !== running) return
    running.long = true
    running.client.longRunning++
    this.rebalance()
  }

  /**
   * A light client waits, no worker is free, and heavy jobs hold more than their share: stop
   * the newest heavy job not stopped before and queue it again, first in its client's queue.
   */
  private rebalance(): void {
    for (;;) {
      if (this.slots.some((slot) => slot.ready && !slot.running)) return
      if (this.heavyRunning() <= this.heavyShare) return
      const lightWaiting = this.turns.some(
        (client) => !this.isHeavy(client) && this.mayStart(client),
      )
      if (!lightWaiting) return
      const victim = this.slots
        .filter(
          (slot) => slot.running && !slot.running.preempted && this.isHeavy(slot.running.client),
        )
        .sort((a, b) => b.running!.started - a.running!.started)[0]
      if (!victim) return
      const running = this.finish(victim)!
      this.enqueue({...pickPending(running), preempted: true}, true)
      this.replace(victim)
    }
  }

  /**
   * Ends the slot's running job's bookkeeping; the caller answers it. A job that ran long leaves
   * its client heavy for a while only when it used at least half that time in CPU (`cpuMs`,
   * unknown for a job stopped or timed out): on a busy machine a cheap query can take long
   * waiting for a core, and one such wait must not hold its client to the heavy share.
   */
  private finish(slot: Slot, cpuMs?: number): Running | null {
    const running = slot.running
    if (!running) return null
    slot.running = null
    this.stopTimers(running)
    running.client.running--
    if (running.long) {
      running.client.longRunning--
      if (cpuMs === undefined || cpuMs >= this.fairness.longMs / 2)
        running.client.heavyUntil = Date.now() + this.fairness.heavyMemoryMs
    }
    this.averageMs = this.averageMs * 0.8 + (performance.now() - running.started) * 0.2
    this.forgetIdle(running.client)
    return running
  }

  private stopTimers(running: Running): void {
    if (running.timer) clearTimeout(running.timer)
    if (running.longTimer) clearTimeout(running.longTimer)
  }

  /** A client with nothing queued or running, and not heavy, is forgotten. */
  private forgetIdle(client: ClientState): void {
    if (client.running === 0 && client.queue.length === 0 && !this.isHeavy(client))
      this.clients.delete(client.key)
  }

  private timeOut(slot: Slot): void {
    const running = this.finish(slot)
    running?.reject(queryTimedOut(this.limits.timeoutMs))
    this.replace(slot)
    this.dispatch()
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
      const running = this.finish(slot)
      if (!slot.started) {
        // A worker that cannot even start would fail again: stop, and say why on every query.
        this.broken = new LakeError(
          500,
          'internalError',
          `The lake's query workers cannot start: ${describe(error)}`,
        )
        for (const pending of this.takeAllQueued()) pending.reject(this.broken)
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
    if (!slot.running || slot.running.message.job !== reply.job) return
    const running = this.finish(slot, reply.cpuMs)!
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

function pickPending({message, resolve, reject, client}: Running): Pending {
  return {message, resolve, reject, client}
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

const closedError = () => new LakeError(503, 'serviceUnavailableError', 'The lake is shutting down')

function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
