// Cached query answers (as JSON) of one perspective view, each with what it read, so a commit
// drops only the answers it can change: a commit to an article keeps the cached FAQ lists. An
// answer computed over a filter memo's matches is not dropped but doubted, and kept when the
// matches and what it dereferenced turn out the same: a commit to an FAQ outside a list keeps
// that list.
import type {LakeDocument} from '../store/types'
import type {ViewChange} from './view-parts'

/**
 * What an answer depends on. `scanned`: the documents its `*` read — one type's (the `_type`
 * prefilter), 'all' of the view, or 'none' (no `*`). `refs`: the ids it dereferenced, found or
 * not (creating a missing target changes the answer too).
 */
export interface ResultScope {
  scanned: {type: string} | 'all' | 'none'
  refs: Set<string>
  /** The ids its top-level filter dereferenced, when a filter memo answered it (live). */
  filterRefs?: Map<string, Set<string>>
}

/**
 * What an answer over a filter memo's matches was computed from: the matching documents in order,
 * and each document it dereferenced as it was (views replace a changed document's object).
 */
export interface AnswerBasis {
  docs: LakeDocument[]
  reads: Map<string, LakeDocument | undefined>
}

export interface CachedAnswer {
  json: string
  scope: ResultScope
  basis?: AnswerBasis
  /** A commit touched what it read: valid only if its basis still holds. */
  doubted?: boolean
}

const MAX_ENTRIES = 1000
/** JSON characters kept per view: large answers push out the oldest ones. */
const MAX_CHARS = 64 * 1024 * 1024

export class ResultCache {
  private readonly entries = new Map<string, CachedAnswer>()
  private chars = 0

  /** The answer, unless a commit since may have changed it. */
  get(key: string): string | undefined {
    const entry = this.entries.get(key)
    return entry && !entry.doubted ? entry.json : undefined
  }

  /** The entry as it stands, doubted or not. */
  entry(key: string): CachedAnswer | undefined {
    return this.entries.get(key)
  }

  /** A doubted answer was checked against its basis and holds. */
  confirm(key: string): void {
    const entry = this.entries.get(key)
    if (entry) entry.doubted = false
  }

  set(key: string, json: string, scope: ResultScope, basis?: AnswerBasis): void {
    if (json.length > MAX_CHARS) return
    this.delete(key)
    while (this.entries.size >= MAX_ENTRIES || this.chars + json.length > MAX_CHARS)
      this.delete(this.entries.keys().next().value!)
    this.entries.set(key, basis ? {json, scope, basis} : {json, scope})
    this.chars += json.length
  }

  private delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.chars -= entry.json.length
  }

  get size(): number {
    return this.entries.size
  }

  invalidate(change: ViewChange): void {
    for (const [key, entry] of this.entries) {
      const {scope} = entry
      if (
        scope.scanned === 'all' ||
        scope.refs.has(change.id) ||
        scope.filterRefs?.has(change.id) ||
        (typeof scope.scanned === 'object' &&
          (scope.scanned.type === change.beforeType || scope.scanned.type === change.afterType))
      ) {
        if (entry.basis) entry.doubted = true
        else this.delete(key)
      }
    }
  }
}
