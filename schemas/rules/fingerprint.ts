// The fingerprint of a text's medical content: what a clinician's approval covers. It is the
// SHA-256 of a canonical JSON form of the medical fields, so it stays the same when only keys,
// key order or span splits change, and changes with any word, mark, link, source or tag.
// SEO, ordering, sharing and review fields are not part of it: changing them needs no review.

/** The fields a medical review covers, for articles (title, summary, body) and FAQs (question, answer). */
export const MEDICAL_CONTENT_FIELDS = [
  'title',
  'question',
  'summary',
  'body',
  'answer',
  'sources',
  'conditions',
  'treatments',
] as const

/** Prefix naming the canonical form, so a later form can live beside this one. */
export const FINGERPRINT_PREFIX = 'v1:'

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}
type Obj = Record<string, unknown>

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Structural underscore keys carry identity, not content: `_type` and `_ref` stay. */
const KEPT_UNDERSCORE_KEYS = new Set(['_type', '_ref'])

function canonicalValue(value: unknown): Json | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (Array.isArray(value)) {
    const items = value.map(canonicalValue).filter((item) => item !== undefined)
    return items.length > 0 ? items : undefined
  }
  if (!isObject(value)) return undefined
  if (typeof value._ref === 'string') return {_ref: value._ref}
  if (value._type === 'block' && Array.isArray(value.children)) return canonicalBlock(value)
  const out: {[key: string]: Json} = {}
  for (const key of Object.keys(value).sort()) {
    if (key.startsWith('_') && !KEPT_UNDERSCORE_KEYS.has(key)) continue
    const item = canonicalValue(value[key])
    if (item !== undefined) out[key] = item
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * A Portable Text block without keys: each mark that points at a mark definition (a link, a
 * citation) is replaced by the definition itself, and neighbouring spans with the same marks
 * are joined, since the editor may split or merge spans without changing a word.
 */
function canonicalBlock(block: Obj): Json | undefined {
  const defs = new Map<string, Json | undefined>()
  for (const def of Array.isArray(block.markDefs) ? block.markDefs : [])
    if (isObject(def) && typeof def._key === 'string') defs.set(def._key, canonicalValue(def))

  const children: Json[] = []
  let previousMarks: string | undefined
  for (const child of block.children as unknown[]) {
    if (!isObject(child)) continue
    if (child._type !== 'span') {
      const inline = canonicalValue(child)
      if (inline !== undefined) children.push(inline)
      previousMarks = undefined
      continue
    }
    const marks = (Array.isArray(child.marks) ? child.marks : [])
      .filter((mark): mark is string => typeof mark === 'string')
      .map((mark) => (defs.has(mark) ? JSON.stringify(defs.get(mark) ?? null) : mark))
      .sort()
    const text = typeof child.text === 'string' ? child.text : ''
    const marksKey = JSON.stringify(marks)
    const last = children.at(-1)
    if (previousMarks === marksKey && isObject(last) && typeof last.text === 'string') {
      last.text += text
      continue
    }
    if (text === '') continue
    children.push(marks.length > 0 ? {_type: 'span', marks, text} : {_type: 'span', text})
    previousMarks = marksKey
  }

  const out: {[key: string]: Json} = {_type: 'block', children}
  for (const key of ['style', 'listItem', 'level'] as const) {
    const item = canonicalValue(block[key])
    if (item !== undefined) out[key] = item
  }
  return out
}

/** The medical fields of a document, canonicalised: equal for texts a reader cannot tell apart. */
export function medicalContent(doc: Obj | null | undefined): {[key: string]: Json} {
  const out: {[key: string]: Json} = {}
  for (const field of MEDICAL_CONTENT_FIELDS) {
    const value = canonicalValue(doc?.[field])
    if (value !== undefined) out[field] = value
  }
  return out
}

/** JSON with object keys in code-point order at every depth. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isObject(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as Json)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The string that is hashed: the canonical JSON of the document's medical content. */
export function fingerprintInput(doc: Obj | null | undefined): string {
  return canonicalJson(medicalContent(doc))
}

const toHex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('')

/**
 * The fingerprint, e.g. "v1:3f5a…" (64 hex digits). Web Crypto, so the Studio in the browser,
 * the lake and the content tools in Node compute the same value from the same code.
 */
export async function fingerprintOf(doc: Obj | null | undefined): Promise<string> {
  const bytes = new TextEncoder().encode(fingerprintInput(doc))
  return FINGERPRINT_PREFIX + toHex(await globalThis.crypto.subtle.digest('SHA-256', bytes))
}

function blockText(block: unknown): string {
  if (!isObject(block)) return ''
  if (Array.isArray(block.children))
    return block.children
      .map((child) => (isObject(child) && typeof child.text === 'string' ? child.text : ''))
      .join('')
  return typeof block.text === 'string' ? block.text : ''
}

/**
 * The medical content as plain text, one paragraph per line, for showing what an approval
 * covered next to the text as it is now. Tags and sources are listed by id and title.
 */
export function medicalText(doc: Obj | null | undefined): string {
  const lines: string[] = []
  for (const field of ['title', 'question', 'summary'] as const) {
    const value = doc?.[field]
    if (typeof value === 'string' && value.trim()) lines.push(value.trim())
  }
  for (const field of ['body', 'answer'] as const) {
    const value = doc?.[field]
    if (Array.isArray(value)) for (const block of value) lines.push(blockText(block))
  }
  const sources = Array.isArray(doc?.sources) ? doc.sources : []
  for (const source of sources)
    if (isObject(source))
      lines.push(
        `Source: ${[source.title, source.publisher, source.url].filter(Boolean).join(', ')}`,
      )
  for (const field of ['conditions', 'treatments'] as const) {
    const refs = Array.isArray(doc?.[field]) ? (doc[field] as unknown[]) : []
    const ids = refs.map((ref) => (isObject(ref) ? ref._ref : undefined)).filter(Boolean)
    if (ids.length > 0)
      lines.push(`${field === 'conditions' ? 'Conditions' : 'Treatments'}: ${ids.join(', ')}`)
  }
  return lines.filter((line) => line.trim() !== '').join('\n')
}
