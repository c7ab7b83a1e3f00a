// The fingerprint of a text's medical content, as the clinic's review model computes it (its v1
// canonical form): the SHA-256 of a canonical JSON of the medical fields, without keys, each
// mark pointing at a definition replaced by the definition, neighbouring spans with the same marks
// joined, references reduced to their `_ref`. The package carries its own compact copy; a test
// holds it equal to the model's for generated texts and for every reviewed sample document.

type Obj = Record<string, unknown>
type Json = unknown

/** The fields a medical review covers, in the model's order. */
const FIELDS = [
  'title',
  'question',
  'summary',
  'body',
  'answer',
  'sources',
  'conditions',
  'treatments',
]

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function canonical(value: unknown): Json {
  if (value === null) return undefined
  const type = typeof value
  if (type === 'string' || type === 'boolean') return value
  if (type === 'number') return Number.isFinite(value) ? value : undefined
  if (Array.isArray(value)) {
    const items = value.map(canonical).filter((item) => item !== undefined)
    return items.length ? items : undefined
  }
  if (!isObject(value)) return undefined
  if (typeof value._ref === 'string') return {_ref: value._ref}
  if (value._type === 'block' && Array.isArray(value.children)) return block(value)
  const out: Obj = {}
  for (const key of Object.keys(value).sort()) {
    if (key[0] === '_' && key !== '_type' && key !== '_ref') continue
    const item = canonical(value[key])
    if (item !== undefined) out[key] = item
  }
  return Object.keys(out).length ? out : undefined
}

function block(value: Obj): Obj {
  const defs = new Map<string, Json>()
  for (const def of Array.isArray(value.markDefs) ? value.markDefs : [])
    if (isObject(def) && typeof def._key === 'string') defs.set(def._key, canonical(def))
  const children: Obj[] = []
  let previous: string | undefined
  for (const child of value.children as unknown[]) {
    if (!isObject(child)) continue
    if (child._type !== 'span') {
      const inline = canonical(child) as Obj | undefined
      if (inline !== undefined) children.push(inline)
      previous = undefined
      continue
    }
    const marks = (Array.isArray(child.marks) ? child.marks : [])
      .filter((mark): mark is string => typeof mark === 'string')
      .map((mark) => (defs.has(mark) ? JSON.stringify(defs.get(mark) ?? null) : mark))
      .sort()
    const text = typeof child.text === 'string' ? child.text : ''
    const key = JSON.stringify(marks)
    const last = children.at(-1)
    if (previous === key && isObject(last) && typeof last.text === 'string') {
      last.text += text
      continue
    }
    if (!text) continue
    children.push(marks.length ? {_type: 'span', marks, text} : {_type: 'span', text})
    previous = key
  }
  const out: Obj = {_type: 'block', children}
  for (const key of ['style', 'listItem', 'level']) {
    const item = canonical(value[key])
    if (item !== undefined) out[key] = item
  }
  return out
}

/** JSON with object keys in code-point order at every depth. */
const json = (value: Json): string =>
  Array.isArray(value)
    ? `[${value.map(json)}]`
    : isObject(value)
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${json(value[key])}`)}}`
      : JSON.stringify(value)

/** The canonical JSON that is hashed. */
export function fingerprintInput(doc: object): string {
  const out: Obj = {}
  for (const field of FIELDS) {
    const item = canonical((doc as Obj)[field])
    if (item !== undefined) out[field] = item
  }
  return json(out)
}

/** `v1:` and the SHA-256 of the document's medical content (Web Crypto), as 64 hex digits. */
export async function fingerprintOf(doc: object): Promise<string> {
  const hash = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(fingerprintInput(doc)),
  )
  return `v1:${[...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`
}
