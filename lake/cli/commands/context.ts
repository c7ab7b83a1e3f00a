// What every admin command is given: its flags and words, the usage text, and the admin port
// the command line chose for this run (lake/cli/admin.ts).
import type {AdminOpener} from '../admin'
import type {Values} from '../args'

export interface CommandContext {
  values: Values
  /** The words after the command's name, e.g. `create staging` for `dataset create staging`. */
  positionals: string[]
  usage: string
  /** SANITY_DATASET, else production: what --dataset defaults to. */
  defaultDataset: string
  admin: AdminOpener
}

/** ` in <folder>` (or `from`) offline; through a running lake, the URL is not repeated. */
export const inFolder = (folder: string | null, preposition = 'in') =>
  folder ? ` ${preposition} ${folder}` : ''
