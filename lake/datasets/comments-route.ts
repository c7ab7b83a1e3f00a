// Studio comments live in an add-on dataset beside the content dataset, `<dataset>-comments`
// (sanity/lib `AddonDatasetProvider`): the Studio looks it up with
// `GET /projects/<id>/datasets?datasetProfile=comments&addonFor=<dataset>` and, before the first
// comment, creates it with `POST /comments/<dataset>/setup`, which answers `{datasetName}`.
// Comments are then ordinary documents of that dataset, read and written with the data API.
import {requireDataset, requireUser, type RouteContext} from '../http/context'
import type {DatasetRegistry} from './datasets'
import {sendJson} from '../http/http'
import {requireProjectManager} from '../access/roles'
import {route} from '../http/route'

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

/**
 * Makes the content dataset's comments dataset (private) if it is missing. Creating a dataset
 * needs the project-management grant, as every dataset creation does (lake/access/roles.ts); a
 * dataset that exists already is named to any signed-in user, since the Studio calls this before
 * its first comment whoever the author is. The lake makes the comments datasets of the Studio's
 * workspaces itself when `npm start` starts (ensureCommentsDataset), so editors' comments need no
 * administrator.
 */
function setup(ctx: RouteContext) {
  const {role} = requireUser(ctx)
  const dataset = requireDataset(ctx)
  const datasetName = commentsDatasetName(dataset.name)
  if (!ctx.lake.datasets.has(datasetName)) {
    requireProjectManager(role)
    ensureCommentsDataset(ctx.lake.datasets, dataset.name)
  }
  sendJson(ctx.res, 200, {datasetName})
}

/** The lake's own setup of a content dataset's comments dataset: private, made once. */
export function ensureCommentsDataset(datasets: DatasetRegistry, dataset: string): string {
  const datasetName = commentsDatasetName(dataset)
  if (!datasets.has(datasetName)) datasets.create(datasetName, {aclMode: 'private'})
  return datasetName
}

export const commentRoutes = [route('POST', '/v:version/comments/:dataset/setup', setup)]
