// The admin port: what the lake's admin commands (lake/cli/commands/) ask of a lake, written once
// against this interface. Two implementations: over HTTP to a running lake (admin-http.ts, --url)
// and on a stopped lake's data folder under its lock (admin-offline.ts). The command line picks
// one per run (lake/cli/cli.ts); a command never knows which it has.
import type {ImportMode, ImportOptions} from '../datasets/ndjson'
import type {LakeUser, NewUser} from '../access/users'

export interface AdminImport {
  dataset: string
  mode: ImportMode
  onProgress?: ImportOptions['onProgress']
}

export interface AdminPort {
  /** Where the commands work, for their messages: the lake's URL, or the data folder. */
  readonly where: string
  /**
   * The data folder when working on it offline, which some messages name ("in .lake"); null
   * through a running lake.
   */
  readonly folder: string | null
  listDatasets(): Promise<string[]>
  createDataset(name: string, options: {aclMode?: string}): Promise<void>
  copyDataset(from: string, to: string, options: {skipHistory: boolean}): Promise<void>
  deleteDataset(name: string): Promise<void>
  listUsers(): Promise<LakeUser[]>
  /** Adds the user; answers it with its token, shown this once. */
  addUser(user: NewUser): Promise<{user: LakeUser; token: string}>
  removeUser(id: string): Promise<void>
  /** A new token for the user; the previous one stops working. */
  issueToken(id: string): Promise<string>
  /** Imports an NDJSON file (documents and `_sanityAsset` files) as one transaction. */
  importFile(file: string, options: AdminImport): Promise<{documents: number; assets: number}>
  /**
   * Writes the dataset's documents as NDJSON to `out`; answers how many when the port counts them
   * (offline), else null (a running lake streams its export).
   */
  exportTo(out: string, dataset: string): Promise<{documents: number | null}>
}

/** Opens the port a command needs, runs `work` with it and closes it after. */
export type AdminOpener = <T>(work: (admin: AdminPort) => Promise<T>) => Promise<T>
