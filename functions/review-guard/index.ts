// The review guard, a Sanity Function (sanity.blueprint.ts declares it): after every create or
// update of a published article or FAQ it checks that the medical review the text claims is the
// approval of that text (decide.ts). When it is not, it puts the newest earlier revision its
// approval backed back in place, or, when there is none, unpublishes the text and keeps it as a
// draft; and writes a `reviewGuardEvent` record editors see in the Studio. Functions run after
// the write: the guard repairs, it cannot refuse.
//
// It never loops on its own writes: a text it puts back is approved (so the write it triggers is
// left alone), it does not react to writes its own token made, its record is not an article or
// FAQ, and its client passes the invocation's lineage on (Sanity's recursion protection).
import {createClient, type SanityClient} from '@sanity/client'
import {documentEventHandler, type FunctionContext} from '@sanity/functions'
import {
  assess,
  decide,
  draftOf,
  guardEventRecord,
  isApprovedRevision,
  restorePatch,
  trailRecord,
  type GuardedDocument,
  type Revision,
} from './decide'

/** The Content Lake API version the guard speaks. */
export const GUARD_API_VERSION = '2025-02-19'
/** How many earlier revisions the guard reads, newest first, looking for an approved one. */
export const MAX_REVISIONS_READ = 25

interface HistoryTransaction {
  id: string
  timestamp?: string
  author?: string
}

/**
 * A @sanity/client for the dataset that triggered the function. On Sanity's infrastructure
 * `clientOptions.apiHost` is Sanity's API host (the client puts the project id in front of it);
 * any other host (a local Content Lake) is used as it is.
 */
export function guardClient(context: Pick<FunctionContext, 'clientOptions' | 'lineage'>) {
  const {apiHost, ...options} = context.clientOptions
  const sanityHost = !apiHost || /(^|\.)api\.sanity\.(io|work)$/.test(new URL(apiHost).hostname)
  return createClient({
    ...options,
    ...(apiHost ? {apiHost} : {}),
    useProjectHostname: sanityHost,
    apiVersion: GUARD_API_VERSION,
    useCdn: false,
    perspective: 'raw',
    ...(context.lineage ? {lineage: context.lineage} : {}),
  })
}

/** The published document's transactions, newest first (Sanity's history API). */
async function transactionsOf(client: SanityClient, id: string): Promise<HistoryTransaction[]> {
  const {dataset} = client.config()
  const body: unknown = await client.request({
    url: `/data/history/${dataset}/transactions/${encodeURIComponent(id)}?excludeContent=true&reverse=true&limit=${MAX_REVISIONS_READ + 1}`,
  })
  const lines =
    typeof body === 'string'
      ? body
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as unknown)
      : [body]
  return lines.filter(
    (line): line is HistoryTransaction =>
      !!line && typeof line === 'object' && typeof (line as HistoryTransaction).id === 'string',
  )
}

/** The document as it was at a revision (Sanity's history API), or null when it did not exist. */
async function documentAt(
  client: SanityClient,
  id: string,
  revision: string,
): Promise<GuardedDocument | null> {
  const {dataset} = client.config()
  const body = await client.request<{documents?: GuardedDocument[]}>({
    url: `/data/history/${dataset}/documents/${encodeURIComponent(id)}?revision=${encodeURIComponent(revision)}`,
  })
  return body.documents?.find((doc) => doc._id === id) ?? null
}

async function guardUserOf(client: SanityClient): Promise<string | null> {
  try {
    const me = await client.users.getById('me')
    return typeof me?.id === 'string' ? me.id : null
  } catch {
    return null
  }
}

const isConflict = (error: unknown) =>
  !!error && typeof error === 'object' && (error as {statusCode?: number}).statusCode === 409

/** What the guard did with one event, for logs and tests. */
export type GuardOutcome =
  | {action: 'none'; reason: string}
  | {action: 'restored' | 'unpublished'; record: string}
  | {action: 'superseded'; reason: string}

/** The guard's work for one published document, with the client it writes with. */
export async function guardDocument(
  client: SanityClient,
  doc: GuardedDocument,
): Promise<GuardOutcome> {
  const recordId = doc.medicalReview?.record
  const [record, transactions, guardUser] = await Promise.all([
    typeof recordId === 'string' ? client.getDocument(recordId) : Promise.resolve(null),
    transactionsOf(client, doc._id),
    guardUserOf(client),
  ])
  const change = transactions.find((tx) => tx.id === doc._rev)
  const input = {doc, record: record ?? null, author: change?.author ?? null, guardUser}
  const first = assess(input)
  if (first.verdict === 'leave') return {action: 'none', reason: first.reason}

  // The newest earlier revision its approval backed: read one by one, newest first.
  const history: Revision[] = []
  const records = new Map<string, unknown>()
  for (const tx of transactions) {
    if (tx.id === doc._rev) continue
    const old = await documentAt(client, doc._id, tx.id)
    if (!old) continue
    const oldRecordId = old.medicalReview?.record
    if (typeof oldRecordId === 'string' && !records.has(oldRecordId))
      records.set(oldRecordId, (await client.getDocument(oldRecordId)) ?? null)
    const revision: Revision = {
      revision: tx.id,
      doc: old,
      record: typeof oldRecordId === 'string' ? trailRecord(records.get(oldRecordId)) : null,
    }
    history.push(revision)
    if (isApprovedRevision(revision)) break
  }

  const plan = decide({...input, history})
  if (plan.action === 'none') return {action: 'none', reason: plan.reason}
  const current = await client.getDocument(doc._id)
  if (!current || current._rev !== doc._rev)
    return {
      action: 'superseded',
      reason: 'The document changed again; that change is checked on its own.',
    }

  const event = guardEventRecord(plan, {
    doc: {...current, ...doc},
    author: input.author,
    changedAt: change?.timestamp ?? null,
    guardUser,
    at: new Date().toISOString(),
    unique: globalThis.crypto.randomUUID(),
  })
  const tx = client.transaction()
  if (plan.action === 'restore') {
    const {set, unset} = restorePatch(current, plan.revision.doc)
    tx.patch(doc._id, (patch) => {
      const guarded = patch.ifRevisionId(doc._rev!).set(set)
      return unset.length > 0 ? guarded.unset(unset) : guarded
    })
  } else {
    tx.createIfNotExists(draftOf(current))
    // Guarded by the revision read, so a newer write is never thrown away.
    tx.patch(doc._id, (patch) => patch.ifRevisionId(doc._rev!).unset(['medicalReview']))
    tx.delete(doc._id)
  }
  tx.create(event)
  try {
    await tx.commit({visibility: 'sync'})
  } catch (error) {
    if (isConflict(error))
      return {action: 'superseded', reason: 'The document changed while the guard worked.'}
    throw error
  }
  return {action: event.action, record: event._id}
}

export const handler = documentEventHandler<GuardedDocument>(async ({context, event}) => {
  const doc = event.data
  if (!doc || typeof doc._id !== 'string' || typeof doc._rev !== 'string') {
    console.log('review-guard: the event carries no document id and revision; nothing to do')
    return
  }
  const outcome = await guardDocument(guardClient(context), doc)
  console.log(`review-guard: ${doc._id}@${doc._rev}: ${JSON.stringify(outcome)}`)
})
