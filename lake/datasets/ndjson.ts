// NDJSON import and export in the format of `sanity dataset import` / `sanity dataset export`:
// one JSON document per line, each with _id and _type, assets as `_sanityAsset` fields.
import {createReadStream, existsSync, readFileSync} from 'node:fs'
import {basename, dirname, resolve} from 'node:path'
import {createInterface} from 'node:readline'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {describeAsset, storeAssetBytes, type AssetKind, type AssetTarget} from '../assets/store'
import {badRequest} from '../http/errors'
import type {LakeStore} from '../store/store'
import type {LakeDocument, RawMutation} from '../store/types'

/**
 * What happens to a document whose id exists, as in `sanity dataset import`: `fail` (the
 * default), `replace` (`--replace`) or `missing` (`--missing`: skip it). The CLI maps them to
 * create / createOrReplace / createIfNotExists (@sanity/cli dist/commands/datasets/import.js).
 */
export type ImportMode = 'fail' | 'replace' | 'missing'

const OPERATION: Record<ImportMode, string> = {
  fail: 'create',
  replace: 'createOrReplace',
  missing: 'createIfNotExists',
}

export interface ImportOptions {
  mode?: ImportMode
  /** Same as `mode: 'replace'`. */
  replace?: boolean
  /** Where asset bytes go and how asset documents are addressed, for `_sanityAsset` fields. */
  assets?: {dir: string; target: AssetTarget}
  /** Called after each line is read, for progress display. */
  onProgress?: (linesRead: number, bytesRead: number) => void
}

/** A local file a `_sanityAsset` field names, and the objects that point at it. */
export interface AssetSource {
  kind: AssetKind
  file: string
  holders: Array<Record<string, unknown>>
}

export interface ImportPlan {
  /** The documents as read, `_sanityAsset` fields still in place. */
  documents: Array<Record<string, unknown>>
  /** By the asset's source (kind and absolute file URL). */
  assets: Map<string, AssetSource>
}

/** An asset file read and described, ready to be stored. */
export interface PreparedAsset {
  source: AssetSource
  bytes: Buffer
  document: Record<string, unknown> & {_id: string; _type: string}
  fileName: string
}

// `image@file://…` / `file@https://…` (@sanity/import src/assetRefs.ts).
const ASSET_VALUE = /^(file|image)@([a-z]+:\/\/.*)$/

/**
 * Reads and checks every line before anything is written: JSON, _id and _type, duplicate ids,
 * and every `_sanityAsset` (its form, a local file that exists; http(s) sources cannot be fetched
 * offline). Any problem fails the whole import.
 */
export async function readImportFile(
  file: string,
  onProgress?: ImportOptions['onProgress'],
): Promise<ImportPlan> {
  const stream = createReadStream(file)
  const lines = createInterface({input: stream, crlfDelay: Infinity})
  const documents: Array<Record<string, unknown>> = []
  const assets = new Map<string, AssetSource>()
  const seen = new Set<string>()
  const remote: string[] = []
  const missing: string[] = []
  // `file://./x` is relative to the import file's folder, as in @sanity/import's absolutifyPaths.
  const base = pathToFileURL(dirname(resolve(file))).href
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    onProgress?.(lineNumber, stream.bytesRead)
    if (line.trim() === '') continue
    let doc: Record<string, unknown>
    try {
      doc = JSON.parse(line) as Record<string, unknown>
    } catch {
      throw badRequest(`${file}:${lineNumber}: not valid JSON`)
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
      throw badRequest(`${file}:${lineNumber}: each line must be one JSON document`)
    if (typeof doc._id !== 'string' || typeof doc._type !== 'string')
      throw badRequest(`${file}:${lineNumber}: every document needs _id and _type`)
    if (seen.has(doc._id)) throw badRequest(`${file}:${lineNumber}: duplicate _id "${doc._id}"`)
    seen.add(doc._id)
    for (const holder of assetHolders(doc)) {
      const value = holder._sanityAsset
      const match = typeof value === 'string' ? ASSET_VALUE.exec(value) : null
      if (!match)
        throw badRequest(
          `${file}:${lineNumber}: _sanityAsset must be image@<url> or file@<url> (document "${doc._id}")`,
        )
      const kind = match[1] as AssetKind
      const url = match[2]!.replace(/^file:\/\/\.\//i, `${base}/`)
      if (!url.startsWith('file://')) {
        remote.push(`${url} (document "${doc._id}")`)
        continue
      }
      const key = `${kind}@${url}`
      let source = assets.get(key)
      if (!source) {
        const path = fileURLToPath(url)
        if (!existsSync(path)) missing.push(`${path} (document "${doc._id}")`)
        assets.set(key, (source = {kind, file: path, holders: []}))
      }
      source.holders.push(holder)
    }
    documents.push(doc)
  }
  if (remote.length > 0)
    throw badRequest(
      `The lake works offline and cannot fetch these assets; download them and use file:// paths:\n  ${remote.join('\n  ')}`,
    )
  if (missing.length > 0)
    throw badRequest(`These asset files do not exist:\n  ${missing.join('\n  ')}`)
  return {documents, assets}
}

/** Every object (at any depth) that carries a `_sanityAsset` field. */
function assetHolders(value: unknown, found: Array<Record<string, unknown>> = []) {
  if (Array.isArray(value)) for (const item of value) assetHolders(item, found)
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>
    if ('_sanityAsset' in object) found.push(object)
    for (const [key, child] of Object.entries(object))
      if (key !== '_sanityAsset') assetHolders(child, found)
  }
  return found
}

