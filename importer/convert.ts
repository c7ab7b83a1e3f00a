// Source markup → our Portable Text. The libraries do the conversion (@portabletext/html for
// HTML, @portabletext/markdown for Markdown) against a schema derived from ours; normalizeBlocks
// then holds the result to that schema: heading levels mapped, unsafe links and images without
// a file removed (each reported), paragraphs split at blank lines, keys stable.
import {htmlToPortableText} from '@portabletext/html'
import {markdownToPortableText} from '@portabletext/markdown'
import {sha1Hex} from './ids'
import {STYLE_FALLBACK, sourceSchema, type PortableTextSchema} from './schema'
import type {MarkDef, Span} from '../model/portable-text'
import type {ConvertContext, ImportWarning, PlannedAsset, WarningKind} from './types'

export type {MarkDef, Span}
export interface TextBlock {
  _type: 'block'
  _key: string
  style: string
  children: Span[]
  markDefs: MarkDef[]
  listItem?: string
  level?: number
}
export interface ImageBlock {
  _type: 'image'
  _key: string
  asset: {_type: 'reference'; _ref: string}
  alt?: string
  caption?: string
}
export type BodyBlock = TextBlock | ImageBlock

/** What converting one text needs: where it came from, its keys, and where to report. */
export interface Conversion {
  source: string
  /** The source file's path, which relative image paths start from. */
  path: string
  keys: () => string
  warn(kind: WarningKind, message: string): void
  ctx: ConvertContext
  /** Local images found so far, by content hash (shared by the whole plan). */
  assets: Map<string, PlannedAsset>
  /** The document the images belong to. */
  documentId: string
}

/** Only these link schemes are kept (model/links.ts LINK_SCHEMES). */
const SAFE_LINK = /^(https?:\/\/|mailto:|tel:)/i
/** Placeholder asset ids, replaced by the uploaded asset's id when the plan is written. */
export const PENDING_ASSET_PREFIX = 'image-import-'

interface RawObject {
  _type: string
  _key?: string
  [field: string]: unknown
}

export function htmlToBlocks(
  doc: Document,
  content: Element,
  schema: PortableTextSchema,
  keys: () => string,
): RawObject[] {
  // The converter reads the document's body: give it just the article's content.
  if (content !== doc.body) doc.body.replaceChildren(...Array.from(content.childNodes))
  return htmlToPortableText('', {
    schema: sourceSchema(schema),
    keyGenerator: keys,
    parseHtml: () => doc,
    types: {
      image: ({context, value}) => ({
        _type: 'image',
        _key: context.keyGenerator(),
        src: value.src ?? '',
        ...(value.alt ? {alt: value.alt} : {}),
      }),
    },
  }) as RawObject[]
}

export function markdownToBlocks(
  markdown: string,
  schema: PortableTextSchema,
  keys: () => string,
  warn: Conversion['warn'],
): RawObject[] {
  const style = (name: string) => () => STYLE_FALLBACK[name] ?? name
  return markdownToPortableText(markdown, {
    schema: sourceSchema(schema),
    keyGenerator: keys,
    block: {h1: style('h1'), h5: style('h5'), h6: style('h6')},
    types: {
      image: ({context, value}) => ({
        _type: 'image',
        _key: context.keyGenerator(),
        src: value.src,
        ...(value.alt ? {alt: value.alt} : {}),
      }),
    },
    onDegradation: ({degradations}) => {
      for (const degradation of degradations)
        warn('markdown-degraded', `${degradation.message}${lineOf(degradation.line)}`)
    },
  }) as RawObject[]
}

const lineOf = (line: number | undefined) => (line ? ` (line ${line})` : '')

/** Blocks of plain text: paragraphs, and h2 headings. */
export function textBlocks(
  paragraphs: Array<{text: string; heading: boolean}>,
  keys: () => string,
): TextBlock[] {
  return paragraphs.map(({text, heading}) => ({
    _type: 'block',
    _key: keys(),
    style: heading ? 'h2' : 'normal',
    markDefs: [],
    children: [{_type: 'span', _key: keys(), text, marks: []}],
  }))
}

