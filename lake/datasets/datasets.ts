// The datasets a lake serves. Each dataset is its own store (documents and transaction log) with
// its own perspective views, in <dir>/datasets/<name>/; asset bytes are shared, since they are
// addressed by content. Listeners hear `added` once a dataset's store is open and `removed`
// before its store closes.
import {randomUUID} from 'node:crypto'
import {EventEmitter} from 'node:events'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'
import {LakeError, badRequest, notFound} from '../http/errors'
import {PerspectiveViews} from '../query/perspectives'
import {LakeStore} from '../store/store'
import type {StoreRules} from '../store/types'

export interface Dataset {
  name: string
  store: LakeStore
  views: PerspectiveViews
}

export type AclMode = 'public' | 'private' | 'custom'
export const ACL_MODES: readonly AclMode[] = ['public', 'private', 'custom']

/** What the projects API lists for a dataset. */
export interface DatasetInfo {
  name: string
  aclMode: AclMode
  description: string | null
  createdAt: string
}

/** What creating or editing a dataset may set (@sanity/client DatasetCreateOptions). */
export interface DatasetSettings {
  aclMode?: AclMode
  description?: string | null
}

export const datasetsRoot = (dir: string) => join(dir, 'datasets')
export const datasetDir = (dir: string, name: string) => join(datasetsRoot(dir), name)

