// The lake's store: Sanity's mutation semantics applied as one atomic transaction, every document
// held in memory for GROQ. Durable storage and history reads are a port the store is given
// (lake/store/log.ts, SQLite); the log is the source of truth, and the in-memory map changes only
// after a transaction is written to it. What every document must be is checked on the way
// (lake/store/invariants.ts, lake/store/references.ts), then the plugins' rules (lake/plugin.ts).
import {EventEmitter} from 'node:events'
import {evaluate, parse} from 'groq-js'
import {badRequest, conflict, mutationFailed} from '../http/errors'
import {publishedIdOf} from '../../model/sanity/ids'
import {randomId} from './random-id'
import {documentFor, mutationKind, patchedDocument} from './invariants'
import {SqliteLog, type RevisionAt, type StoreLog} from './log'
import {ReferenceIndex} from './references'
import type {
  CommitCheck,
  CommittedTransaction,
  DocumentChange,
  LakeDocument,
  LoggedTransaction,
  PendingChange,
  RawMutation,
  StoreReader,
  StoreRules,
} from './types'

export interface CommitOptions {
  transactionId?: string
  author?: string
  dryRun?: boolean
  params?: Record<string, unknown>
  /**
   * Called with the transaction's changes (each with the index of the mutation that made it)
   * before anything is stored; throwing refuses the whole transaction, e.g. for lack of grants.
   */
  authorize?: (
    changes: PendingChange[],
    info: {before: (id: string) => LakeDocument | null},
  ) => Promise<void> | void
  /**
   * The writer manages the project (the robot token, an administrator, the import and the
   * release scheduler); plugins' rules may exempt it (lake/plugin.ts `managesProject`).
   */
  administrator?: boolean
}

export class LakeStore extends EventEmitter<{transaction: [CommittedTransaction]}> {
  private readonly docs = new Map<string, LakeDocument>()
  private readonly references: ReferenceIndex
  /** What the plugins read: the store as it stands, read only. */
  private readonly reader: StoreReader
  private queue: Promise<unknown> = Promise.resolve()
  /** Bumped on every commit, so derived views (perspectives) know when to rebuild. */
  generation = 0
  /**
   * The dataset's revision: the id of the last committed transaction (kept across restarts), or
   * null before the first one. Any commit changes it, so it validates whatever was read before.
   */
  lastTransactionId: string | null

  /**
   * @param log durable storage and history (lake/store/log.ts)
   * @param plugins whose commit rules every transaction is held to (lake/plugin.ts)
   */
  constructor(
    private readonly log: StoreLog,
    private readonly plugins: readonly StoreRules[] = [],
  ) {
    super()
    // Every open listen stream (the Studio keeps several per tab) and the query pool listen here.
    this.setMaxListeners(0)
    for (const doc of log.documents()) this.docs.set(doc._id, doc)
    this.lastTransactionId = log.lastTransactionId()
    this.references = new ReferenceIndex(this.docs.values())
    this.reader = {
      get: (id) => this.docs.get(id),
      all: () => this.docs.values(),
      transactionsTouching: (ids) => this.transactionsTouching(ids),
      bodiesAround: (id, txSeq) => this.log.bodiesAround(id, txSeq),
    }
  }

  /** The store in `<dir>/lake.sqlite`. */
  static open(dir: string, plugins: readonly StoreRules[] = []): LakeStore {
    return new LakeStore(SqliteLog.open(dir), plugins)
  }

  get size(): number {
    return this.docs.size
  }

  get(id: string): LakeDocument | undefined {
    return this.docs.get(id)
  }

  all(): IterableIterator<LakeDocument> {
    return this.docs.values()
  }

  /**
   * Transactions that touched any of the documents, oldest first, with their place in the log.
   * Each lists its changes to those documents, or with `allChanges` every change it made.
   */
  transactionsTouching(ids: string[], options: {allChanges?: boolean} = {}): LoggedTransaction[] {
    const wanted = new Set(ids)
    return this.log
      .transactionsTouching(ids)
      .filter((tx) => tx.changes.some((c) => wanted.has(c.id)))
      .map((tx) =>
        options.allChanges ? tx : {...tx, changes: tx.changes.filter((c) => wanted.has(c.id))},
      )
  }

