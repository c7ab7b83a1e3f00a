// The lake's plugin interface: what a project adds to the generic Content Lake without the lake
// knowing it. With no plugin the lake is a plain Sanity Content Lake: the four standard roles,
// Sanity's mutation semantics and reference integrity, CORS from its configured origins only.
// A plugin may add roles, refuse a transaction, hold writes to extra rules, add documents to a
// write's transaction, let more origins read, and serve more routes. Plugins are given to
// `startLake({plugins})` (lake/server/server.ts); docs/lake-plugins.md describes each hook.
//
// Every hook is synchronous or cheap and runs inside the store's commit turn (one commit at a
// time), so it reads a consistent store: what it reads through `store` is the dataset just before
// the transaction, what it reads through `current` is the dataset as the transaction leaves it.
import type {RoleDefinition} from './access/roles'
import type {Route} from './http/route'
import type {PerspectiveView} from './query/perspectives'
import type {DocumentChange, LakeDocument, LoggedTransaction} from './store/store'

export type {RoleDefinition, Route}

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
  /** The error item's `type`, e.g. `fourEyesError`. */
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

export interface LakePlugin {
  /** Names the plugin in errors and logs, e.g. `clinic-rules`. */
  name: string
  /**
   * Roles added to the lake's role table, beside administrator, editor, contributor and viewer:
   * users may be given them, the Studio's `/acl` lists their grants, writes are held to them.
   * A name already in the table is an error at start.
   */
  roles?: RoleDefinition[]
  /**
   * Called for every transaction, whoever writes it and by whatever path (HTTP, actions, the
   * release scheduler, imports, the seed), after reference integrity and grants, before anything
   * is stored; dry runs too. Returns what is wrong (nothing: the transaction may commit).
   */
  checkCommit?(commit: CommitCheck): CommitProblem[]
  /**
   * Extra rules for writes held to a user's grants, checked before the grants. Refuses by
   * throwing a LakeError, e.g. `insufficientPermissions` (lake/access/roles.ts), Sanity's 403.
   */
  authorizeWrite?(write: WriteAuthorization): void
  /**
   * Documents a write held to grants adds to its own transaction (an audit trail, say): returned
   * as changes, committed atomically with it and checked like every other change. Imports and
   * the seed are not held to grants and get none.
   */
  companionChanges?(changes: DocumentChange[], context: CompanionContext): DocumentChange[]
  /**
   * Origins that may read (GET, HEAD) without credentials, beside the lake's configured origins,
   * computed from the default dataset's published documents. Called again after every commit
   * that changed them (the view is a new object then), so keep it a pure read of the view.
   */
  readOrigins?(published: PerspectiveView): Iterable<string>
  /** More routes, matched after the caller's `extraRoutes` and before the lake's own. */
  routes?: Route[]
}
