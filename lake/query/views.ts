// A dataset's perspective views (published / drafts / raw), kept up to date one committed change
// at a time instead of rebuilt per commit. The query workers hold one per dataset; the serving
// thread keeps one for its own light reads (the origins plugins allow, for CORS).
import {
  DRAFTS_PREFIX,
  isDraftId,
  isPublishedId,
  isRootPathId,
  isUnpublishVersion,
  isVersionId,
  publishedIdOf,
  releaseOf,
  versionId,
} from '../../model/sanity/ids'
import type {LakeDocument} from '../store/types'
import {FilterMemos} from './filters'
import {ResultCache} from './results'
import {IndexedList, type ViewChange} from './view-parts'

export type NamedPerspective = 'published' | 'drafts' | 'raw'
export const PERSPECTIVES: NamedPerspective[] = ['published', 'drafts', 'raw']
/**
 * What a reader without a token queries: the published documents under the root path only (no
 * dotted id such as `secrets.…`), as Sanity's public read access answers. Not a perspective a
 * request can name: the query route picks it for tokenless requests.
 */
export const PUBLIC_VIEW = 'public'
/**
 * A named perspective, or a stack of release ids (and `drafts`), highest priority first:
 * `perspective=release-a,release-b` views the dataset "as if release-b had been published,
 * followed by release-a", over the published documents
 * (https://www.sanity.io/docs/content-lake/perspectives/changelog, v2025-02-19).
 */
export type Perspective = NamedPerspective | string[]
/** A perspective, or the tokenless reader's public view. */
export type ViewKey = Perspective | typeof PUBLIC_VIEW

/** Stacks kept at once per dataset; the least recently used goes first. */
const MAX_STACKS = 16

/** A perspective's documents, by _id for `->` and by _type for the `_type == "x"` prefilter. */
export class PerspectiveView {
  private readonly all = new IndexedList()
  private readonly types = new Map<string, IndexedList>()
  /** Live `_type` → documents, the shape groq-js gets as its dataset. */
  readonly byType = new Map<string, LakeDocument[]>()
  readonly results = new ResultCache()
  readonly filters = new FilterMemos()
  /** Bumped on every change, so readers can tell an old answer from a new one. */
  generation = 0

  get documents(): LakeDocument[] {
    return this.all.items
  }

  get(id: string): LakeDocument | undefined {
    return this.all.get(id)
  }

  /** The documents of one type (what `byType` holds), or with null all of them. */
  list(type: string | null): IndexedList | undefined {
    return type === null ? this.all : this.types.get(type)
  }

  /** Puts (or, with null, removes) the entry for `id`; returns what changed, if anything. */
  put(id: string, doc: LakeDocument | null): ViewChange | null {
    const before = this.all.get(id) ?? null
    if (before === doc) return null
    if (before) this.typeList(before._type).delete(id)
    if (doc) {
      this.all.set(doc)
      this.typeList(doc._type).set(doc)
    } else this.all.delete(id)
    if (before && this.types.get(before._type)?.items.length === 0) {
      this.types.delete(before._type)
      this.byType.delete(before._type)
    }
    this.generation++
    return {id, beforeType: before?._type ?? null, afterType: doc?._type ?? null}
  }

  private typeList(type: string): IndexedList {
    let list = this.types.get(type)
    if (!list) {
      list = new IndexedList()
      this.types.set(type, list)
      this.byType.set(type, list.items)
    }
    return list
  }
}

/**
 * The three perspectives of one dataset, and the public view. Raw is every document; published
 * hides drafts and release versions; public also hides every other dotted id; drafts lays each draft over its published document (`_id` becomes the
 * published id, `_originalId` keeps the draft's), as Sanity's `drafts` perspective does.
 */
export class DatasetViews {
  readonly raw = new PerspectiveView()
  readonly published = new PerspectiveView()
  readonly drafts = new PerspectiveView()
  readonly public = new PerspectiveView()
  /** Release stacks by their comma-joined layers, built on first use and kept up to date. */
  private readonly stacks = new Map<string, {layers: string[]; view: PerspectiveView}>()

  view(perspective: ViewKey): PerspectiveView {
    if (!Array.isArray(perspective)) return this[perspective]
    const layers = perspective.filter((layer) => layer !== 'published')
    const key = layers.join(',')
    let stack = this.stacks.get(key)
    if (stack) this.stacks.delete(key)
    else {
      stack = {layers, view: new PerspectiveView()}
      const ids = new Set<string>()
      for (const doc of this.raw.documents)
        if (inStack(doc._id, layers)) ids.add(publishedIdOf(doc._id))
      for (const id of ids) stack.view.put(id, this.stacked(id, layers))
      if (this.stacks.size >= MAX_STACKS) this.stacks.delete(this.stacks.keys().next().value!)
    }
    this.stacks.set(key, stack)
    return stack.view
  }

  load(docs: Iterable<LakeDocument>): void {
    for (const doc of docs) this.apply(doc._id, doc)
  }

  /** Applies one committed change (the document's new state, or null when deleted). */
  apply(id: string, after: LakeDocument | null): void {
    const changes: Array<[PerspectiveView, ViewChange | null]> = [
      [this.raw, this.raw.put(id, after)],
    ]
    if (isPublishedId(id)) changes.push([this.published, this.published.put(id, after)])
    if (isRootPathId(id)) changes.push([this.public, this.public.put(id, after)])
    if (isPublishedId(id) || isDraftId(id)) {
      const publishedId = publishedIdOf(id)
      changes.push([this.drafts, this.drafts.put(publishedId, this.merged(publishedId))])
    }
    for (const {layers, view} of this.stacks.values()) {
      if (!inStack(id, layers)) continue
      const publishedId = publishedIdOf(id)
      changes.push([view, view.put(publishedId, this.stacked(publishedId, layers))])
    }
    for (const [view, change] of changes) {
      if (!change) continue
      // Results first: they consult the filter memos' references before those forget them.
      view.results.invalidate(change)
      view.filters.invalidate(change.id)
    }
  }

  /** The first layer's version of the document, else the published one; none if it unpublishes. */
  private stacked(publishedId: string, layers: string[]): LakeDocument | null {
    for (const layer of layers) {
      const id =
        layer === 'drafts' ? `${DRAFTS_PREFIX}${publishedId}` : versionId(layer, publishedId)
      const doc = this.raw.get(id)
      if (!doc) continue
      if (isUnpublishVersion(doc)) return null
      return {...doc, _id: publishedId, _originalId: doc._id}
    }
    return this.raw.get(publishedId) ?? null
  }

  private merged(publishedId: string): LakeDocument | null {
    const draft = this.raw.get(`drafts.${publishedId}`)
    if (draft) return {...draft, _id: publishedId, _originalId: draft._id}
    return this.raw.get(publishedId) ?? null
  }
}

/** Whether a stack of layers shows the document `id` (or lets it through from below). */
function inStack(id: string, layers: string[]): boolean {
  if (isPublishedId(id)) return true
  if (isDraftId(id)) return layers.includes('drafts')
  return isVersionId(id) && layers.includes(releaseOf(id)!)
}
