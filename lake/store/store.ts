// The lake's durable store: documents and a transaction log in SQLite (node:sqlite), with every
// document also held in memory for GROQ. SQLite is the source of truth; the in-memory map changes
// only after a transaction is committed to disk.
import {EventEmitter} from 'node:events'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'
import {Mutation} from '@sanity/mutator'
import {evaluate, parse} from 'groq-js'
import {badRequest, conflict} from '../http/errors'
import {isValidDocumentId, publishedIdOf, randomId} from './ids'
import {ReferenceIndex} from './references'
import {checkReviewRules} from '../../clinic-rules/review-rules'
import {linkTrailChanges} from '../../clinic-rules/review-trail'

export interface LakeDocument {
  _id: string
  _type: string
  _rev: string
  _createdAt: string
  _updatedAt: string
  [field: string]: unknown
}

export interface DocumentChange {
  id: string
  operation: 'create' | 'update' | 'delete'
  before: LakeDocument | null
  after: LakeDocument | null
  /** Positions in the transaction's mutations of those that wrote this document, in order. */
  writtenBy?: number[]
}

export interface CommittedTransaction {
  transactionId: string
  timestamp: string
  author: string
  mutations: RawMutation[]
  changes: DocumentChange[]
}

export type RawMutation = Record<string, unknown>

/** A change as the transaction log keeps it: ids and revisions, not bodies. */
export interface LoggedChange {
  id: string
  operation: DocumentChange['operation']
  previousRev: string | null
  resultRev: string | null
}

export interface LoggedTransaction {
  /** Position in the log, for reading the bodies around it. */
  seq: number
  transactionId: string
  timestamp: string
  author: string
  mutations: RawMutation[]
  changes: LoggedChange[]
}

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
    changes: Array<DocumentChange & {index: number}>,
    info: {before: (id: string) => LakeDocument | null},
  ) => Promise<void> | void
  /**
   * The writer manages the project (the robot token, an administrator, the import and the
   * release scheduler): it may write review records in anyone's name (clinic-rules/review-rules.ts).
   */
  administrator?: boolean
  /**
   * Skips the medical review rules for this commit. Only `content:validate` asks for it, for the
   * dataset it loads into a throwaway lake: it must hold a tampered dataset in order to report
   * what is wrong with it. Nothing reachable over HTTP sets it.
   */
  skipReviewRules?: boolean
}

const MUTATION_KINDS = [
  'create',
  'createOrReplace',
  'createIfNotExists',
  'delete',
  'patch',
] as const
type MutationKind = (typeof MUTATION_KINDS)[number]

export class LakeStore extends EventEmitter<{transaction: [CommittedTransaction]}> {
  private readonly db: DatabaseSync
  private readonly docs = new Map<string, LakeDocument>()
  private readonly references: ReferenceIndex
  private queue: Promise<unknown> = Promise.resolve()
  /** Bumped on every commit, so derived views (perspectives) know when to rebuild. */
  generation = 0

