// POST /v{apiVersion}/data/mutate/{dataset}: transactions of create/patch/delete mutations.
import {requireDataset, requireToken, writeAs, type RouteContext} from '../http/context'
import {badRequest} from '../http/errors'
import {flag, readJson, sendJson} from '../http/http'
import {checkPatch} from './patch-shape'
import {route} from '../http/route'
import type {CommittedTransaction, RawMutation} from './types'

/** The response Sanity gives: ids and operations, documents and ids when asked. */
export function mutationResponse(tx: CommittedTransaction, search: URLSearchParams) {
  const results = tx.changes.map((change) => ({
    id: change.id,
    operation: change.operation,
    ...(flag(search, 'returnDocuments') && change.after ? {document: change.after} : {}),
  }))
  return {
    transactionId: tx.transactionId,
    results,
    ...(flag(search, 'returnIds') ? {documentIds: tx.changes.map((c) => c.id)} : {}),
  }
}

async function mutate(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  requireToken(ctx)
  const body = await readJson(ctx.req)
  if (!Array.isArray(body.mutations)) throw badRequest('The body needs a "mutations" array')
  body.mutations.forEach((mutation: unknown, index) => {
    const patch = (mutation as {patch?: unknown} | null)?.patch
    if (patch && typeof patch === 'object' && !Array.isArray(patch))
      checkPatch(patch as Record<string, unknown>, `Mutation ${index}`)
  })
  const search = ctx.url.searchParams
  const transactionId =
    typeof body.transactionId === 'string'
      ? body.transactionId
      : (search.get('transactionId') ?? undefined)
  const tx = await dataset.store.commit(body.mutations as RawMutation[], {
    transactionId,
    ...writeAs(ctx),
    dryRun: flag(search, 'dryRun'),
  })
  sendJson(ctx.res, 200, mutationResponse(tx, search))
}

export const mutateRoutes = [route('POST', '/v:version/data/mutate/:dataset', mutate)]
