// NDJSON import and export in the format of `sanity dataset import` / `sanity dataset export`:
// one JSON document per line, each with _id and _type.
import {createReadStream} from 'node:fs'
import {createInterface} from 'node:readline'
import {badRequest} from './errors'
import type {LakeDocument, LakeStore, RawMutation} from './store'

export interface ImportOptions {
  /** Replace documents that already exist (like `--replace`); otherwise an existing id fails the import. */
  replace?: boolean
  /** Called after each line is read, for progress display. */
  onProgress?: (linesRead: number, bytesRead: number) => void
}

/** Reads and checks every line first, then writes all documents in one atomic transaction. */
export async function importNdjson(store: LakeStore, file: string, options: ImportOptions = {}) {
  const stream = createReadStream(file)
  const lines = createInterface({input: stream, crlfDelay: Infinity})
  const mutations: RawMutation[] = []
  const seen = new Set<string>()
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    options.onProgress?.(lineNumber, stream.bytesRead)
    if (line.trim() === '') continue
    let doc: Record<string, unknown>
    try {
      doc = JSON.parse(line) as Record<string, unknown>
    } catch {
      throw badRequest(`${file}:${lineNumber}: not valid JSON`)
    }
    if (typeof doc._id !== 'string' || typeof doc._type !== 'string')
      throw badRequest(`${file}:${lineNumber}: every document needs _id and _type`)
    if (seen.has(doc._id)) throw badRequest(`${file}:${lineNumber}: duplicate _id "${doc._id}"`)
    seen.add(doc._id)
    const {_rev: _ignored, _updatedAt: _u, ...body} = doc
    mutations.push(options.replace ? {createOrReplace: body} : {create: body})
  }
  if (mutations.length === 0) return {documents: 0}
  await store.commit(mutations, {author: 'import'})
  return {documents: mutations.length}
}

export function toNdjsonLine(doc: LakeDocument): string {
  return `${JSON.stringify(doc)}\n`
}