/** Reads each asset file and describes its asset document (images are checked by sharp). */
export async function prepareAssets(
  plan: ImportPlan,
  target: AssetTarget,
): Promise<PreparedAsset[]> {
  const prepared: PreparedAsset[] = []
  for (const source of plan.assets.values()) {
    const bytes = readFileSync(source.file)
    let described
    try {
      described = await describeAsset(source.kind, bytes, target, {
        filename: basename(source.file),
      })
    } catch (error) {
      throw badRequest(`${source.file}: ${(error as Error).message}`)
    }
    prepared.push({source, bytes, ...described})
  }
  return prepared
}

/**
 * The documents' mutations, each `_sanityAsset` replaced by a reference to its asset the way
 * Sanity's import patches it (@sanity/import src/uploadAssets.ts, assetRefs.ts): the field goes;
 * an object left empty becomes `{_type: 'image'|'file'}`; `asset` becomes
 * `{_ref: <asset id>, _type: 'reference'}`.
 */
export function importMutations(
  plan: ImportPlan,
  assets: PreparedAsset[],
  mode: ImportMode,
): RawMutation[] {
  const documents = structuredClone(plan.documents)
  // structuredClone keeps object identity within one clone, but not with the plan: find the
  // holders again in the copies.
  const idBySource = new Map(assets.map((asset) => [asset.source, asset.document._id]))
  const idByHolder = new Map<Record<string, unknown>, {id: string; kind: AssetKind}>()
  for (const [source, id] of idBySource)
    for (const holder of source.holders) idByHolder.set(holder, {id, kind: source.kind})
  const originals = plan.documents.flatMap((doc) => assetHolders(doc))
  const copies = documents.flatMap((doc) => assetHolders(doc))
  copies.forEach((holder, index) => {
    const ref = idByHolder.get(originals[index]!)
    if (!ref) throw new Error('An asset was not prepared before import')
    delete holder._sanityAsset
    if (Object.keys(holder).length === 0) holder._type = ref.kind
    holder.asset = {_ref: ref.id, _type: 'reference'}
  })
  return documents.map((doc) => {
    const {_rev: _ignored, _updatedAt: _u, ...body} = doc
    return {[OPERATION[mode]]: body}
  })
}

export function importModeOf(options: ImportOptions): ImportMode {
  return options.mode ?? (options.replace ? 'replace' : 'fail')
}

/**
 * Imports into a store: reads and checks every line and asset first, then writes asset bytes
 * and all documents (asset documents included) in one atomic transaction.
 */
export async function importNdjson(store: LakeStore, file: string, options: ImportOptions = {}) {
  const plan = await readImportFile(file, options.onProgress)
  if (plan.assets.size > 0 && !options.assets)
    throw badRequest(`${file} has _sanityAsset fields, and this import has no assets folder`)
  const assets = options.assets ? await prepareAssets(plan, options.assets.target) : []
  const mutations = [
    ...assets.map((asset) => ({createIfNotExists: asset.document})),
    ...importMutations(plan, assets, importModeOf(options)),
  ]
  if (plan.documents.length === 0) return {documents: 0, assets: 0}
  // Content-addressed bytes: any left by a failed commit are simply unused.
  for (const asset of assets) storeAssetBytes(options.assets!.dir, asset.fileName, asset.bytes)
  await store.commit(mutations, {author: 'import', administrator: true})
  return {documents: plan.documents.length, assets: assets.length}
}

export function toNdjsonLine(doc: LakeDocument): string {
  return `${JSON.stringify(doc)}\n`
}
