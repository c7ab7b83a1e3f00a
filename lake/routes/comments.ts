// Studio comments live in an add-on dataset beside the content dataset, `<dataset>-comments`
// (sanity/lib `AddonDatasetProvider`): the Studio looks it up with
// `GET /projects/<id>/datasets?datasetProfile=comments&addonFor=<dataset>` and, before the first
// comment, creates it with `POST /comments/<dataset>/setup`, which answers `{datasetName}`.
// Comments are then ordinary documents of that dataset, read and written with the data API.
import {requireDataset, requireToken, type RouteContext} from '../context'
import {sendJson} from '../http'
import {route} from '../route'

const SUFFIX = '-comments'

export function commentsDatasetName(dataset: string): string {
  return `${dataset}${SUFFIX}`
}

/** The content dataset an add-on comments dataset belongs to, or null for any other dataset. */
export function commentsAddonFor(name: string, exists: (name: string) => boolean): string | null {
  if (!name.endsWith(SUFFIX)) return null
  const base = name.slice(0, -SUFFIX.length)
  return exists(base) ? base : null
}

function setup(ctx: RouteContext) {
  requireToken(ctx)
  const dataset = requireDataset(ctx)
  const datasetName = commentsDatasetName(dataset.name)
  if (!ctx.lake.datasets.has(datasetName))
    ctx.lake.datasets.create(datasetName, {aclMode: 'private'})
  sendJson(ctx.res, 200, {datasetName})
}

export const commentRoutes = [route('POST', '/v:version/comments/:dataset/setup', setup)]
