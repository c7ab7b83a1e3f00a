// Per-document answers of a query's top-level filter (`*[filter]`), kept across commits: after a
// commit to one FAQ, a FAQ list re-tests that FAQ only, not all of them. An answer is reused while
// the document is the same object (views replace a changed document's object) and no document its
// test dereferenced has changed.
import type {LakeDocument} from '../store'

/** One document's answer, and the ids the filter dereferenced to reach it. */
export interface FilterTest {
  match: boolean
  refs: string[]
}

interface Entry extends FilterTest {
  doc: LakeDocument
}

export class FilterMemo {
  private readonly entries = new Map<string, Entry>()
  /** Id read through `->` → the documents whose answer read it. Live: results consult it. */
  readonly refsTo = new Map<string, Set<string>>()

  get size(): number {
    return this.entries.size
  }

  /** The documents the filter matches, in order, testing only those without a valid answer. */
  matching(docs: LakeDocument[], test: (doc: LakeDocument) => FilterTest): LakeDocument[] {
    const out: LakeDocument[] = []
    for (const doc of docs) {
      let entry = this.entries.get(doc._id)
      if (!entry || entry.doc !== doc) {
        if (entry) this.forget(doc._id, entry)
        entry = {doc, ...test(doc)}
        this.entries.set(doc._id, entry)
        for (const ref of entry.refs) {
          const dependents = this.refsTo.get(ref)
          if (dependents) dependents.add(doc._id)
          else this.refsTo.set(ref, new Set([doc._id]))
        }
      }
      if (entry.match) out.push(doc)
    }
    return out
  }

  /** The document `id` changed: its answer, and those that dereferenced it, are stale. */
  invalidate(id: string): void {
    for (const dependent of [id, ...(this.refsTo.get(id) ?? [])]) {
      const entry = this.entries.get(dependent)
      if (entry) this.forget(dependent, entry)
    }
  }

  private forget(id: string, entry: Entry): void {
    this.entries.delete(id)
    for (const ref of entry.refs) {
      const dependents = this.refsTo.get(ref)
      dependents?.delete(id)
      if (dependents?.size === 0) this.refsTo.delete(ref)
    }
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
