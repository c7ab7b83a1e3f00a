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

// SHA-256 (FIPS 180-4) computed synchronously, for the places that cannot wait for Web Crypto:
// a list preview's `prepare` runs synchronously.
const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))

/** The SHA-256 of `bytes` as 64 hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  // Padding: a 1 bit, zeros, then the length in bits as a 64-bit big-endian number.
  const blocks = Math.ceil((bytes.length + 9) / 64)
  const padded = new Uint8Array(blocks * 64)
  padded.set(bytes)
  padded[bytes.length] = 0x80
  const view = new DataView(padded.buffer)
  const bits = bytes.length * 8
  view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000))
  view.setUint32(padded.length - 4, bits >>> 0)

  const hash = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ])
  const w = new Uint32Array(64)
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4)
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15]!
      const w2 = w[i - 2]!
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10)
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0
    }
    let [a, b, c, d, e, f, g, h] = hash as unknown as number[]
    for (let i = 0; i < 64; i++) {
      const t1 =
        (h! +
          (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) +
          ((e! & f!) ^ (~e! & g!)) +
          SHA256_K[i]! +
          w[i]!) >>>
        0
      const t2 =
        ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) >>> 0
      h = g
      g = f
      f = e
      e = (d! + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    const next = [a, b, c, d, e, f, g, h]
    for (let i = 0; i < 8; i++) hash[i] = (hash[i]! + next[i]!) >>> 0
  }
  return Array.from(hash, (word) => word.toString(16).padStart(8, '0')).join('')
}

/** The same fingerprint as `fingerprintOf`, computed synchronously (for list previews). */
export function fingerprintOfSync(doc: Obj | null | undefined): string {
  return FINGERPRINT_PREFIX + sha256Hex(new TextEncoder().encode(fingerprintInput(doc)))
}
