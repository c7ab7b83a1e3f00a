// The admin port (lake/cli/admin.ts) on a stopped lake's data folder. It holds the folder's lock
// (lake/server/lock.ts) from open to close, so it never writes behind a running lake's back; a
// running lake's folder is refused with the same command through its HTTP API. Datasets and
// users are opened on first use, with the plugins' rules and roles as the lake would run them.
import {createWriteStream} from 'node:fs'
import {join} from 'node:path'
import {DEFAULT_LAKE_URL} from '../../config/client'
import {RoleTable} from '../access/roles'
import {UserStore} from '../access/users'
import {DatasetRegistry, migrateSingleStoreLayout, type Dataset} from '../datasets/datasets'
import {importNdjson} from '../datasets/ndjson'
import type {LakePlugin} from '../plugin'
import {acquireLock, FolderLockedError} from '../server/lock'
import type {AdminPort} from './admin'

export interface OfflineAdminOptions {
  dir: string
  /** The dataset the folder's lake serves by default. */
  defaultDataset: string
  projectId: string
  plugins: readonly LakePlugin[]
  /** How to say the same command goes through a running lake's API (`--url`). */
  lockedHint: (error: FolderLockedError) => string
}

export interface OfflineAdmin extends AdminPort {
  close(): void
}

/** Takes the folder's lock and answers the admin port on it; `close()` lets the folder go. */
export function openOfflineAdmin(options: OfflineAdminOptions): OfflineAdmin {
  const {dir, defaultDataset, projectId, plugins} = options
  let lock
  try {
    lock = acquireLock(dir, (stale) =>
      console.warn(
        `lake: taking over ${dir}/lake.lock left by pid ${stale.pid}, no longer running`,
      ),
    )
  } catch (error) {
    if (error instanceof FolderLockedError)
      throw new Error(options.lockedHint(error), {cause: error})
    throw error
  }
  try {
    if (migrateSingleStoreLayout(dir, defaultDataset))
      console.log(`lake: moved ${dir}/lake.sqlite into ${dir}/datasets/${defaultDataset}/`)
  } catch (error) {
    lock.release()
    throw error
  }

  let registry: DatasetRegistry | undefined
  let users: UserStore | undefined
  const datasets = () => (registry ??= DatasetRegistry.open(dir, defaultDataset, plugins))
  const people = () =>
    (users ??= UserStore.open(dir, new RoleTable(plugins.flatMap((p) => p.roles ?? []))))
  const dataset = (name: string): Dataset => {
    const found = datasets().get(name)
    if (!found)
      throw new Error(
        `Dataset "${name}" not found; create it with: npm run lake -- dataset create ${name}`,
      )
    return found
  }

  return {
    where: dir,
    folder: dir,
    async listDatasets() {
      return datasets()
        .infoList()
        .map(({name}) => name)
    },
    async createDataset(name, {aclMode}) {
      datasets().create(name, {aclMode: aclMode as 'public' | 'private' | 'custom' | undefined})
    },
    async copyDataset(from, to, {skipHistory}) {
      datasets().copy(from, to, {skipHistory})
    },
    async deleteDataset(name) {
      datasets().remove(name)
    },
    async listUsers() {
      return people().list()
    },
    async addUser(input) {
      return people().add(input)
    },
    async removeUser(id) {
      people().remove(id)
    },
    async issueToken(id) {
      return people().issueToken(id)
    },
    async importFile(file, {dataset: name, mode, onProgress}) {
      const result = await importNdjson(dataset(name).store, file, {
        mode,
        onProgress,
        // Offline, asset URLs use the lake's default address.
        assets: {
          dir: join(dir, 'assets'),
          target: {projectId, dataset: name, baseUrl: DEFAULT_LAKE_URL},
        },
      })
      return {documents: result.documents, assets: result.assets ?? 0}
    },
    async exportTo(out, name) {
      const store = dataset(name).store
      const stream = createWriteStream(out)
      let written = 0
      for (const doc of store.all()) {
        if (!stream.write(`${JSON.stringify(doc)}\n`))
          await new Promise<void>((r) => stream.once('drain', () => r()))
        written++
      }
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      )
      return {documents: written}
    },
    close() {
      try {
        users?.close()
        registry?.close()
      } finally {
        lock.release()
      }
    },
  }
}
