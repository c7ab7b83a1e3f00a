// The store's history port and its SQLite implementation: the documents as committed, the
// transaction log (ids and revisions, not bodies) and each document's body after each change.
// The store (lake/store/store.ts) applies mutations and keeps documents in memory; everything it
// reads back from disk, and everything history serves, comes through this port.
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'
import {conflict} from '../http/errors'
import {publishedIdOf} from '../../model/sanity/ids'
import type {CommittedTransaction, LakeDocument, LoggedChange, LoggedTransaction} from './types'

/** Where a document's past body is looked up: a revision, a time, or its last existing body. */
export type RevisionAt = {revision: string} | {time: string} | {last: true}

/** What the store needs of durable storage. */
export interface StoreLog {
  /** Every document as last committed, read once when the store opens. */
  documents(): Iterable<LakeDocument>
  /**
   * Writes the transaction durably (documents, log entry, revisions) before returning; throws,
   * writing nothing, when its transaction id was used before (Sanity's 409).
   */
  persist(transaction: CommittedTransaction): void
  /** Transactions that touched any of the ids, oldest first, with all of their changes. */
  transactionsTouching(ids: string[]): LoggedTransaction[]
  /** Every id the log holds a body for that ends in `publishedId` (candidates for its versions). */
  idsEndingWith(publishedId: string): string[]
  /** A stored body, or null (never existed then, deleted, or not kept). */
  revisionBody(id: string, at: RevisionAt): LakeDocument | null
  /** A document's body just before and just after a logged transaction (null: did not exist). */
  bodiesAround(id: string, txSeq: number): {before: LakeDocument | null; after: LakeDocument | null}
  /** The id of the last transaction written, or null when the log holds none. */
  lastTransactionId(): string | null
  close(): void
}

const parseBody = (row: Record<string, unknown> | undefined) =>
  row?.body ? (JSON.parse(String(row.body)) as LakeDocument) : null

/** The log in `<dir>/lake.sqlite`: SQLite in WAL mode with FULL sync. */
export class SqliteLog implements StoreLog {
  private readonly db: DatabaseSync

  private constructor(readonly dir: string) {
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
  }

  static open(dir: string): SqliteLog {
    return new SqliteLog(dir)
  }

  documents(): LakeDocument[] {
    return this.db
      .prepare('SELECT body FROM documents')
      .all()
      .map((row) => JSON.parse(String(row.body)) as LakeDocument)
  }

  transactionsTouching(ids: string[]): LoggedTransaction[] {
    const rows = this.db
      .prepare(
        `SELECT seq, id, time, author, mutations, changes FROM transactions WHERE ${ids.map(() => 'changes LIKE ?').join(' OR ')} ORDER BY seq`,
      )
      .all(...ids.map((id) => `%${JSON.stringify(id)}%`))
    return rows.map((row) => ({
      seq: Number(row.seq),
      transactionId: String(row.id),
      timestamp: String(row.time),
      author: String(row.author),
      mutations: JSON.parse(String(row.mutations)) as LoggedTransaction['mutations'],
      changes: JSON.parse(String(row.changes)) as LoggedChange[],
    }))
  }

  lastTransactionId(): string | null {
    const row = this.db.prepare('SELECT id FROM transactions ORDER BY seq DESC LIMIT 1').get()
    return row ? String(row.id) : null
  }

  idsEndingWith(publishedId: string): string[] {
    return this.db
      .prepare('SELECT DISTINCT doc_id FROM revisions WHERE doc_id LIKE ?')
      .all(`%${publishedId}`)
      .map((row) => String(row.doc_id))
      .filter((id) => id === publishedId || publishedIdOf(id) === publishedId)
  }

  revisionBody(id: string, at: RevisionAt): LakeDocument | null {
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
    return parseBody(row)
  }

  bodiesAround(
    id: string,
    txSeq: number,
  ): {before: LakeDocument | null; after: LakeDocument | null} {
    const after = this.db
      .prepare('SELECT body FROM revisions WHERE doc_id = ? AND tx_seq = ?')
      .get(id, txSeq)
    const before = this.db
      .prepare(
        'SELECT body FROM revisions WHERE doc_id = ? AND tx_seq < ? ORDER BY tx_seq DESC LIMIT 1',
      )
      .get(id, txSeq)
    return {before: parseBody(before), after: parseBody(after)}
  }

  persist(tx: CommittedTransaction): void {
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
      const logged: LoggedChange[] = tx.changes.map((c) => ({
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

  close(): void {
    this.db.close()
  }
}
