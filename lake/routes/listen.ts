// GET /v{apiVersion}/data/listen/{dataset}?query=…: Server-Sent Events for every committed
// change to a document the query's filter matches, before or after the change.
import {evaluate, parse} from 'groq-js'
import {requireDataset, type RouteContext} from '../context'
import {badRequest} from '../errors'
import {flag, groqParamsFromSearch} from '../http'
import {canSee, visibleMutations} from '../access'
import {randomId} from '../ids'
import {route} from '../route'
import type {CommittedTransaction, DocumentChange, LakeDocument} from '../store'

const HEARTBEAT_MS = 25_000

function sse(ctx: RouteContext, event: string, data: unknown, id?: string) {
  ctx.res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

async function matches(
  tree: ReturnType<typeof parse>,
  doc: LakeDocument | null,
  params: Record<string, unknown>,
) {
  if (!doc) return false
  const result = await (await evaluate(tree, {dataset: [doc], params})).get()
  return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined
}

async function listen(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  const search = ctx.url.searchParams
  const query = search.get('query')
  if (!query) throw badRequest('Missing "query"')
  const params = groqParamsFromSearch(search)
  const includeResult = flag(search, 'includeResult', true)
  const includePrevious = flag(search, 'includePreviousRevision')
  const includeMutations = flag(search, 'includeMutations', true)
  const mendoza = search.get('effectFormat') === 'mendoza'
  const visibility = search.get('visibility') ?? 'query'

  ctx.res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...(ctx.req.httpVersionMajor < 2 ? {connection: 'keep-alive'} : {}),
  })
  // A HEAD answer has no body, so no events: end it rather than hold a stream no one reads.
  if (ctx.req.method === 'HEAD') return void ctx.res.end()
  let tree: ReturnType<typeof parse>
  try {
    tree = parse(query, {params})
  } catch (error) {
    sse(ctx, 'channelError', {message: (error as Error).message})
    ctx.res.end()
    return
  }
  sse(ctx, 'welcome', {listenerName: randomId(16)})

  const send = async (tx: CommittedTransaction) => {
    const relevant: Array<{change: DocumentChange; before: boolean; after: boolean}> = []
    for (const change of tx.changes) {
      // Without the token a listener sees published documents only.
      if (!canSee(ctx.authorized, change.id)) continue
      const [before, after] = await Promise.all([
        matches(tree, change.before, params),
        matches(tree, change.after, params),
      ])
      if (before || after) relevant.push({change, before, after})
    }
    // Drafts and versions written in the same transaction stay out of an anonymous event.
    const mutations = includeMutations ? visibleMutations(tx, ctx.authorized) : undefined
    relevant.forEach(({change, before, after}, index) => {
      const transition = !before ? 'appear' : !after ? 'disappear' : 'update'
      const event: Record<string, unknown> = {
        eventId: `${tx.transactionId}#${change.id}`,
        documentId: change.id,
        transactionId: tx.transactionId,
        transition,
        identity: tx.author,
        previousRev: change.before?._rev,
        resultRev: change.after?._rev,
        timestamp: tx.timestamp,
        visibility,
        transactionTotalEvents: relevant.length,
        transactionCurrentEvent: index + 1,
      }
      if (mutations) event.mutations = mutations
      if (includeResult && change.after) event.result = change.after
      if (includePrevious && change.before) event.previous = change.before
      // A whole-value replacement is valid Mendoza: apply sets the new value, revert the old.
      if (mendoza) event.effects = {apply: [0, change.after], revert: [0, change.before]}
      sse(ctx, 'mutation', event, String(event.eventId))
    })
  }

  let chain = Promise.resolve()
  const onTransaction = (tx: CommittedTransaction) => {
    chain = chain.then(() => send(tx)).catch(() => undefined)
  }
  dataset.store.on('transaction', onTransaction)
  const heartbeat = setInterval(() => ctx.res.write(': heartbeat\n\n'), HEARTBEAT_MS)
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(heartbeat)
      dataset.store.off('transaction', onTransaction)
      resolve()
    }
    ctx.req.once('close', stop)
    ctx.res.once('close', stop)
  })
}

export const listenRoutes = [route('GET', '/v:version/data/listen/:dataset', listen)]
