// Publishes scheduled releases at their `publishAt`. The schedule lives in the release documents
// themselves (state "scheduled", publishAt), so it survives a restart; on start the scheduler
// publishes whatever fell due while the lake was down. Each publish is one store commit whose
// mutations are computed inside the commit's turn and only while the release is still scheduled:
// the release's state change and the document writes land in the same SQLite transaction, so a
// crash leaves either all of it or none, and a release is never published twice.
//
// The scheduler publishes only what a person scheduled with the release schedule action, which
// records who (`scheduledBy`), and it publishes as that person: their grants are read again at
// publish time and hold every change (lake/access/roles.ts authorizeChanges). A release whose scheduler
// is gone, or may no longer publish it, is not published; it goes back to active with the reason
// in its `error`, as a release that cannot publish does.
import {actionMutations} from './actions-route'
import type {DatasetRegistry} from '../datasets/datasets'
import {LakeError} from '../http/errors'
import {RELEASES_PREFIX} from '../../model/sanity/ids'
import {authorizeChanges, RoleTable, type RoleDefinition} from '../access/roles'
import type {LakeStore} from '../store/store'
import type {CommittedTransaction, LakeDocument} from '../store/types'
import {ROBOT_USER, type LakeUser, type UserStore} from '../access/users'

/** Longest single wait: timers are re-armed so a clock change is noticed within this. */
const MAX_WAIT_MS = 60_000

/** Thrown inside a commit turn when there is nothing left to do (another path published it). */
class NothingDue extends Error {}

export class ReleaseScheduler {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<number> | null = null
  private closed = false
  private readonly watched = new Map<LakeStore, (tx: CommittedTransaction) => void>()

  constructor(
    private readonly datasets: DatasetRegistry,
    /** The lake's clock; tests pass their own and call `tick()`. */
    private readonly now: () => Date = () => new Date(),
    /** The lake's users: who scheduled a release is looked up here at publish time. */
    private readonly users?: Pick<UserStore, 'get'>,
    /** The lake's roles: the scheduler's grants are those of their role now. */
    private readonly roles: RoleTable = new RoleTable(),
  ) {
    const watch = (store: LakeStore) => {
      // Only a change to a release can move the next publish time.
      const onTransaction = (tx: CommittedTransaction) => {
        if (tx.changes.some((change) => change.id.startsWith(RELEASES_PREFIX))) this.arm()
      }
      store.on('transaction', onTransaction)
      this.watched.set(store, onTransaction)
    }
    for (const dataset of datasets.list()) watch(dataset.store)
    datasets.on('added', (dataset) => {
      watch(dataset.store)
      this.arm()
    })
  }

  /** Publishes what is overdue now, then waits for the next release due. */
  async start(): Promise<number> {
    const published = await this.tick()
    this.arm()
    return published
  }

  /** Publishes every release whose time has come; resolves with how many it published. */
  tick(): Promise<number> {
    // One tick at a time: a timer and a test's tick never race each other.
    const run = (this.running ?? Promise.resolve(0)).then(() => this.publishDue())
    this.running = run.catch(() => 0)
    return run
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    for (const [store, listener] of this.watched) store.off('transaction', listener)
    this.watched.clear()
  }

  /** The user who scheduled the release and their role now, or why the release may not go. */
  private scheduler(release: LakeDocument): {user: LakeUser; role: RoleDefinition} | string {
    const id = release.scheduledBy
    if (typeof id !== 'string' || id === '')
      return 'Not published: nobody scheduled this release with the schedule action. Schedule it again.'
    const user = id === ROBOT_USER.id ? ROBOT_USER : this.users?.get(id)
    if (!user || !this.roles.has(user.role))
      return `Not published: "${id}", who scheduled it, is no longer a user of the lake. Schedule it again.`
    return {user, role: this.roles.get(user.role)}
  }