  /** Every id that ever held a version of the document (published, draft, release versions). */
  idsInGroup(publishedId: string): string[] {
    const ids = new Set([publishedId, `drafts.${publishedId}`])
    for (const id of this.log.idsEndingWith(publishedId)) ids.add(id)
    return [...ids].filter((id) => publishedIdOf(id) === publishedId)
  }

  /**
   * A document as it was: at a revision, at a time, or its last revision that existed. Null when
   * the log does not hold it (never existed then, deleted, or older than the revision store).
   */
  revision(id: string, at: RevisionAt): LakeDocument | null {
    const stored = this.log.revisionBody(id, at)
    if (stored) return stored
    // Documents written before revisions were stored still answer for their current revision.
    const current = this.docs.get(id)
    if (current && 'revision' in at && current._rev === at.revision) return current
    if (current && 'last' in at) return current
    return null
  }

  /** A document's body just before and just after a logged transaction (null: did not exist). */
  bodiesAround(
    id: string,
    txSeq: number,
  ): {before: LakeDocument | null; after: LakeDocument | null} {
    return this.log.bodiesAround(id, txSeq)
  }

  /**
   * Applies the mutations atomically: all of them or, on any error, none. Commits run one at a
   * time; a function is called inside that turn, so it can read documents and check revisions
   * without another commit slipping in between.
   */
  commit(
    mutations: RawMutation[] | ((get: (id: string) => LakeDocument | undefined) => RawMutation[]),
    options: CommitOptions = {},
  ): Promise<CommittedTransaction> {
    const run = this.queue.then(() =>
      this.commitNow(
        typeof mutations === 'function' ? mutations((id) => this.get(id)) : mutations,
        options,
      ),
    )
    this.queue = run.catch(() => undefined)
    return run
  }

  close(): void {
    this.log.close()
  }

