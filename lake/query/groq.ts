// Runs one GROQ query with groq-js over a perspective view, and caches its answer with what it
// read. Runs inside a query worker (lake/query/worker.ts), never on the serving thread; the plan
// comes from lake/query/groq-plan.ts, the error answers from lake/query/groq-errors.ts.
import {evaluate, evaluateSync, toJS} from 'groq-js'
import type {LakeDocument} from '../store/types'
import type {FilterMemo} from './filters'
import {queryError} from './groq-errors'
import {planOf, type Node} from './groq-plan'
import {resultTooLarge} from './limits'
import type {AnswerBasis, ResultScope} from './results'
import type {IndexedList} from './view-parts'
import type {PerspectiveView} from './views'

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
