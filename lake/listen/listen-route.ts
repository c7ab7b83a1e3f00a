// GET /v{apiVersion}/data/listen/{dataset}?query=…: Server-Sent Events for every committed
// change to a document the query's filter matches, before or after the change.
import {parse} from 'groq-js'
import {requireDataset, type RouteContext} from '../http/context'
import {badRequest} from '../http/errors'
import {flag, groqParamsFromSearch} from '../http/http'
import {canSee, mutationsForDocument} from '../access/visibility'
import {isVersionId} from '../../model/sanity/ids'
import {randomId} from '../store/random-id'
import {route} from '../http/route'
import {queryClient} from '../query/query-route'
import type {CommittedTransaction, DocumentChange} from '../store/types'

const HEARTBEAT_MS = 25_000

function sse(ctx: RouteContext, event: string, data: unknown, id?: string) {
  ctx.res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

/** The stream has ended (a channelError, a revoked token, or the client went). */
const ended = (ctx: RouteContext) => (ctx.res as {writableEnded?: boolean}).writableEnded === true

/**
 * For each change, whether the filter matches the document before and after it. The query
 * workers evaluate it (delta mode, under the query time limit); an error ends the stream.
 */
async function matches(
  ctx: RouteContext,
  query: string,
  params: Record<string, unknown>,
  changes: DocumentChange[],
) {
  try {
    return await ctx.lake.queries.filter(
      {query, params, changes: changes.map(({before, after}) => ({before, after}))},
      queryClient(ctx),
    )
  } catch (error) {
    // Sanity's listener error event; the stream ends, so the filter costs nothing more.
    if (!ended(ctx)) {
      sse(ctx, 'channelError', {message: (error as Error).message})
      ctx.res.end()
    }
    return null
  }
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
  // Release versions reach a listener only when it asks (the Studio's release and document
  // listeners do): `includeAllVersions`, @sanity/client's ListenOptions.
  const includeAllVersions = flag(search, 'includeAllVersions')

  ctx.res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...(ctx.req.httpVersionMajor < 2 ? {connection: 'keep-alive'} : {}),
  })
  // A HEAD answer has no body, so no events: end it rather than hold a stream no one reads.
  if (ctx.req.method === 'HEAD') return void ctx.res.end()
  try {
    parse(query, {params, mode: 'delta'})
  } catch (error) {
    sse(ctx, 'channelError', {message: (error as Error).message})
    ctx.res.end()
    return
  }
  sse(ctx, 'welcome', {listenerName: randomId(16)})

  const send = async (tx: CommittedTransaction) => {
    if (ended(ctx)) return
    const relevant: Array<{change: DocumentChange; before: boolean; after: boolean}> = []
    // Without the token a listener sees published documents only.
    const visible = tx.changes.filter(
      (change) =>
        canSee(ctx.authorized, change.id) && (includeAllVersions || !isVersionId(change.id)),
    )
    const matched = visible.length > 0 ? await matches(ctx, query, params, visible) : []
    if (!matched || ended(ctx)) return
    visible.forEach((change, i) => {
      const [before, after] = matched[i]!
      if (before || after) relevant.push({change, before, after})
    })
    relevant.forEach(({change, before, after}, index) => {
      const transition = !before ? 'appear' : !after ? 'disappear' : 'update'
      const event: Record<string, unknown> = {
        eventId: `${tx.transactionId}#${change.id}`,
        documentId: change.id,
        transactionId: tx.transactionId,
        transition,
        identity: tx.author,
        previousRev: change.before?._rev,
        // Every event names the transaction as its result revision, a deletion too (a document's
        // `_rev` is the id of the transaction that last wrote it): the Studio's document store
        // chains events by previousRev → resultRev (sanity/lib `sequentializeListenerEvents`)
        // and drops a link without one, so an open form would keep a discarded draft.
        resultRev: change.after?._rev ?? tx.transactionId,
        timestamp: tx.timestamp,
        visibility,
        transactionTotalEvents: relevant.length,
        transactionCurrentEvent: index + 1,
      }
      // Only the mutations that wrote this document: never a draft's delete on the published one.
      if (includeMutations) event.mutations = mutationsForDocument(tx.mutations, change)
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
  // A removed user's (or replaced token's) stream ends at once, as its next request would fail.
  const onRevoked = (userId: string) => {
    if (userId !== ctx.user?.id || ended(ctx)) return
    sse(ctx, 'channelError', {message: 'Unauthorized - the token was revoked'})
    ctx.res.end()
  }
  if (ctx.user) ctx.lake.users.on('revoked', onRevoked)
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(heartbeat)
      dataset.store.off('transaction', onTransaction)
      ctx.lake.users.off('revoked', onRevoked)
      resolve()
    }
    ctx.req.once('close', stop)
    ctx.res.once('close', stop)
  })
}

export const listenRoutes = [route('GET', '/v:version/data/listen/:dataset', listen)]
