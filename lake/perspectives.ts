// The document set a query sees. groq-js has no perspectives, so the lake keeps them as views
// (lake/query/views.ts): published hides drafts; drafts lays each draft over its published
// document; raw is everything. Queries read the query workers' copies; this is the serving
// thread's own, for light reads such as the partners' allowed origins (lake/cors.ts).
import {DatasetViews, PERSPECTIVES, type Perspective} from './query/views'
import type {LakeDocument, LakeStore} from './store'

export {PERSPECTIVES, type Perspective}

export function parsePerspective(value: string | null): Perspective {
  if (value === null || value === '') return 'published'
  if (value === 'previewDrafts') return 'drafts'
  if ((PERSPECTIVES as string[]).includes(value)) return value as Perspective
  throw new Error(`Unknown perspective "${value}"; use published, drafts or raw`)
}

/** A perspective at one generation of the store: a new object after every commit. */
export interface PerspectiveView {
  documents: LakeDocument[]
  byType: Map<string, LakeDocument[]>
  get(id: string): LakeDocument | undefined
}

export class PerspectiveViews {
  private views: DatasetViews | null = null
  private readonly current = new Map<Perspective, {generation: number; view: PerspectiveView}>()

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
    const cached = this.current.get(perspective)
    if (cached && cached.generation === live.generation) return cached.view
    const view = {documents: live.documents, byType: live.byType, get: (id: string) => live.get(id)}
    this.current.set(perspective, {generation: live.generation, view})
    return view
  }
}
