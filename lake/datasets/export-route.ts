// GET /v{apiVersion}/data/export/{dataset}: every document as NDJSON (drafts and release versions
// need the token).
import {canSee} from '../access/visibility'
import {requireDataset, type RouteContext} from '../http/context'
import {route} from '../http/route'

function exportDataset(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  ctx.res.writeHead(200, {'content-type': 'application/x-ndjson; charset=utf-8'})
  for (const doc of dataset.store.all()) {
    if (!canSee(ctx.authorized, doc._id)) continue
    ctx.res.write(`${JSON.stringify(doc)}\n`)
  }
  ctx.res.end()
}

export const exportRoutes = [route('GET', '/v:version/data/export/:dataset', exportDataset)]
