// Runs GROQ with groq-js over a perspective view and turns its errors into Sanity's error
// responses. Runs inside a query worker (lake/query/worker.ts), never on the serving thread.
import {evaluate, evaluateSync, parse, toJS} from 'groq-js'
import {LakeError} from '../http/errors'
import type {LakeDocument} from '../store/store'
import {resultTooLarge} from './limits'
import type {FilterMemo} from './filters'
import type {AnswerBasis, ResultScope} from './results'
import type {IndexedList, PerspectiveView} from './views'

export interface QueryOptions {
  identity?: string
  /** Answers whose JSON is larger are refused (lake/query/limits.ts). */
  maxResultBytes: number
}

/**
 * The query's result as JSON. Evaluates synchronously (groq-js's async mode awaits every
 * document) and falls back to async only for what groq-js runs async only (`diff::`); resolves
 * `->` through the view's id map instead of a scan per reference; caches the answer with what it
 * read, so commits that cannot change it keep it.
 */
export async function runQuery(
  query: string,
  params: Record<string, unknown>,
  view: PerspectiveView,
  options: QueryOptions,
): Promise<string> {
  const paramsJson = JSON.stringify(params)
  const key = `${options.identity ?? ''}\u0000${query}\u0000${paramsJson}`
  const cached = view.results.entry(key)
  if (cached && !cached.doubted) return cached.json
  const original = query
  const plan = planOf(query, params, paramsJson)
  ;({params} = plan)
  let {tree} = plan
  const scope: ResultScope = {scanned: plan.scanned, refs: new Set()}
  let dataset = plan.type === null ? view.documents : (view.byType.get(plan.type) ?? [])
  const evaluateOptions = {
    params,
    identity: options.identity,
    dereference: ({_ref}: {_ref: string}) => {
      scope.refs.add(_ref)
      return view.get(_ref) ?? null
    },
  }
  const list = view.list(plan.type)
  let basis: AnswerBasis | undefined
  if (plan.filter && plan.timeless && list) {
    const memo = view.filters.get(`${options.identity ?? ''}\u0000${plan.filterKey}`)
    const matched = memo && matchingWithMemo(memo, list, plan.filter.node, view, evaluateOptions)
    if (memo && matched) {
      // The same documents matching, in the same order, and the same documents behind every
      // `->` it read: the doubted answer holds (a commit to a document outside the list).
      if (cached?.basis && holds(cached.basis, matched, view)) {
        view.results.confirm(key)
        return cached.json
      }
      // The matching documents through `*` in place of `*[filter]` give the same answer: it is
      // the query's only `*`, and `->` reads the view, not the dataset.
      dataset = matched
      tree = plan.filter.bare
      scope.filterRefs = memo.refsTo
      basis = {docs: matched, reads: new Map()}
    }
  }
  let result
  try {
    // Its data as is, not toJS(): the only values toJS() rewrites are groq-js's DateTime and
    // Path, and JSON.stringify below calls their toJSON(), which gives the same text.
    result = (evaluateSync(tree, {...evaluateOptions, dataset}) as {data: unknown}).data
  } catch (error) {
    if ((error as Error).message !== ASYNC_ONLY) throw queryError(original, error)
    try {
      // A copy: the view must not change under an evaluation that awaits.
      const value = await evaluate(tree, {...evaluateOptions, dataset: [...dataset]})
      result = await value.get()
    } catch (asyncError) {
      throw queryError(original, asyncError)
    }
  }
  let json: string
  try {
    json = JSON.stringify(result) ?? 'null'
  } catch {
    // V8 cannot even build the string (past ~512 MB).
    throw resultTooLarge(options.maxResultBytes)
  }
  if (Buffer.byteLength(json) > options.maxResultBytes) throw resultTooLarge(options.maxResultBytes)
  if (basis) for (const id of scope.refs) basis.reads.set(id, view.get(id))
  if (plan.timeless) view.results.set(key, json, scope, basis)
  return json
}

