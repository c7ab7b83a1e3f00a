// The document set a query sees. groq-js has no perspectives, so the lake builds them:
// published hides drafts; drafts lays each draft over its published document; raw is everything.
import {isDraftId, isPublishedId, publishedIdOf} from './ids'
import type {LakeDocument, LakeStore} from './store'

export type Perspective = 'published' | 'drafts' | 'raw'
export const PERSPECTIVES: Perspective[] = ['published', 'drafts', 'raw']

export function parsePerspective(value: string | null): Perspective {
  if (value === null || value === '') return 'published'
  if (value === 'previewDrafts') return 'drafts'
  if ((PERSPECTIVES as string[]).includes(value)) return value as Perspective
  throw new Error(`Unknown perspective "${value}"; use published, drafts or raw`)
}

/** A perspective's documents, and the same by _id for `->` (groq-js would scan for each one). */
export interface PerspectiveView {
  documents: LakeDocument[]
  byId: Map<string, LakeDocument>
  byType: Map<string, LakeDocument[]>
  /** Query results for this generation of the store; dropped with the view on the next commit. */
  results: Map<string, unknown>
}

export class PerspectiveViews {
  private cache = new Map<Perspective, {generation: number; view: PerspectiveView}>()

  constructor(private readonly store: LakeStore) {}

  view(perspective: Perspective): PerspectiveView {
    const cached = this.cache.get(perspective)
    if (cached && cached.generation === this.store.generation) return cached.view
    const documents = build(perspective, [...this.store.all()])
    const byType = new Map<string, LakeDocument[]>()
    for (const doc of documents) {
      const list = byType.get(doc._type)
      if (list) list.push(doc)
      else byType.set(doc._type, [doc])
    }
    const byId = new Map(documents.map((doc) => [doc._id, doc]))
    const view = {documents, byId, byType, results: new Map<string, unknown>()}
    this.cache.set(perspective, {generation: this.store.generation, view})
    return view
  }
}

function build(perspective: Perspective, all: LakeDocument[]): LakeDocument[] {
  if (perspective === 'raw') return all
  if (perspective === 'published') return all.filter((doc) => isPublishedId(doc._id))
  const merged = new Map<string, LakeDocument>()
  for (const doc of all)
    if (isPublishedId(doc._id) && !merged.has(doc._id)) merged.set(doc._id, doc)
  for (const doc of all) {
    if (!isDraftId(doc._id)) continue
    const id = publishedIdOf(doc._id)
    merged.set(id, {...doc, _id: id, _originalId: doc._id})
  }
  return [...merged.values()]
}