/** "folder/page.html" + "img/a.png" → "folder/img/a.png", with / as the separator everywhere. */
export function relativePath(from: string, target: string): string {
  const parts = from.replace(/\\/g, '/').split('/').slice(0, -1)
  for (const part of target.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

/** What an image's warnings call it: a body image, or the page's featured image. */
type ImageRole = 'body' | 'main'
const MAIN_IMAGE = 'Main image (the page’s featured image)'

async function imageBlock(
  raw: RawObject,
  run: Conversion,
  role: ImageRole = 'body',
): Promise<ImageBlock | undefined> {
  const src = typeof raw.src === 'string' ? raw.src.trim() : ''
  const alt = typeof raw.alt === 'string' ? raw.alt.replace(/\s+/g, ' ').trim() : ''
  const prefix = role === 'main' ? `${MAIN_IMAGE}: ` : ''
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
    const kind = /^(https?:)?\/\//i.test(src) ? 'Remote image' : 'Image with an inline address'
    run.warn('image-remote', `${prefix}${kind} not imported: ${src.slice(0, 120)}`)
    return undefined
  }
  if (!src) return undefined
  let path: string
  try {
    path = relativePath(run.path, decodeURIComponent(src.split(/[?#]/)[0] ?? ''))
  } catch {
    path = relativePath(run.path, src.split(/[?#]/)[0] ?? '')
  }
  const bytes = (await run.ctx.readFile?.(path)) ?? null
  if (!bytes) {
    run.warn('image-not-found', `${prefix}Image file not found: ${path}`)
    return undefined
  }
  const sha1 = await sha1Hex(bytes)
  const ref = `${PENDING_ASSET_PREFIX}${sha1}`
  const asset = run.assets.get(sha1) ?? {
    ref,
    path,
    filename: path.split('/').pop() ?? 'image',
    sha1,
    bytes,
    documents: [],
  }
  if (!asset.documents.includes(run.documentId)) asset.documents.push(run.documentId)
  run.assets.set(sha1, asset)
  if (!alt) run.warn('image-no-alt', `${prefix}Image without alternative text: ${path}`)
  return {
    _type: 'image',
    _key: run.keys(),
    asset: {_type: 'reference', _ref: ref},
    ...(alt ? {alt} : {}),
  }
}

/** The article's main image (heroImage) from the page's featured image, planned as body images are. */
export async function mainImage(
  image: {src: string; alt?: string},
  run: Conversion,
): Promise<Omit<ImageBlock, '_key' | 'caption'> | undefined> {
  const block = await imageBlock({_type: 'image', ...image}, run, 'main')
  if (!block) return undefined
  const {_key: _unused, caption: _none, ...hero} = block
  return hero
}

function cleanText(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[ \t\r\f\v]+/g, ' ')
}

/** One source block as our blocks: split at blank lines, with only the schema's marks. */
function textBlock(raw: RawObject, schema: PortableTextSchema, run: Conversion): TextBlock[] {
  const styles = new Set(schema.styles.map((s) => s.name))
  const lists = new Set(schema.lists.map((l) => l.name))
  const decorators = new Set(schema.decorators.map((d) => d.name))
  const annotations = new Set(schema.annotations.map((a) => a.name))
  const rawStyle = typeof raw.style === 'string' ? raw.style : 'normal'
  const mapped = STYLE_FALLBACK[rawStyle] ?? rawStyle
  const style = styles.has(mapped) ? mapped : 'normal'
  const listItem =
    typeof raw.listItem === 'string' && lists.has(raw.listItem) ? raw.listItem : undefined

  // Mark definitions we keep, under new stable keys.
  const defKeys = new Map<string, MarkDef>()
  for (const def of (raw.markDefs ?? []) as MarkDef[]) {
    if (!annotations.has(def._type)) continue
    if (def._type === 'link') {
      const href = typeof def.href === 'string' ? def.href.trim() : ''
      if (!SAFE_LINK.test(href)) {
        run.warn('link-removed', `Link kept as plain text: ${href.slice(0, 120) || '(empty)'}`)
        continue
      }
      defKeys.set(def._key, {_type: 'link', _key: run.keys(), href})
      continue
    }
    defKeys.set(def._key, {...def, _key: run.keys()})
  }

  // Spans, cut into paragraphs where the source had a blank line (<br><br>).
  const paragraphs: Array<Array<{text: string; marks: string[]}>> = [[]]
  for (const child of (raw.children ?? []) as RawObject[]) {
    if (child._type !== 'span') continue
    const marks = ((child.marks ?? []) as string[]).flatMap((mark) =>
      decorators.has(mark) ? [mark] : defKeys.has(mark) ? [defKeys.get(mark)!._key] : [],
    )
    const pieces = cleanText(String(child.text ?? '')).split(/\n[ ]*\n\s*/)
    pieces.forEach((piece, index) => {
      if (index > 0) paragraphs.push([])
      paragraphs.at(-1)!.push({text: piece.replace(/\s*\n\s*/g, ' '), marks})
    })
  }
  const blocks: TextBlock[] = []
  for (const spans of paragraphs) {
    // Trim the paragraph's edges, then drop empty spans; a block with no words is dropped.
    const first = spans.findIndex((s) => s.text.trim() !== '')
    if (first < 0) continue
    const trimmed = spans.slice(first)
    const lastIndex = trimmed.length - 1 - [...trimmed].reverse().findIndex((s) => s.text.trim())
    const kept = trimmed.slice(0, lastIndex + 1)
    kept[0] = {...kept[0]!, text: kept[0]!.text.trimStart()}
    kept[kept.length - 1] = {...kept.at(-1)!, text: kept.at(-1)!.text.trimEnd()}
    const children: Span[] = kept
      .filter((s) => s.text !== '')
      .map((s) => ({_type: 'span', _key: run.keys(), text: s.text, marks: s.marks}))
    const used = new Set(children.flatMap((c) => c.marks))
    blocks.push({
      _type: 'block',
      _key: run.keys(),
      style,
      markDefs: [...defKeys.values()].filter((def) => used.has(def._key)),
      children,
      ...(listItem ? {listItem, level: typeof raw.level === 'number' ? raw.level : 1} : {}),
    })
  }
  return blocks
}

/** The converter's output held to our schema. */
export async function normalizeBlocks(
  raw: RawObject[],
  schema: PortableTextSchema,
  run: Conversion,
): Promise<BodyBlock[]> {
  const images = schema.blockObjects.some((object) => object.name === 'image')
  const out: BodyBlock[] = []
  for (const item of raw) {
    if (item._type === 'block') out.push(...textBlock(item, schema, run))
    else if (item._type === 'image' && images) {
      const image = await imageBlock(item, run)
      if (image) out.push(image)
    }
  }
  return out
}

/** Blocks of an article, as an FAQ's answer (simpleBlockContent): paragraphs and lists only. */
export function toAnswerBlocks(
  blocks: BodyBlock[],
  schema: PortableTextSchema,
  keys: () => string,
): TextBlock[] {
  const decorators = new Set(schema.decorators.map((d) => d.name))
  const annotations = new Set(schema.annotations.map((a) => a.name))
  const lists = new Set(schema.lists.map((l) => l.name))
  return blocks.flatMap((block): TextBlock[] => {
    if (block._type !== 'block') return []
    const renamed = new Map<string, string>()
    const markDefs = block.markDefs
      .filter((def) => annotations.has(def._type))
      .map((def) => {
        const _key = keys()
        renamed.set(def._key, _key)
        return {...def, _key}
      })
    const {listItem, level} = block
    return [
      {
        _type: 'block',
        _key: keys(),
        style: 'normal',
        markDefs,
        children: block.children.map((span) => ({
          _type: 'span',
          _key: keys(),
          text: span.text,
          marks: span.marks.flatMap((mark) =>
            decorators.has(mark) ? [mark] : renamed.has(mark) ? [renamed.get(mark)!] : [],
          ),
        })),
        ...(listItem && lists.has(listItem) ? {listItem, level: level ?? 1} : {}),
      },
    ]
  })
}

/** The words of blocks, for summaries and topic matching. */
export function plainText(block: BodyBlock): string {
  return block._type === 'block' ? block.children.map((span) => span.text).join('') : ''
}

export type {ImportWarning}
