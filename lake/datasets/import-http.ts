// Import into a running lake through its HTTP API, as `sanity dataset import` does against
// Sanity: asset files go to /assets/images|files, the documents in batches to an import the lake
// stages and commits as one transaction (/data/import). Everything is checked first (lines,
// asset files, then a dry run of the staged transaction), so a failing import writes nothing.
import {basename} from 'node:path'
import {
  importMutations,
  prepareAssets,
  readImportFile,
  type ImportMode,
  type ImportOptions,
} from './ndjson'

export interface HttpImportOptions {
  url: string
  token: string
  dataset: string
  projectId: string
  mode: ImportMode
  onProgress?: ImportOptions['onProgress']
}

const API = 'v2025-02-19'
/** Each batch's JSON stays well under the lake's 10 MB request limit. */
const BATCH_BYTES = 4 * 1024 * 1024

/** The mutations in order, in groups whose JSON is at most `limit` bytes (one larger alone). */
export function* batches<T>(items: T[], limit: number): Generator<T[]> {
  let batch: T[] = []
  let size = 0
  for (const item of items) {
    const bytes = Buffer.byteLength(JSON.stringify(item)) + 1
    if (batch.length > 0 && size + bytes > limit) {
      yield batch
      batch = []
      size = 0
    }
    batch.push(item)
    size += bytes
  }
  if (batch.length > 0) yield batch
}

/** The lake's error description (Sanity's `{error: {description}}`), or the status line. */
async function failure(response: Response, what: string): Promise<Error> {
  const text = await response.text()
  let description = text
  try {
    const body = JSON.parse(text) as {
      error?: {description?: string; items?: Array<{error?: {description?: string}}>}
      message?: string
    }
    description = body.error?.description ?? body.message ?? text
    // Each refused mutation's reason, one a line, as @sanity/client words a mutationError.
    const reasons = (body.error?.items ?? []).map((item) => item.error?.description).filter(Boolean)
    if (reasons.length > 0) description += `:\n- ${reasons.join('\n- ')}`
  } catch {
    // Not JSON: keep the text.
  }
  return new Error(`${what} failed (${response.status}): ${description}`)
}

export async function importOverHttp(file: string, options: HttpImportOptions) {
  const base = options.url.replace(/\/+$/, '')
  const headers = {authorization: `Bearer ${options.token}`}
  const plan = await readImportFile(file, options.onProgress)
  if (plan.documents.length === 0) return {documents: 0, assets: 0}
  const target = {projectId: options.projectId, dataset: options.dataset, baseUrl: base}
  // Asset ids come from the bytes, so the transaction can be checked before anything is stored.
  const assets = await prepareAssets(plan, target)
  // The asset documents lead the transaction so the dry run's reference check sees them; after
  // the uploads have created them, the same mutations change nothing.
  const mutations = [
    ...assets.map((asset) => ({createIfNotExists: asset.document})),
    ...importMutations(plan, assets, options.mode),
  ]
  // The mutations go in batches within the lake's 10 MB body limit to an import the lake stages
  // (lake/datasets/import-route.ts); only its commit writes, as one transaction.
  const importUrl = `${base}/${API}/data/import/${encodeURIComponent(options.dataset)}`
  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: {...headers, 'content-type': 'application/json'},
      body: JSON.stringify(body),
    })
  const opened = await post(importUrl, {})
  if (!opened.ok) throw await failure(opened, 'The import')
  const {importId} = (await opened.json()) as {importId: string}
  const session = `${importUrl}/${encodeURIComponent(importId)}`
  try {
    for (const batch of batches(mutations, BATCH_BYTES)) {
      const sent = await post(session, {mutations: batch})
      if (!sent.ok) throw await failure(sent, 'The import')
      await sent.arrayBuffer()
    }
  } catch (error) {
    await fetch(session, {method: 'DELETE', headers}).catch(() => undefined)
    throw error
  }
  const commit = (dryRun: boolean) => post(`${session}/commit?dryRun=${dryRun}`, {})
  const dryRun = await commit(true)
  if (!dryRun.ok) {
    const error = await failure(dryRun, 'The import')
    await fetch(session, {method: 'DELETE', headers}).catch(() => undefined)
    throw error
  }
  await dryRun.arrayBuffer()
  for (const asset of assets) {
    const kind = asset.source.kind === 'image' ? 'images' : 'files'
    const query = new URLSearchParams({filename: basename(asset.source.file)})
    const response = await fetch(
      `${base}/${API}/assets/${kind}/${encodeURIComponent(options.dataset)}?${query}`,
      {
        method: 'POST',
        headers: {...headers, 'content-type': String(asset.document.mimeType)},
        body: new Uint8Array(asset.bytes),
      },
    )
    if (!response.ok) throw await failure(response, `Uploading ${asset.source.file}`)
    const {document} = (await response.json()) as {document: {_id: string}}
    if (document._id !== asset.document._id)
      throw new Error(
        `Uploading ${asset.source.file} gave asset ${document._id}, not ${asset.document._id}`,
      )
  }
  const committed = await commit(false)
  if (!committed.ok) throw await failure(committed, 'The import')
  await committed.arrayBuffer()
  return {documents: plan.documents.length, assets: assets.length}
}
