// GET /v{apiVersion}/data/history/{dataset}/transactions/{id[,id…]}: the transaction log of
// documents as NDJSON, newest last, as Sanity's history API streams it. Needs the token.
import {requireDataset, requireToken, type RouteContext} from '../context'
import {badRequest} from '../errors'
import {route} from '../route'

function transactions(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  requireToken(ctx)
  const ids = (ctx.params.ids ?? '').split(',').filter(Boolean)
  if (ids.length === 0) throw badRequest('Give at least one document id')
  const limit = Math.min(Number(ctx.url.searchParams.get('limit') ?? 100) || 100, 1000)
  const seen = new Map<string, Record<string, unknown>>()
  for (const id of ids)
    for (const tx of dataset.store.history(id, limit)) {
      const entry = seen.get(tx.transactionId) ?? {
        id: tx.transactionId,
        timestamp: tx.timestamp,
        author: tx.author,
        documentIDs: [] as string[],
        mutations: ctx.url.searchParams.get('excludeContent') === 'true' ? undefined : tx.mutations,
      }
      ;(entry.documentIDs as string[]).push(...tx.changes.map((c) => c.id))
      seen.set(tx.transactionId, entry)
    }
  const sorted = [...seen.values()].sort((a, b) =>
    String(a.timestamp).localeCompare(String(b.timestamp)),
  )
  ctx.res.writeHead(200, {'content-type': 'application/x-ndjson; charset=utf-8'})
  for (const entry of sorted.slice(-limit)) ctx.res.write(`${JSON.stringify(entry)}\n`)
  ctx.res.end()
}

export const historyRoutes = [
  route('GET', '/v:version/data/history/:dataset/transactions/:ids', transactions),
]
