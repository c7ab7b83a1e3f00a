// The store's data shapes and the rules a store holds commits to: documents, changes, the
// transaction log's entries, and the commit hooks plugins implement (lake/plugin.ts LakePlugin
// extends StoreRules). Types only, so the store, its log, its checks and the plugins share them.

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

/** A change a transaction makes, with the index of the last mutation that wrote it. */
export type PendingChange = DocumentChange & {index: number}

/**
 * What a plugin reads of the store before the transaction: its documents, its transaction log
 * and the bodies the log keeps around each transaction. Read only.
 */
export interface StoreReader {
  get(id: string): LakeDocument | undefined
  all(): Iterable<LakeDocument>
  /** Transactions that touched any of the documents, oldest first, with their log position. */
  transactionsTouching(ids: string[]): LoggedTransaction[]
  /** A document's body just before and just after the logged transaction at `txSeq`. */
  bodiesAround(id: string, txSeq: number): {before: LakeDocument | null; after: LakeDocument | null}
}

/** One transaction about to be committed (after the lake's own checks), and who writes it. */
export interface CommitCheck {
  changes: PendingChange[]
  /** The user behind the token, or the tool writing (`import`, `lake`). */
  author: string
  /** The writer's role manages the project (administrator, the robot token, imports). */
  managesProject: boolean
  /** A document as the transaction leaves it (null: does not exist). */
  current(id: string): LakeDocument | null
  /** The store before the transaction. */
  store: StoreReader
}

/**
 * Why a transaction is refused. The lake answers Sanity's 409 `mutationError` with one item
 * `{index, error: {type, description}}` per problem, sorted by index (lake/http/errors.ts
 * mutationFailed), so @sanity/client and the Studio read it as they read a reference error.
 */
export interface CommitProblem {
  /** The mutation the problem belongs to. */
  index: number
  /** The error item's `type`, e.g. `approvalMissingError`. */
  type: string
  description: string
}

/** A write held to a user's grants (mutations, actions, uploads, the release scheduler). */
export interface WriteAuthorization {
  changes: PendingChange[]
  /** The user writing. */
  author: string
  /** The user's role manages the project. */
  managesProject: boolean
  /** A document as it stood before the transaction (null: did not exist). */
  before(id: string): LakeDocument | null
}

/** The transaction a write held to grants is about to commit. */
export interface CompanionContext {
  author: string
  transactionId: string
  timestamp: string
}

/** The hooks of a plugin the store calls inside a commit (lake/plugin.ts says when and how). */
export interface StoreRules {
  checkCommit?(commit: CommitCheck): CommitProblem[]
  authorizeWrite?(write: WriteAuthorization): void
  companionChanges?(changes: DocumentChange[], context: CompanionContext): DocumentChange[]
}
