// The parts a perspective view (lake/query/views.ts) is built from and reports: its document
// lists and the changes a commit makes to it. Apart from views.ts so that the filter memos and the
// result cache hanging off a view read them without importing the view back.
import type {LakeDocument} from '../store/types'

/** A document list with O(1) replace, append and remove (removal swaps in the last one). */
export class IndexedList {
  readonly items: LakeDocument[] = []
  private readonly index = new Map<string, number>()

  get(id: string): LakeDocument | undefined {
    const at = this.index.get(id)
    return at === undefined ? undefined : this.items[at]
  }

  /** Where `id` sits in `items`, if it is there. */
  position(id: string): number | undefined {
    return this.index.get(id)
  }

  set(doc: LakeDocument): void {
    const at = this.index.get(doc._id)
    if (at !== undefined) this.items[at] = doc
    else {
      this.index.set(doc._id, this.items.length)
      this.items.push(doc)
    }
  }

  delete(id: string): void {
    const at = this.index.get(id)
    if (at === undefined) return
    const last = this.items.pop()!
    this.index.delete(id)
    if (at < this.items.length) {
      this.items[at] = last
      this.index.set(last._id, at)
    }
  }
}

/** One entry of a view that a commit changed, with its type before and after (for the cache). */
export interface ViewChange {
  id: string
  beforeType: string | null
  afterType: string | null
}
