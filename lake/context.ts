// What every route handler gets: the request, its parsed URL and path parameters, and the lake.
import type {LakeRequest, LakeResponse} from './http'
import type {PerspectiveViews} from './perspectives'
import type {LakeStore} from './store'
import {notFound, unauthorized} from './errors'

export interface Lake {
  store: LakeStore
  views: PerspectiveViews
  token: string
  projectId: string
  dataset: string
  /** Folder for uploaded asset bytes. */
  assetsDir: string
  /** The lake's own origin, e.g. http://127.0.0.1:3030, used in asset URLs. */
  url: string
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

export function requireDataset(ctx: RouteContext): string {
  const dataset = ctx.params.dataset ?? ''
  if (dataset !== ctx.lake.dataset) throw notFound(`Dataset "${dataset}" not found`)
  return dataset
}

export function requireToken(ctx: RouteContext): void {
  if (!ctx.authorized)
    throw unauthorized('This request needs the lake token (Authorization: Bearer <token>)')
}