/** Whether an answer's basis is what the view holds now. */
function holds(basis: AnswerBasis, matched: LakeDocument[], view: PerspectiveView): boolean {
  if (basis.docs.length !== matched.length) return false
  for (let i = 0; i < matched.length; i++) if (basis.docs[i] !== matched[i]) return false
  for (const [id, doc] of basis.reads) if (view.get(id) !== doc) return false
  return true
}

/** What running a query needs besides the documents: parsed once per query and parameters. */
interface Plan {
  tree: ReturnType<typeof parse>
  /** The parameters, with the `text::query()` patterns added. */
  params: Record<string, unknown>
  /** The only type its `*` can read (lake/query/groq.ts singleTypeScanned), or null. */
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

function planOf(query: string, params: Record<string, unknown>, paramsJson: string): Plan {
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
 * The documents the filter matches, each tested once per version of itself (and of what it
 * dereferenced); null when the filter cannot be tested synchronously one document at a time.
 */
function matchingWithMemo(
  memo: FilterMemo,
  list: IndexedList,
  filter: Node,
  view: PerspectiveView,
  options: {params: Record<string, unknown>; identity?: string},
): LakeDocument[] | null {
  // The filter's condition with the document as `@`, as `*[…]` tests each one (`^` is null
  // either way at the top level); one options object for every document.
  let refs: string[] = []
  const each = {
    ...options,
    root: null as LakeDocument | null,
    dataset: [],
    dereference: ({_ref}: {_ref: string}) => {
      refs.push(_ref)
      return view.get(_ref) ?? null
    },
  }
  const condition = filter.expr as never
  try {
    return memo.matching(list, (doc) => {
      refs = []
      each.root = doc
      // Only true keeps a document: null or any other value does not.
      return {match: toJS(evaluateSync(condition, each)) === true, refs}
    })
  } catch {
    // The full evaluation below reports the error (or takes the async path).
    return null
  }
}

/** groq-js's message for a function it evaluates only in async mode (diff::changedAny…). */
const ASYNC_ONLY = 'executeSync not supported'

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

/**
 * Whatever parsing rejects is a queryParseError, as Sanity answers for syntax and for checks it
 * makes before running (e.g. `defined()` with no argument); groq-js gives some of these no
 * position, so they point at the function the message names, else at the whole query.
 */
export function parseError(query: string, error: unknown): LakeError {
  const mapped = queryError(query, error)
  if (mapped.type === 'queryParseError') return mapped
  const named = /function ([\w:]+)\(\)/.exec(mapped.message)?.[1]
  const at = named ? query.indexOf(named) : -1
  return new LakeError(400, 'queryParseError', mapped.message, {
    query,
    start: Math.max(at, 0),
    end: at >= 0 ? at + named!.length : query.length,
  })
}

export function queryError(query: string, error: unknown): LakeError {
  if (error instanceof LakeError) return error
  const e = error as {name?: string; message?: string; position?: number}
  if (e.name === 'GroqSyntaxError' && typeof e.position === 'number') {
    const start = Math.min(e.position, query.length)
    return new LakeError(400, 'queryParseError', e.message ?? 'Invalid GROQ', {
      query,
      start,
      end: Math.min(start + 1, query.length),
    })
  }
  // An unknown function (e.g. delta:: outside a listen filter) is found while parsing, like
  // Sanity's queryParseError; point at the first call of it.
  const unknown = /^Undefined (?:function|namespace): (\w+)/.exec(e.message ?? '')
  if (e.name === 'GroqQueryError' && unknown) {
    const call = new RegExp(`(\\w+::)?\\b${unknown[1]}\\b`).exec(query)
    const start = call?.index ?? 0
    const name = call?.[0] ?? unknown[1]!
    const hint = name.startsWith('delta::') ? ' (delta:: works in listen filters only)' : ''
    return new LakeError(400, 'queryParseError', `Undefined function: ${name}${hint}`, {
      query,
      start,
      end: call ? start + call[0].length : query.length,
    })
  }
  return new LakeError(400, 'queryError', e.message ?? 'The query failed', {query})
}
