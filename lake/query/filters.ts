// Per-document answers of a query's top-level filter (`*[filter]`), kept across commits: after a
// commit to one FAQ, a FAQ list re-tests that FAQ only, not all of them, and does not even walk
// the other FAQs. The views invalidate every document they replace (and the documents whose test
// dereferenced it), so an answer holds until then.
import type {LakeDocument} from '../store/types'
import type {IndexedList} from './view-parts'

/** One document's answer, and the ids the filter dereferenced to reach it. */
export interface FilterTest {
  match: boolean
  refs: string[]
}

/**
 * Below this share of matching documents, the matches are put in dataset order by sorting them;
 * above it, one walk over the dataset is cheaper.
 */
const SORT_SHARE = 1 / 16

export class FilterMemo {
  private readonly answers = new Map<string, FilterTest>()
  private readonly matches = new Set<string>()
  /** Ids to test again: changed since their answer, or never tested. */
  private readonly stale = new Set<string>()
  /** The list every document of which has an answer (or is stale); null before the first pass. */
  private list: IndexedList | null = null
  /** Id read through `->` → the documents whose answer read it. Live: results consult it. */
  readonly refsTo = new Map<string, Set<string>>()

  get size(): number {
    return this.answers.size
  }

  /** The documents of `list` the filter matches, in its order, testing only the stale ones. */
  matching(list: IndexedList, test: (doc: LakeDocument) => FilterTest): LakeDocument[] {
    if (this.list !== list) {
      // First use, or the type's list was emptied and made anew: test every document.
      this.clear()
      this.list = list
      for (const doc of list.items) this.stale.add(doc._id)
    }
    for (const id of this.stale) {
      const doc = list.get(id)
      if (doc) this.remember(id, test(doc))
    }
    this.stale.clear()
    if (this.matches.size > list.items.length * SORT_SHARE)
      return list.items.filter((doc) => this.matches.has(doc._id))
    const ids = [...this.matches].sort((a, b) => list.position(a)! - list.position(b)!)
    return ids.map((id) => list.get(id)!)
  }

  /** The document `id` changed (or appeared, or went): its answer, and those that read it, are stale. */
  invalidate(id: string): void {
    if (!this.list) return
    for (const dependent of [id, ...(this.refsTo.get(id) ?? [])]) {
      this.forget(dependent)
      this.stale.add(dependent)
    }
    // More stale than there are documents: a fresh pass costs the same and forgets the departed.
    if (this.stale.size > this.list.items.length) this.list = null
  }

  private remember(id: string, answer: FilterTest): void {
    this.forget(id)
    this.answers.set(id, answer)
    if (answer.match) this.matches.add(id)
    for (const ref of answer.refs) {
      const dependents = this.refsTo.get(ref)
      if (dependents) dependents.add(id)
      else this.refsTo.set(ref, new Set([id]))
    }
  }

  private forget(id: string): void {
    const answer = this.answers.get(id)
    if (!answer) return
    this.answers.delete(id)
    this.matches.delete(id)
    for (const ref of answer.refs) {
      const dependents = this.refsTo.get(ref)
      dependents?.delete(id)
      if (dependents?.size === 0) this.refsTo.delete(ref)
    }
  }

  private clear(): void {
    this.answers.clear()
    this.matches.clear()
    this.stale.clear()
    this.refsTo.clear()
  }
}

const MAX_FILTERS = 100
/** Answers kept per view, over all its filters (about 100 bytes each). */
const MAX_ANSWERS = 300_000

/**
 * A view's filter memos, one per filter (with its parameters); the oldest go first. A filter gets
 * one the second time it is evaluated: testing documents one by one costs more than one pass, which
 * only pays off for filters that come back (a widget's, not a one-off search).
 */
export class FilterMemos {
  private readonly memos = new Map<string, FilterMemo>()
  private readonly seen = new Set<string>()

  get(key: string): FilterMemo | null {
    let memo = this.memos.get(key)
    if (!memo) {
      if (!this.seen.has(key)) {
        if (this.seen.size >= 10 * MAX_FILTERS) this.seen.clear()
        this.seen.add(key)
        return null
      }
      memo = new FilterMemo()
      this.memos.set(key, memo)
    }
    let total = 0
    for (const each of this.memos.values()) total += each.size
    for (const [oldest, each] of this.memos) {
      if (this.memos.size <= MAX_FILTERS && total <= MAX_ANSWERS) break
      if (each === memo) continue
      total -= each.size
      this.memos.delete(oldest)
    }
    return memo
  }

  invalidate(id: string): void {
    for (const memo of this.memos.values()) memo.invalidate(id)
  }
}
