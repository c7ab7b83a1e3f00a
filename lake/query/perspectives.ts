// The document set a query sees. groq-js has no perspectives, so the lake keeps them as views
// (lake/query/views.ts): published hides drafts; drafts lays each draft over its published
// document; raw is everything. Queries read the query workers' copies; this is the serving
// thread's own, for light reads such as the origins plugins allow to read (lake/server/cors.ts).
import {isValidReleaseId} from '../../model/sanity/ids'
import {DatasetViews, PERSPECTIVES, type NamedPerspective, type Perspective} from './views'
import type {LakeStore} from '../store/store'
import type {LakeDocument} from '../store/types'

export {PERSPECTIVES, type Perspective}

/**
 * `published` (the default), `drafts` (`previewDrafts` is its old name), `raw`, or a stack of
 * release ids and `drafts`, highest priority first: `rA,rB` in the query string, or an array in
 * a POST body as @sanity/client sends `perspective: ['rA', 'rB']`.
 */
export function parsePerspective(value: string | string[] | null): Perspective {
  if (value === null || value === '') return 'published'
  if (value === 'previewDrafts') return 'drafts'
  if (typeof value === 'string' && (PERSPECTIVES as string[]).includes(value))
    return value as NamedPerspective
  const layers = typeof value === 'string' ? value.split(',').map((layer) => layer.trim()) : value
  for (const layer of layers)
    if (layer !== 'drafts' && layer !== 'published' && !isValidReleaseId(layer))
      throw new Error(
        `Unknown perspective "${String(layer)}"; use published, drafts, raw or release ids`,
      )
  return layers
}

/** A perspective at one generation of the store: a new object after every commit. */
export interface PerspectiveView {
  documents: LakeDocument[]
  byType: Map<string, LakeDocument[]>
  get(id: string): LakeDocument | undefined
}

export class PerspectiveViews {
  private views: DatasetViews | null = null
  private readonly current = new Map<string, {generation: number; view: PerspectiveView}>()

  constructor(private readonly store: LakeStore) {}

  view(perspective: Perspective): PerspectiveView {
    if (!this.views) {
      // Built on first use, then kept up to date one change at a time.
      const views = new DatasetViews()
      views.load(this.store.all())
      this.store.on('transaction', (tx) => {
        for (const change of tx.changes) views.apply(change.id, change.after)
      })
      this.views = views
    }
    const live = this.views.view(perspective)
    const key = String(perspective)
    const cached = this.current.get(key)
    if (cached && cached.generation === live.generation) return cached.view
    const view = {documents: live.documents, byType: live.byType, get: (id: string) => live.get(id)}
    this.current.set(key, {generation: live.generation, view})
    return view
  }
}
