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
import type {
  CommitCheck,
  CommitProblem,
  CompanionContext,
  DocumentChange,
  StoreRules,
  WriteAuthorization,
} from './store/types'

export type {
  CommitCheck,
  CommitProblem,
  CompanionContext,
  PendingChange,
  StoreReader,
  WriteAuthorization,
} from './store/types'
export type {RoleDefinition, Route}

export interface LakePlugin extends StoreRules {
  /** Names the plugin, e.g. `audit-trail`. */
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
