// Portable Text as stored, made safe to render. Text written through the API or before a schema
// change may hold nulls, non-objects or lists nested deeper than any editor makes; tools that
// assume well-formed blocks throw on them (@portabletext/toolkit: `'_type' in null`). What cannot
// be read is left out on its own, and counted so the element can say so once.

/** Counts of what was left out, by kind ("span", "mark definition", …). */
export type Tally = Record<string, number>

export type PortableTextNode = {_type: string; [key: string]: unknown}

export interface CleanText {
  nodes: PortableTextNode[]
  skipped: Tally
}

/**
 * The deepest list level rendered. Deeper items move up to it: each level is a nested template,
 * and thousands of them overflow the stack.
 */
export const MAX_LIST_LEVEL = 20

const cleaned = new WeakMap<object, CleanText>()

type Fields = {[key: string]: unknown}
const isObject = (value: unknown): value is Fields => value !== null && typeof value === 'object'
/** A node with a `_type` string, and not one of the trees' own (`@list`, `@span`, `@text`). */
const isNode = (value: unknown): value is PortableTextNode =>
  isObject(value) && typeof value._type === 'string' && value._type[0] !== '@'

/** The blocks of a Portable Text value that can be rendered, each readable, once per value. */
export function cleanText(value: unknown): CleanText {
  if (!Array.isArray(value)) return {nodes: [], skipped: value == null ? {} : {text: 1}}
  let result = cleaned.get(value)
  if (result) return result
  const skipped: Tally = {}
  const count = (kind: string): false => ((skipped[kind] = (skipped[kind] ?? 0) + 1), false)
  /** The items of `list` that pass `test`; each other one is counted as `kind`. */
  const keep = <T>(list: unknown, test: (item: unknown) => boolean, kind: string): T[] =>
    Array.isArray(list) ? (list.filter((item) => test(item) || count(kind)) as T[]) : []
  const nodes = keep<PortableTextNode>(
    value,
    (node) => isNode(node) && (node._type !== 'block' || Array.isArray(node.children)),
    'block',
  ).map((node) => {
    if (node._type !== 'block') return node
    const {level} = node
    if (typeof level === 'number' && level > MAX_LIST_LEVEL)
      count(`list level over ${MAX_LIST_LEVEL} (flattened)`)
    return {
      ...node,
      markDefs: keep(
        node.markDefs,
        (def) => isNode(def) && typeof def._key === 'string',
        'mark definition',
      ),
      children: keep<Fields>(
        node.children,
        (child) => isNode(child) && (child._type !== 'span' || typeof child.text === 'string'),
        'span',
      ).map((child) =>
        child._type === 'span' ? {...child, marks: keep(child.marks, isString, 'mark')} : child,
      ),
      // Every level up to `level` is built (1e308 would never end); whole levels only.
      ...(typeof level === 'number' && {
        level: Math.max(1, Math.min(MAX_LIST_LEVEL, Math.round(level))),
      }),
    }
  })
  result = {nodes, skipped}
  cleaned.set(value, result)
  return result
}

const isString = (value: unknown) => typeof value === 'string'
