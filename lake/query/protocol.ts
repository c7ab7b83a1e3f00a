// Messages between the query pool (serving thread) and its workers.
import type {LakeDocument} from '../store/types'
import type {ViewKey} from './views'

export type ToWorker =
  /** A chunk of a dataset's documents; `first` starts it afresh, `job` (last chunk) is answered. */
  | {kind: 'load'; dataset: string; docs: LakeDocument[]; first: boolean; job?: number}
  | {kind: 'apply'; dataset: string; changes: Array<{id: string; after: LakeDocument | null}>}
  | {kind: 'drop'; dataset: string}
  | ({kind: 'query'; job: number} & QueryJob)
  | ({kind: 'filter'; job: number} & FilterJob)
  /** Answered once the worker runs; `load` is answered once the dataset is loaded. */
  | {kind: 'ready'; job: number}

export interface QueryJob {
  dataset: string
  perspective: ViewKey
  query: string
  params: Record<string, unknown>
  identity?: string
  maxResultBytes: number
}

/** A listen filter over the before and after state of each change of one transaction. */
export interface FilterJob {
  query: string
  params: Record<string, unknown>
  changes: Array<{before: LakeDocument | null; after: LakeDocument | null}>
}

export interface SerializedError {
  statusCode: number
  type: string
  message: string
  details: Record<string, unknown>
}

export type FromWorker =
  | {
      job: number
      ok: true
      value: string | Array<[boolean, boolean]> | null
      /** The worker thread's CPU time for a query or filter job, in ms. */
      cpuMs?: number
    }
  | {job: number; ok: false; error: SerializedError; cpuMs?: number}
