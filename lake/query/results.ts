// Cached query answers (as JSON) of one perspective view, each with what it read, so a commit
// drops only the answers it can change: a commit to an article keeps the cached FAQ lists.
import type {ViewChange} from './views'

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

interface Entry {
  json: string
  scope: ResultScope
}

const MAX_ENTRIES = 1000
/** JSON characters kept per view: large answers push out the oldest ones. */
const MAX_CHARS = 64 * 1024 * 1024

export class ResultCache {
  private readonly entries = new Map<string, Entry>()
  private chars = 0

  get(key: string): string | undefined {
    return this.entries.get(key)?.json
  }

  set(key: string, json: string, scope: ResultScope): void {
    if (json.length > MAX_CHARS) return
    this.delete(key)
    while (this.entries.size >= MAX_ENTRIES || this.chars + json.length > MAX_CHARS)
      this.delete(this.entries.keys().next().value!)
    this.entries.set(key, {json, scope})
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
    for (const [key, {scope}] of this.entries)
      if (
        scope.scanned === 'all' ||
        scope.refs.has(change.id) ||
        scope.filterRefs?.has(change.id) ||
        (typeof scope.scanned === 'object' &&
          (scope.scanned.type === change.beforeType || scope.scanned.type === change.afterType))
      )
        this.delete(key)
  }
}
