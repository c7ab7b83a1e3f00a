// Runs GROQ with groq-js and turns its errors into Sanity's error responses.
import {evaluateSync, parse, toJS} from 'groq-js'
import type {PerspectiveView} from './perspectives'
import {LakeError} from './errors'

/**
 * Evaluates synchronously (groq-js's async mode awaits every document) and resolves `->` through
 * the view's id map instead of a scan per reference.
 */
export function runQuery(
  query: string,
  params: Record<string, unknown>,
  view: PerspectiveView,
  identity?: string,
): unknown {
  // Identical queries between two commits give identical results: serve them from the view.
  const key = `${identity ?? ''}\u0000${query}\u0000${JSON.stringify(params)}`
  if (view.results.has(key)) return view.results.get(key)
  ;({query, params} = withTextQueries(query, params))
  let tree
  try {
    tree = parse(query, {params})
  } catch (error) {
    throw queryError(query, error)
  }
  const type = singleTypeScanned(tree)
  let result
  try {
    result = toJS(
      evaluateSync(tree, {
        dataset: type === null ? view.documents : (view.byType.get(type) ?? []),
        params,
        identity,
        dereference: ({_ref}) => view.byId.get(_ref) ?? null,
      }),
    )
  } catch (error) {
    throw queryError(query, error)
  }
  if (view.results.size >= MAX_CACHED_RESULTS) view.results.clear()
  view.results.set(key, result)
  return result
}

const MAX_CACHED_RESULTS = 1000

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

type Node = {type: string; [key: string]: unknown}

/**
 * The document type a query can only ever read, or null. True when the query has a single `*`
 * and it sits under a filter whose leftmost conjunct is `_type == "<type>"`: then evaluating over
 * that type's documents gives the same result (`->` goes through the id map, not the dataset).
 */
export function singleTypeScanned(tree: unknown): string | null {
  if (JSON.stringify(tree).split('"type":"Everything"').length !== 2) return null
  let node = tree as Node | undefined
  while (node && typeof node === 'object') {
    if (node.type === 'Filter' && (node.base as Node | undefined)?.type === 'Everything')
      return typeOfCondition(node.expr as Node)
    node = node.base as Node | undefined
  }
  return null
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

function queryError(query: string, error: unknown): LakeError {
  const e = error as {name?: string; message?: string; position?: number}
  if (e.name === 'GroqSyntaxError' && typeof e.position === 'number') {
    const start = Math.min(e.position, query.length)
    return new LakeError(400, 'queryParseError', e.message ?? 'Invalid GROQ', {
      query,
      start,
      end: Math.min(start + 1, query.length),
    })
  }
  return new LakeError(400, 'queryError', e.message ?? 'The query failed', {query})
}