// Sanity's rule (sanity.io/docs/content-lake/datasets): 1–64 characters, lowercase a–z, 0–9, "-"
// and "_", beginning and ending with a letter or digit. (The Sanity CLI also asks for two or
// more characters before it sends a name: @sanity/cli actions/dataset/validateDatasetName.js.)
const DATASET_NAME = /^[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?$/

/** Why a name is not a valid dataset name, in the words of the Sanity CLI, or null. */
export function datasetNameError(name: string): string | null {
  if (!name) return 'Dataset name is missing'
  if (name.toLowerCase() !== name) return 'Dataset name must be all lowercase characters'
  if (name.length > 64) return 'Dataset name must be at most 64 characters'
  if (!/^[a-z0-9]/.test(name)) return 'Dataset name must start with a letter or a number'
  if (!/^[a-z0-9_-]+$/.test(name))
    return 'Dataset name must only contain letters, numbers, dashes and underscores'
  if (!DATASET_NAME.test(name)) return 'Dataset name must not end with a dash or an underscore'
  return null
}

export function assertDatasetName(name: string): void {
  const problem = datasetNameError(name)
  if (problem) throw badRequest(`${problem}: "${name}"`)
}

const metaFile = (folder: string) => join(folder, 'dataset.json')

/**
 * A dataset being created or copied is built in `<dir>/datasets/.incomplete-<name>-<uuid>/` and
 * renamed to its own folder in one step once complete, so a crash leaves either the whole dataset
 * or nothing under its name. (The leading dot keeps it out of the dataset names.) Leftovers of an
 * interrupted run are removed when the datasets are opened.
 */
const INCOMPLETE_PREFIX = '.incomplete-'

function stagingFolder(dir: string, name: string): string {
  return join(datasetsRoot(dir), `${INCOMPLETE_PREFIX}${name}-${randomUUID()}`)
}

/** Flushes a file's bytes to disk, so the rename that publishes it never points at less. */
function flushFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function readInfo(folder: string, name: string): DatasetInfo {
  try {
    const meta = JSON.parse(readFileSync(metaFile(folder), 'utf8')) as Partial<DatasetInfo>
    return {
      name,
      aclMode: ACL_MODES.includes(meta.aclMode as AclMode) ? meta.aclMode! : 'public',
      description: meta.description ?? null,
      createdAt: meta.createdAt ?? statSync(folder).birthtime.toISOString(),
    }
  } catch {
    const createdAt = statSync(folder).birthtime.toISOString()
    return {name, aclMode: 'public', description: null, createdAt}
  }
}

function writeInfo(folder: string, info: DatasetInfo): void {
  const {aclMode, description, createdAt} = info
  writeFileSync(metaFile(folder), `${JSON.stringify({aclMode, description, createdAt})}\n`)
}

/**
 * A folder from before datasets (<dir>/lake.sqlite with its -wal/-shm) becomes the default
 * dataset's folder. The WAL is folded into the main file first (journal_mode=DELETE), so one
 * rename moves everything; a crash before the rename leaves the old layout, which migrates on
 * the next start. Returns whether it migrated.
 */
export function migrateSingleStoreLayout(dir: string, defaultName: string): boolean {
  const old = join(dir, 'lake.sqlite')
  if (!existsSync(old)) return false
  const folder = datasetDir(dir, defaultName)
  const target = join(folder, 'lake.sqlite')
  if (existsSync(target))
    throw new Error(
      `${dir} has both ${old} and ${target}; move one of them away before starting the lake`,
    )
  const db = new DatabaseSync(old)
  db.exec('PRAGMA journal_mode = DELETE')
  db.close()
  mkdirSync(folder, {recursive: true})
  renameSync(old, target)
  for (const suffix of ['-wal', '-shm']) rmSync(`${old}${suffix}`, {force: true})
  const createdAt = new Date().toISOString()
  writeInfo(folder, {name: defaultName, aclMode: 'public', description: null, createdAt})
  return true
}

export class DatasetRegistry extends EventEmitter<{added: [Dataset]; removed: [string]}> {
  private readonly byName = new Map<string, Dataset>()
  private readonly infos = new Map<string, DatasetInfo>()
  /** Names being created or copied into, so two requests cannot take the same name. */
  private readonly reserved = new Set<string>()

  /**
   * `dir` is the lake's data folder; without it datasets can only be added as open stores.
   * `plugins`: every store the registry opens holds its commits to their rules (lake/plugin.ts).
   */
  constructor(
    readonly defaultName: string,
    readonly dir?: string,
    private readonly plugins: readonly StoreRules[] = [],
  ) {
    super()
  }

  /** Opens every dataset folder under <dir>/datasets (creating the default one if missing). */
  static open(
    dir: string,
    defaultName: string,
    plugins: readonly StoreRules[] = [],
  ): DatasetRegistry {
    const registry = new DatasetRegistry(defaultName, dir, plugins)
    const root = datasetsRoot(dir)
    mkdirSync(root, {recursive: true})
    for (const entry of readdirSync(root, {withFileTypes: true}))
      if (entry.name.startsWith(INCOMPLETE_PREFIX))
        rmSync(join(root, entry.name), {recursive: true, force: true})
    const names = readdirSync(root, {withFileTypes: true})
      .filter((entry) => entry.isDirectory() && datasetNameError(entry.name) === null)
      .map((entry) => entry.name)
    try {
      if (!names.includes(defaultName)) registry.create(defaultName)
      for (const name of names.sort()) registry.openFolder(name)
    } catch (error) {
      registry.close()
      throw error
    }
    return registry
  }

  add(name: string, store: LakeStore, info?: Partial<DatasetInfo>): Dataset {
    const dataset = {name, store, views: new PerspectiveViews(store)}
    this.byName.set(name, dataset)
    this.infos.set(name, {
      name,
      aclMode: info?.aclMode ?? 'public',
      description: info?.description ?? null,
      createdAt: info?.createdAt ?? new Date().toISOString(),
    })
    this.emit('added', dataset)
    return dataset
  }

  get(name: string): Dataset | undefined {
    return this.byName.get(name)
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  list(): Dataset[] {
    return [...this.byName.values()]
  }

  /** Name, ACL mode and creation time of every dataset, by name. */
  infoList(): DatasetInfo[] {
    return [...this.infos.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  info(name: string): DatasetInfo {
    const info = this.infos.get(name)
    if (!info) throw notFound(`Dataset "${name}" not found`)
    return info
  }

  /** The dataset named by `--dataset` / SANITY_DATASET (the Studio's and widgets' default). */
  get default(): Dataset {
    const dataset = this.byName.get(this.defaultName)
    if (!dataset) throw new Error(`The default dataset "${this.defaultName}" is not open`)
    return dataset
  }

  /** A new, empty dataset. 400 for an invalid name, 409 when the name is taken. */
  create(name: string, options: DatasetSettings = {}): Dataset {
    const dir = this.folderRoot()
    this.claim(name)
    const staging = stagingFolder(dir, name)
    try {
      mkdirSync(staging, {recursive: true})
      const info: DatasetInfo = {
        name,
        aclMode: options.aclMode ?? 'public',
        description: options.description ?? null,
        createdAt: new Date().toISOString(),
      }
      writeInfo(staging, info)
      const folder = datasetDir(dir, name)
      renameSync(staging, folder)
      return this.add(name, LakeStore.open(folder, this.plugins), info)
    } finally {
      rmSync(staging, {recursive: true, force: true})
      this.reserved.delete(name)
    }
  }

  /**
   * A full copy of `from` under the name `to`: every document and, unless `skipHistory`, the
   * transaction log. SQLite's VACUUM INTO reads one consistent snapshot, so commits to the source
   * may go on meanwhile. The copy is built in a staging folder with the source's ACL mode and
   * renamed into place when complete: after a crash the target is complete or absent.
   */
  copy(from: string, to: string, options: {skipHistory?: boolean} = {}): Dataset {
    const dir = this.folderRoot()
    const source = this.byName.get(from)
    if (!source) throw notFound(`Dataset "${from}" not found`)
    this.claim(to)
    const staging = stagingFolder(dir, to)
    const folder = datasetDir(dir, to)
    try {
      mkdirSync(staging, {recursive: true})
      const target = join(staging, 'lake.sqlite')
      const reader = new DatabaseSync(join(datasetDir(dir, from), 'lake.sqlite'))
      try {
        reader.prepare('VACUUM INTO ?').run(target)
      } finally {
        reader.close()
      }
      if (options.skipHistory) {
        const copy = new DatabaseSync(target)
        copy.exec('DELETE FROM transactions')
        copy.close()
      }
      flushFile(target)
      const {aclMode, description} = this.info(from)
      const info = {name: to, aclMode, description, createdAt: new Date().toISOString()}
      writeInfo(staging, info)
      renameSync(staging, folder)
      return this.add(to, LakeStore.open(folder, this.plugins), info)
    } catch (error) {
      if (!this.byName.has(to)) rmSync(folder, {recursive: true, force: true})
      throw error
    } finally {
      rmSync(staging, {recursive: true, force: true})
      this.reserved.delete(to)
    }
  }

  /** Changes a dataset's ACL mode (kept for the listing; the lake's token rules stay the same). */
  edit(name: string, options: DatasetSettings): DatasetInfo {
    const info = this.info(name)
    if (options.aclMode) info.aclMode = options.aclMode
    if (options.description !== undefined) info.description = options.description
    if (this.dir) writeInfo(datasetDir(this.dir, name), info)
    return info
  }

  /**
   * Deletes a dataset: from this moment its routes answer 404, then its store closes and its
   * folder goes. The lake's default dataset cannot be deleted while it is the default.
   */
  remove(name: string): void {
    const dir = this.folderRoot()
    const dataset = this.byName.get(name)
    if (!dataset) throw notFound(`Dataset "${name}" not found`)
    if (name === this.defaultName)
      throw new LakeError(
        409,
        'conflictError',
        `Dataset "${name}" is this lake's default dataset and cannot be deleted; start the lake with another --dataset first`,
      )
    this.byName.delete(name)
    this.infos.delete(name)
    this.emit('removed', name)
    dataset.store.close()
    rmSync(datasetDir(dir, name), {recursive: true, force: true})
  }

  close(): void {
    for (const dataset of this.byName.values()) dataset.store.close()
    this.byName.clear()
    this.infos.clear()
  }

  private openFolder(name: string): Dataset {
    const folder = datasetDir(this.folderRoot(), name)
    return this.add(name, LakeStore.open(folder, this.plugins), readInfo(folder, name))
  }

  private folderRoot(): string {
    if (!this.dir) throw new Error('This dataset registry has no data folder')
    return this.dir
  }

  private claim(name: string): void {
    assertDatasetName(name)
    if (this.byName.has(name) || this.reserved.has(name) || existsSync(datasetDir(this.dir!, name)))
      throw new LakeError(409, 'conflictError', `Dataset "${name}" already exists`)
    this.reserved.add(name)
  }
}
