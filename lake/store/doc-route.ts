// GET /v{apiVersion}/data/doc/{dataset}/{id[,id…]}: documents by id.
import {canSee} from '../access/visibility'
import {requireDataset, type RouteContext} from '../http/context'
import {badRequest} from '../http/errors'
import {sendJson} from '../http/http'
import {route} from '../http/route'

function getDocuments(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  const ids = (ctx.params.ids ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  if (ids.length === 0) throw badRequest('Give at least one document id')
  const documents = []
  const omitted = []
  for (const id of ids) {
    const doc = dataset.store.get(id)
    if (!canSee(ctx.authorized, id)) omitted.push({id, reason: 'permission'})
    else if (!doc) omitted.push({id, reason: 'existence'})
    else documents.push(doc)
  }
  sendJson(ctx.res, 200, {documents, omitted})
}

export const docRoutes = [route('GET', '/v:version/data/doc/:dataset/:ids', getDocuments)]