  private async commitNow(
    mutations: RawMutation[],
    options: CommitOptions,
  ): Promise<CommittedTransaction> {
    if (!Array.isArray(mutations) || mutations.length === 0)
      throw badRequest('The request has no mutations: send {"mutations": [ … ]}.')
    const transactionId = options.transactionId ?? randomId()
    if (typeof transactionId !== 'string' || !/^[A-Za-z0-9_.-]{1,128}$/.test(transactionId))
      throw badRequest('transactionId must be 1–128 letters, digits, "_", "-" or "."')
    const timestamp = new Date().toISOString()
    const author = options.author ?? 'lake'
    const working = new Map<string, LakeDocument | null>()
    /** The mutations that wrote each document, in order: the last names an error item. */
    const writtenBy = new Map<string, number[]>()
    const write = (id: string, doc: LakeDocument | null, index: number) => {
      working.set(id, doc)
      const indexes = writtenBy.get(id)
      if (!indexes) writtenBy.set(id, [index])
      else if (indexes.at(-1) !== index) indexes.push(index)
    }
    const current = (id: string) =>
      working.has(id) ? working.get(id)! : (this.docs.get(id) ?? null)

    for (const [index, raw] of mutations.entries()) {
      const kind = mutationKind(raw, index)
      const body = raw[kind] as Record<string, unknown>
      switch (kind) {
        case 'create':
        case 'createOrReplace':
        case 'createIfNotExists': {
          const doc = documentFor(kind, body, index)
          const existing = current(doc._id)
          if (existing && kind === 'create')
            throw conflict(`Document by ID "${doc._id}" already exists`, {items: [{index}]})
          if (existing && kind === 'createIfNotExists') break
          const created = {
            ...doc,
            _createdAt: existing?._createdAt ?? (doc._createdAt as string) ?? timestamp,
          } as LakeDocument
          write(doc._id, created, index)
          break
        }
        case 'delete': {
          for (const id of await this.targetIds(body, index, options.params, working))
            write(id, null, index)
          break
        }
        case 'patch': {
          const ids = await this.targetIds(body, index, options.params, working)
          for (const id of ids) {
            const before = current(id)
            if (!before)
              throw conflict(`Cannot modify document "${id}": it does not exist`, {
                items: [{index}],
              })
            if (typeof body.ifRevisionID === 'string' && body.ifRevisionID !== before._rev)
              throw conflict(
                `Document "${id}" has unexpected revision ID ("${before._rev}"), expected "${body.ifRevisionID}"`,
                {items: [{index}]},
              )
            const {query: _q, ifRevisionID: _r, ...ops} = body
            write(id, patchedDocument(before, ops, id, index), index)
          }
          break
        }
      }
    }

    const changes: DocumentChange[] = []
    for (const [id, after] of working) {
      const before = this.docs.get(id) ?? null
      if (!before && !after) continue
      if (after) Object.assign(after, {_rev: transactionId, _updatedAt: timestamp})
      changes.push({
        id,
        operation: !before ? 'create' : !after ? 'delete' : 'update',
        before,
        after,
        writtenBy: writtenBy.get(id) ?? [],
      })
    }
    // A write held to grants (a person's) may bring the plugins' companion documents with it; a
    // dataset loaded by `lake import` or the seed does not.
    if (options.authorize)
      for (const plugin of this.plugins)
        if (plugin.companionChanges)
          changes.push(...plugin.companionChanges(changes, {author, transactionId, timestamp}))
    // A transaction that would leave a dangling strong reference fails whole, dry run or not.
    const indexed = changes.map((change) => ({...change, index: change.writtenBy?.at(-1) ?? 0}))
    this.references.check(indexed, (id) => current(id) !== null)
    if (options.authorize) {
      const before = (id: string) => this.docs.get(id) ?? null
      const managesProject = options.administrator === true
      // The plugins' write rules first: they say what grants cannot, whatever the grants allow.
      for (const plugin of this.plugins)
        plugin.authorizeWrite?.({changes: indexed, author, managesProject, before})
      await options.authorize(indexed, {before})
    }
    this.checkPlugins({
      changes: indexed,
      author,
      managesProject: options.administrator === true,
      current,
      store: this.reader,
    })
    const transaction: CommittedTransaction = {
      transactionId,
      timestamp,
      author,
      mutations,
      changes,
    }
    if (options.dryRun || changes.length === 0) return transaction
    this.log.persist(transaction)
    for (const change of changes) {
      if (change.after) this.docs.set(change.id, change.after)
      else this.docs.delete(change.id)
    }
    this.references.apply(changes)
    this.generation++
    this.lastTransactionId = transactionId
    this.emit('transaction', transaction)
    return transaction
  }

  /** Throws Sanity's 409 `mutationError` listing every plugin's problems, if there are any. */
  private checkPlugins(check: CommitCheck): void {
    const problems = this.plugins.flatMap((plugin) => plugin.checkCommit?.(check) ?? [])
    if (problems.length > 0)
      throw mutationFailed(
        problems.map(({index, type, description}) => ({index, error: {type, description}})),
      )
  }

  /** The documents a delete or patch addresses: by `id`, by a list of ids, or by a GROQ `query`. */
  private async targetIds(
    body: Record<string, unknown>,
    index: number,
    params: Record<string, unknown> | undefined,
    working: Map<string, LakeDocument | null>,
  ): Promise<string[]> {
    if (typeof body.id === 'string') return [body.id]
    if (typeof body.query === 'string') {
      const dataset = [...this.docs.values()].filter((d) => !working.has(d._id))
      for (const doc of working.values()) if (doc) dataset.push(doc)
      const queryParams = {...(params ?? {}), ...((body.params as Record<string, unknown>) ?? {})}
      let tree
      try {
        tree = parse(body.query, {params: queryParams})
      } catch (error) {
        throw badRequest(`Mutation ${index} has an invalid query: ${(error as Error).message}`)
      }
      const result = await (await evaluate(tree, {dataset, params: queryParams})).get()
      const list = Array.isArray(result) ? result : result ? [result] : []
      return list
        .map((item) =>
          item && typeof item === 'object' ? (item as {_id?: unknown})._id : undefined,
        )
        .filter((id): id is string => typeof id === 'string')
    }
    throw badRequest(`Mutation ${index} needs an "id" or a "query"`)
  }
}