  private constructor(readonly dir: string) {
    super()
    // Every open listen stream (the Studio keeps several per tab) and the query pool listen here.
    this.setMaxListeners(0)
    mkdirSync(dir, {recursive: true})
    this.db = new DatabaseSync(join(dir, 'lake.sqlite'))
    // WAL with FULL sync: a transaction acknowledged to a client survives kill -9 and power loss.
    this.db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;',
    )
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, type TEXT NOT NULL, rev TEXT NOT NULL, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS transactions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, time TEXT NOT NULL,
        author TEXT NOT NULL, mutations TEXT NOT NULL, changes TEXT NOT NULL);
      -- Each document's body after each change (NULL once deleted), apart from the log so the log
      -- stays small: history serves revisions and effects from here.
      CREATE TABLE IF NOT EXISTS revisions (
        tx_seq INTEGER NOT NULL, doc_id TEXT NOT NULL, rev TEXT NOT NULL, time TEXT NOT NULL,
        body TEXT, PRIMARY KEY (doc_id, tx_seq));
      CREATE INDEX IF NOT EXISTS revisions_by_rev ON revisions (doc_id, rev);
    `)
    for (const row of this.db.prepare('SELECT body FROM documents').all()) {
      const doc = JSON.parse(String(row.body)) as LakeDocument
      this.docs.set(doc._id, doc)
    }
    this.references = new ReferenceIndex(this.docs.values())
  }

  static open(dir: string): LakeStore {
    return new LakeStore(dir)
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
    const rows = this.db
      .prepare(
        `SELECT seq, id, time, author, mutations, changes FROM transactions WHERE ${ids.map(() => 'changes LIKE ?').join(' OR ')} ORDER BY seq`,
      )
      .all(...ids.map((id) => `%${JSON.stringify(id)}%`))
    return rows
      .map((row) => ({
        seq: Number(row.seq),
        transactionId: String(row.id),
        timestamp: String(row.time),
        author: String(row.author),
        mutations: JSON.parse(String(row.mutations)) as RawMutation[],
        changes: JSON.parse(String(row.changes)) as LoggedChange[],
      }))
      .filter((tx) => tx.changes.some((c) => wanted.has(c.id)))
      .map((tx) =>
        options.allChanges ? tx : {...tx, changes: tx.changes.filter((c) => wanted.has(c.id))},
      )
  }

  /** Every id that ever held a version of the document (published, draft, release versions). */
  idsInGroup(publishedId: string): string[] {
    const rows = this.db
      .prepare('SELECT DISTINCT doc_id FROM revisions WHERE doc_id LIKE ?')
      .all(`%${publishedId}`)
    const ids = new Set([publishedId, `drafts.${publishedId}`])
    for (const row of rows) {
      const id = String(row.doc_id)
      if (id === publishedId || id.endsWith(`.${publishedId}`)) ids.add(id)
    }
    return [...ids].filter((id) => publishedIdOf(id) === publishedId)
  }

  /**
   * A document as it was: at a revision, at a time, or its last revision that existed. Null when
   * the log does not hold it (never existed then, deleted, or older than the revision store).
   */
  revision(
    id: string,
    at: {revision: string} | {time: string} | {last: true},
  ): LakeDocument | null {
    const row =
      'revision' in at
        ? this.db
            .prepare('SELECT body FROM revisions WHERE doc_id = ? AND rev = ? AND body IS NOT NULL')
            .get(id, at.revision)
        : 'time' in at
          ? this.db
              .prepare(
                'SELECT body FROM revisions WHERE doc_id = ? AND time <= ? ORDER BY tx_seq DESC LIMIT 1',
              )
              .get(id, at.time)
          : this.db
              .prepare(
                'SELECT body FROM revisions WHERE doc_id = ? AND body IS NOT NULL ORDER BY tx_seq DESC LIMIT 1',
              )
              .get(id)
    if (row?.body) return JSON.parse(String(row.body)) as LakeDocument
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
    const parse = (row: Record<string, unknown> | undefined) =>
      row?.body ? (JSON.parse(String(row.body)) as LakeDocument) : null
    const after = this.db
      .prepare('SELECT body FROM revisions WHERE doc_id = ? AND tx_seq = ?')
      .get(id, txSeq)
    const before = this.db
      .prepare(
        'SELECT body FROM revisions WHERE doc_id = ? AND tx_seq < ? ORDER BY tx_seq DESC LIMIT 1',
      )
      .get(id, txSeq)
    return {before: parse(before), after: parse(after)}
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
    this.db.close()
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
            const patched = applyMutation(structuredClone(before), {patch: {...ops, id}})
            if (!patched || typeof patched._type !== 'string' || patched._id !== id)
              throw badRequest(`Patch ${index} would remove the document's _id or _type`)
            write(id, patched, index)
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
    // A person's change of who may sign in a clinician's name (a write held to grants) is
    // recorded in the review trail with it; a dataset loaded by `lake import` or the seed is not.
    if (!options.skipReviewRules && options.authorize)
      changes.push(...linkTrailChanges(changes, options.author ?? 'lake', transactionId, timestamp))
    // A transaction that would leave a dangling strong reference fails whole, dry run or not.
    const indexed = changes.map((change) => ({...change, index: change.writtenBy?.at(-1) ?? 0}))
    this.references.check(indexed, (id) => current(id) !== null)
    await options.authorize?.(indexed, {before: (id) => this.docs.get(id) ?? null})
    if (!options.skipReviewRules)
      checkReviewRules({
        changes: indexed,
        author: options.author ?? 'lake',
        administrator: options.administrator === true,
        current,
        store: this,
      })
    const transaction: CommittedTransaction = {
      transactionId,
      timestamp,
      author: options.author ?? 'lake',
      mutations,
      changes,
    }
    if (options.dryRun || changes.length === 0) return transaction
    this.persist(transaction)
    for (const change of changes) {
      if (change.after) this.docs.set(change.id, change.after)
      else this.docs.delete(change.id)
    }
    this.references.apply(changes)
    this.generation++
    this.emit('transaction', transaction)
    return transaction
  }

  private persist(tx: CommittedTransaction): void {
    const upsert = this.db.prepare(
      'INSERT INTO documents (id, type, rev, body) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET type = excluded.type, rev = excluded.rev, body = excluded.body',
    )
    const remove = this.db.prepare('DELETE FROM documents WHERE id = ?')
    const log = this.db.prepare(
      'INSERT INTO transactions (id, time, author, mutations, changes) VALUES (?, ?, ?, ?, ?)',
    )
    const revision = this.db.prepare(
      'INSERT INTO revisions (tx_seq, doc_id, rev, time, body) VALUES (?, ?, ?, ?, ?)',
    )
    this.db.exec('BEGIN IMMEDIATE')
    try {
      for (const change of tx.changes) {
        if (change.after)
          upsert.run(change.id, change.after._type, change.after._rev, JSON.stringify(change.after))
        else remove.run(change.id)
      }
      // The log keeps ids and revisions (not whole documents) to stay small.
      const logged = tx.changes.map((c) => ({
        id: c.id,
        operation: c.operation,
        previousRev: c.before?._rev ?? null,
        resultRev: c.after?._rev ?? null,
      }))
      const {lastInsertRowid} = log.run(
        tx.transactionId,
        tx.timestamp,
        tx.author,
        JSON.stringify(tx.mutations),
        JSON.stringify(logged),
      )
      for (const change of tx.changes)
        revision.run(
          lastInsertRowid,
          change.id,
          tx.transactionId,
          tx.timestamp,
          change.after ? JSON.stringify(change.after) : null,
        )
      this.db.exec('COMMIT')
    } catch (error) {
      this.db.exec('ROLLBACK')
      if (error instanceof Error && /UNIQUE constraint failed: transactions.id/.test(error.message))
        throw conflict(`Transaction ID "${tx.transactionId}" has already been used`)
      throw error
    }
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

function mutationKind(raw: RawMutation, index: number): MutationKind {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw badRequest(`Mutation ${index} is not an object`)
  const keys = Object.keys(raw)
  const unknown = keys.filter((k) => !(MUTATION_KINDS as readonly string[]).includes(k))
  if (unknown.length > 0)
    throw badRequest(
      `Unknown mutation type "${unknown[0]}" at index ${index}; use one of ${MUTATION_KINDS.join(', ')}`,
    )
  if (keys.length !== 1) throw badRequest(`Mutation ${index} must have exactly one type`)
  const body = raw[keys[0]!]
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest(`Mutation ${index} (${keys[0]}) must be an object`)
  return keys[0] as MutationKind
}

function documentFor(
  kind: MutationKind,
  body: Record<string, unknown>,
  index: number,
): LakeDocument {
  const doc = structuredClone(body) as Record<string, unknown>
  if (kind === 'create' && doc._id === undefined) doc._id = randomId()
  else if (kind === 'create' && doc._id === 'drafts.') doc._id = `drafts.${randomId()}`
  if (!isValidDocumentId(doc._id)) throw badRequest(`Mutation ${index} (${kind}) has no valid _id`)
  if (typeof doc._type !== 'string' || doc._type === '')
    throw badRequest(`Mutation ${index} (${kind}) needs a _type`)
  return doc as LakeDocument
}

function applyMutation(doc: LakeDocument, mutation: RawMutation): LakeDocument | null {
  try {
    return new Mutation({mutations: [mutation as never]}).apply(doc as never) as LakeDocument | null
  } catch (error) {
    throw badRequest(`Patch failed: ${(error as Error).message}`)
  }
}
