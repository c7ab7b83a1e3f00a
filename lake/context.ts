// What every route handler gets: the request, its parsed URL and path parameters, and the lake.
import type {LakeRequest, LakeResponse} from './http'
import type {Dataset, DatasetRegistry} from './datasets'
import {notFound, unauthorized} from './errors'
import type {QueryPool} from './query/pool'

export interface Lake {
  datasets: DatasetRegistry
  /** Evaluates queries and listen filters off the serving thread. */
  queries: QueryPool
  token: string
  projectId: string
  /** Folder for uploaded asset bytes. */
  assetsDir: string
  /** The lake's own origin, e.g. http://127.0.0.1:3030, used in asset URLs. */
  url: string
  /** The lake's clock (release schedules); tests may set their own. */
  now: () => Date
}

export interface RouteContext {
  req: LakeRequest
  res: LakeResponse
  url: URL
  params: Record<string, string>
  lake: Lake
  /** The request carries the lake's token: it may see drafts and write. */
  authorized: boolean
}

export type Handler = (ctx: RouteContext) => Promise<void> | void

/** The dataset the path names (`:dataset`), or Sanity's 404 for one that does not exist. */
export function requireDataset(ctx: RouteContext): Dataset {
  const name = ctx.params.dataset ?? ''
  const dataset = ctx.lake.datasets.get(name)
  if (!dataset) throw notFound(`Dataset "${name}" not found`)
  return dataset
}

export function requireToken(ctx: RouteContext): void {
  if (!ctx.authorized)
    throw unauthorized('This request needs the lake token (Authorization: Bearer <token>)')
}
