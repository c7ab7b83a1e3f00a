// A query's plan: parsed once per query and parameters, with what lets the runner
// (lake/query/groq.ts) read less than the whole view — the one type its `*` can read, its
// top-level filter, whether `now()` keeps it from being cached — and groq-js's missing
// `text::query()` rewritten into `match` patterns.
import {parse} from 'groq-js'
import {parseError} from './groq-errors'
import type {ResultScope} from './results'

/** What running a query needs besides the documents: parsed once per query and parameters. */
export interface Plan {
  tree: ReturnType<typeof parse>
  /** The parameters, with the `text::query()` patterns added. */
  params: Record<string, unknown>
  /** The only type its `*` can read (singleTypeScanned below), or null. */
  type: string | null
  scanned: ResultScope['scanned']
  /** Its only `*` is filtered: the filter, and the tree with that `*` unfiltered. */
  filter: {node: Node; bare: ReturnType<typeof parse>} | null
  /** The filter with its parameters, naming its memo. */
  filterKey: string
  /** now() changes between runs, so its answers are neither cached nor memoised. */
  timeless: boolean
}

const plans = new Map<string, Plan>()
const MAX_PLANS = 500

export function planOf(query: string, params: Record<string, unknown>, paramsJson: string): Plan {
  const key = `${query}\u0000${paramsJson}`
  const known = plans.get(key)
  if (known) return known
  const text = withTextQueries(query, params)
  let tree
  try {
    tree = parse(text.query, {params: text.params})
  } catch (error) {
    throw parseError(query, error)
  }
  const type = singleTypeScanned(tree)
  const everything = everythingCount(tree)
  const node = everything === 1 ? scannedFilter(tree) : null
  const filterKey = node ? `${JSON.stringify(node)}\u0000${JSON.stringify(text.params)}` : ''
  const plan: Plan = {
    tree,
    params: text.params,
    type,
    scanned: type !== null ? {type} : everything === 0 ? 'none' : 'all',
    filter: node ? {node, bare: unfiltered(tree, node)} : null,
    filterKey,
    timeless: !/\bnow\s*\(/.test(query),
  }
  if (plans.size >= MAX_PLANS) plans.clear()
  plans.set(key, plan)
  return plan
}

/** The filter node `*[…]` of the query's only `*`, if the query reads `*` through one. */
function scannedFilter(tree: unknown): Node | null {
  let node = tree as Node | undefined
  while (node && typeof node === 'object') {
    if (node.type === 'Filter' && (node.base as Node | undefined)?.type === 'Everything')
      return node
    node = node.base as Node | undefined
  }
  return null
}

/** A copy of `tree` with the filter node (on its `base` chain) replaced by the bare `*`. */
function unfiltered<T>(tree: T, filter: Node): T {
  const node = tree as Node
  if (node === filter) return filter.base as T
  return {...node, base: unfiltered(node.base as Node, filter)} as T
}

/**
 * groq-js has no `text::query()`, which the Studio's lists and search send. `x match
 * text::query($q)` becomes `x match $q'` with the terms as a `match` pattern: `*` stays a wildcard,
 * each word matches as a prefix, negated terms (`-word`) are dropped.
 */
export function withTextQueries(query: string, params: Record<string, unknown>) {
  if (!query.includes('text::query')) return {query, params}
  const extra: Record<string, unknown> = {}
  const rewritten = query.replace(
    /text::query\(\s*(\$[A-Za-z_]\w*|"(?:[^"\\]|\\.)*")\s*\)/g,
    (_m, arg: string) => {
      const text = arg.startsWith('$') ? params[arg.slice(1)] : JSON.parse(arg)
      const name = `__lakeTextQuery${Object.keys(extra).length}`
      extra[name] = textQueryPattern(typeof text === 'string' ? text : '')
      return `$${name}`
    },
  )
  return {query: rewritten, params: {...params, ...extra}}
}

function textQueryPattern(text: string): string[] {
  const terms = text
    .match(/"[^"]*"|\S+/g)
    ?.map((t) => t.replace(/^"|"$/g, ''))
    .filter((t) => t !== '' && !t.startsWith('-'))
    .map((t) => (t === '*' || t.endsWith('*') ? t : `${t}*`))
  return terms && terms.length > 0 ? terms : ['*']
}

export type Node = {type: string; [key: string]: unknown}

/**
 * The document type a query can only ever read, or null. True when the query has a single `*`
 * and it sits under a filter whose leftmost conjunct is `_type == "<type>"`: then evaluating over
 * that type's documents gives the same result (`->` goes through the id map, not the dataset).
 */
export function singleTypeScanned(tree: unknown): string | null {
  if (everythingCount(tree) !== 1) return null
  let node = tree as Node | undefined
  while (node && typeof node === 'object') {
    if (node.type === 'Filter' && (node.base as Node | undefined)?.type === 'Everything')
      return typeOfCondition(node.expr as Node)
    node = node.base as Node | undefined
  }
  return null
}

/** How many `*` the query has. */
export function everythingCount(tree: unknown): number {
  return JSON.stringify(tree).split('"type":"Everything"').length - 1
}

function typeOfCondition(expr: Node | undefined): string | null {
  if (!expr) return null
  if (expr.type === 'And') return typeOfCondition(expr.left as Node)
  if (expr.type !== 'OpCall' || expr.op !== '==') return null
  const [left, right] = [expr.left as Node, expr.right as Node]
  const isType = (n: Node) => n.type === 'AccessAttribute' && n.name === '_type' && !n.base
  const value = (n: Node) => (n.type === 'Value' && typeof n.value === 'string' ? n.value : null)
  if (isType(left)) return value(right)
  if (isType(right)) return value(left)
  return null
}