  private async publishDue(): Promise<number> {
    let published = 0
    for (const dataset of this.datasets.list()) {
      for (const releaseId of this.due(dataset.store)) {
        const store = dataset.store
        const scheduled = store.get(`${RELEASES_PREFIX}${releaseId}`)
        const by = scheduled ? this.scheduler(scheduled) : 'Not published: the release is gone.'
        const tx =
          typeof by === 'string'
            ? await this.refuse(store, releaseId, by)
            : await store
                .commit(
                  (get) => {
                    const release = get(`${RELEASES_PREFIX}${releaseId}`)
                    if (
                      release?.state !== 'scheduled' ||
                      !this.isDue(release.publishAt) ||
                      release.scheduledBy !== by.user.id
                    )
                      throw new NothingDue()
                    // The publish action on a scheduled release: the same mutations a person's publish makes.
                    const ctxGet = (id: string) =>
                      id === release._id ? {...release, state: 'active'} : get(id)
                    return actionMutations(
                      store,
                      [{actionType: 'sanity.action.release.publish', releaseId}],
                      ctxGet,
                      this.now(),
                      [],
                      by.user.id,
                    )
                  },
                  {
                    author: 'lake-scheduler',
                    administrator: by.role.managesProject,
                    // Held to the grants of the person who scheduled it, as they are now.
                    authorize: (changes, info) =>
                      authorizeChanges(by.role, by.user.id, changes, {...info, via: 'action'}),
                  },
                )
                .catch((error: unknown) => {
                  if (error instanceof NothingDue) return null
                  // A release that cannot publish (say, a reference to a deleted document, or a
                  // scheduler who may no longer publish it) stays unpublished; the error is kept
                  // on it for editors to see, as Sanity shows `error`.
                  const message =
                    error instanceof LakeError && error.statusCode === 403
                      ? `Not published: ${by.user.name} (${by.user.id}), who scheduled it, may no longer publish it as ${by.role.title.toLowerCase()}: ${error.message}`
                      : (error as Error).message
                  return this.refuse(store, releaseId, message)
                })
        if (tx) published++
      }
    }
    return published
  }

  /** Takes a due release back to active with the reason it did not publish; resolves null. */
  private async refuse(store: LakeStore, releaseId: string, message: string): Promise<null> {
    await store
      .commit(
        (get) => {
          const release = get(`${RELEASES_PREFIX}${releaseId}`)
          if (release?.state !== 'scheduled') throw new NothingDue()
          return [
            {
              patch: {
                id: release._id,
                set: {state: 'active', error: {message}},
                unset: ['scheduledBy'],
              },
            },
          ]
        },
        {author: 'lake-scheduler', administrator: true},
      )
      .catch(() => null)
    return null
  }

  private isDue(publishAt: unknown): boolean {
    return typeof publishAt === 'string' && Date.parse(publishAt) <= this.now().getTime()
  }

  private due(store: LakeStore): string[] {
    const ids: string[] = []
    for (const doc of store.all())
      if (
        doc._id.startsWith(RELEASES_PREFIX) &&
        doc.state === 'scheduled' &&
        this.isDue(doc.publishAt)
      )
        ids.push(doc._id.slice(RELEASES_PREFIX.length))
    return ids
  }

  /** The time of the next scheduled release, across datasets, or null. */
  private next(): number | null {
    let next: number | null = null
    for (const dataset of this.datasets.list())
      for (const doc of dataset.store.all()) {
        if (!doc._id.startsWith(RELEASES_PREFIX) || doc.state !== 'scheduled') continue
        const at = Date.parse(String(doc.publishAt))
        if (!Number.isNaN(at) && (next === null || at < next)) next = at
      }
    return next
  }

  private arm(): void {
    if (this.closed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const next = this.next()
    if (next === null) return
    const wait = Math.min(Math.max(0, next - this.now().getTime()), MAX_WAIT_MS)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.tick().finally(() => this.arm())
    }, wait)
    this.timer.unref()
  }
}
