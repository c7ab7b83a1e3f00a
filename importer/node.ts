// The converter's context in Node: jsdom for HTML and XML, files read from disk, and the
// sources found in the paths given on the command line.
import {readdir, readFile, stat} from 'node:fs/promises'
import {extname, join, relative, sep} from 'node:path'
import {JSDOM} from 'jsdom'
import type {ConvertContext, ImportSource} from './types'

export const parseHtml = (html: string): Document => new JSDOM(html).window.document

export const parseXml = (xml: string): Document =>
  new JSDOM(xml, {contentType: 'text/xml'}).window.document

/** A local file's bytes, or null when there is no such file. */
export async function readLocalFile(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path))
  } catch {
    return null
  }
}

export function nodeContext(extra: Partial<ConvertContext> = {}): ConvertContext {
  return {parseHtml, parseXml, readFile: readLocalFile, ...extra}
}

/** Files the importer reads; images and everything else in a folder are left alone. */
export const SOURCE_EXTENSIONS = new Set(['.html', '.htm', '.md', '.markdown', '.xml', '.txt'])

/** Paths as the ids use them: relative to the working folder, with / on every system. */
const sourceName = (path: string) => relative(process.cwd(), path).split(sep).join('/') || path

/** Every source in the paths: files as given, and folders' source files, recursively, in order. */
export async function collectSources(
  paths: string[],
): Promise<{sources: ImportSource[]; missing: string[]}> {
  const sources: ImportSource[] = []
  const missing: string[] = []
  const visit = async (path: string, given: boolean) => {
    let info
    try {
      info = await stat(path)
    } catch {
      missing.push(path)
      return
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort()
      for (const entry of entries) await visit(join(path, entry), false)
      return
    }
    if (!given && !SOURCE_EXTENSIONS.has(extname(path).toLowerCase())) return
    sources.push({name: sourceName(path), text: await readFile(path, 'utf8')})
  }
  for (const path of paths) await visit(path, true)
  return {sources, missing}
}
