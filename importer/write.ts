// Reading what the target dataset already holds and writing a plan into it, through
// @sanity/client: the lake and a hosted Sanity project take the same requests.
import type {SanityClient} from '@sanity/client'
import {draftId, publishedIdOf as publishedId} from '../model/sanity/ids'
import {SITE_SETTINGS_ID} from '../model/constants'
import {planMutations} from './mutations'
import type {ExistingDocuments, ImportPlan, PlannedChange, Topic} from './types'

/** The published conditions and treatments, with the names the text may use for them. */
export function fetchTopics(client: SanityClient): Promise<Topic[]> {
  return client.fetch<Topic[]>(
    `*[_type in ["condition", "treatment"] && defined(name)]{_id, _type, name, alternateNames, brandName, genericName}`,
    {},
    {perspective: 'published'},
  )
}

/** The clinic's name from the site settings, cited as the publisher of its own pages. */
export function fetchPublisher(client: SanityClient): Promise<string | null> {
  return client.fetch<string | null>(
    `*[_id == "${SITE_SETTINGS_ID}"][0].organization->name`,
    {},
    {perspective: 'published'},
  )
}

/** The drafts and published documents with the plan's ids. */
export async function fetchExisting(
  client: SanityClient,
  plan: ImportPlan,
): Promise<ExistingDocuments> {
  const ids = [...plan.articles, ...plan.faqs].flatMap((doc) => [
    draftId(doc._id),
    publishedId(doc._id),
  ])
  if (ids.length === 0) return new Map()
  const docs = await client.fetch<Array<Record<string, unknown>>>(
    `*[_id in $ids]`,
    {ids},
    {perspective: 'raw'},
  )
  return new Map(docs.map((doc) => [String(doc._id), doc]))
}

export interface WriteOptions {
  /** Plan only: no upload, no transaction. */
  dryRun?: boolean
  /** The bytes as @sanity/client uploads them (a Buffer in Node); a Blob by default. */
  uploadBody?: (bytes: Uint8Array) => Parameters<SanityClient['assets']['upload']>[1]
}

export interface WriteResult {
  changes: PlannedChange[]
  /** Images uploaded now; the others were in the dataset already (or, in a dry run, would be). */
  uploaded: number
  /** Images the dataset already had. */
  reused: number
  /** The transaction's id, when anything was written. */
  transactionId?: string
}

/**
 * Uploads the plan's images the dataset lacks (an image already there, found by its SHA-1, is
 * reused), then writes every created or changed draft in one transaction.
 */
export async function writePlan(
  client: SanityClient,
  plan: ImportPlan,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const assetIds = new Map<string, string>()
  let uploaded = 0
  let reused = 0
  for (const asset of plan.assets) {
    const known = await client.fetch<string | null>(
      `*[_type == "sanity.imageAsset" && sha1hash == $sha1][0]._id`,
      {sha1: asset.sha1},
      {perspective: 'raw'},
    )
    if (known) {
      assetIds.set(asset.ref, known)
      reused++
      continue
    }
    uploaded++
    if (options.dryRun) continue
    const body = options.uploadBody?.(asset.bytes) ?? new Blob([asset.bytes as BlobPart])
    const document = await client.assets.upload('image', body, {filename: asset.filename})
    assetIds.set(asset.ref, document._id)
  }
  const {mutations, changes} = planMutations(plan, await fetchExisting(client, plan), assetIds)
  if (options.dryRun || mutations.length === 0) return {changes, uploaded, reused}
  const result = await client.transaction(mutations).commit({visibility: 'sync'})
  return {changes, uploaded, reused, transactionId: result.transactionId}
}
