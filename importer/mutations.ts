// A plan's drafts (drafts.ts) against what the dataset holds: which documents change, and the
// mutations that change them.
import type {Mutation} from '@sanity/client'
import {PENDING_ASSET_PREFIX} from './convert'
import {draftId, publishedIdOf as publishedId} from '../model/sanity/ids'
import type {ExistingDocuments, ImportPlan, PlannedChange, PlannedDocument} from './types'

const SYSTEM_FIELDS = new Set(['_id', '_rev', '_createdAt', '_updatedAt', '_type'])
/** Imported texts have not been reviewed, whatever the published version carries. */
const REVIEW_FIELDS = new Set(['medicalReview', 'reviewRequest'])

/** JSON with sorted keys, to compare values read back from the dataset. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** The imported fields as compared: the import's date is not a change. */
function comparable(field: string, value: unknown): string {
  if (field === 'importedFrom' && value && typeof value === 'object') {
    const {importedAt: _importedAt, ...rest} = value as Record<string, unknown>
    return stable(rest)
  }
  return stable(value)
}

function differs(planned: PlannedDocument, existing: Record<string, unknown>): boolean {
  return Object.keys(planned).some(
    (field) =>
      !SYSTEM_FIELDS.has(field) &&
      comparable(field, planned[field]) !== comparable(field, existing[field]),
  )
}

/** The planned document with uploaded asset ids in place of the pending ones. */
function withAssets(doc: PlannedDocument, assetIds: ReadonlyMap<string, string>): PlannedDocument {
  if (assetIds.size === 0) return doc
  const swap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(swap)
    if (!value || typeof value !== 'object') return value
    const object = value as Record<string, unknown>
    if (typeof object._ref === 'string' && object._ref.startsWith(PENDING_ASSET_PREFIX))
      return {...object, _ref: assetIds.get(object._ref) ?? object._ref}
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, swap(v)]))
  }
  return swap(doc) as PlannedDocument
}

export interface MutationPlan {
  mutations: Mutation[]
  changes: PlannedChange[]
}

/**
 * The mutations that bring the dataset to the plan. Only drafts are written: a new draft is
 * created, a changed one updated (its other fields kept), an equal one left alone. When a
 * published document has the id, the draft starts from it, and nothing is written when the
 * published text already is the import.
 *
 * @param assetIds uploaded asset ids, by the pending ref of each planned asset.
 */
export function planMutations(
  plan: ImportPlan,
  existing: ExistingDocuments,
  assetIds: ReadonlyMap<string, string> = new Map(),
): MutationPlan {
  const mutations: Mutation[] = []
  const changes: PlannedChange[] = []
  for (const planned of [...plan.faqs, ...plan.articles].map((d) => withAssets(d, assetIds))) {
    const id = draftId(planned._id)
    const draft = existing.get(id)
    const published = existing.get(publishedId(id))
    const title = String(planned.title ?? planned.question ?? id)
    const note = (change: PlannedChange['change']) =>
      changes.push({id, type: planned._type, title, change, published: Boolean(published)})
    if (draft) {
      if (!differs(planned, draft)) {
        note('unchanged')
        continue
      }
      const {_id: _ignored, _type: _type, ...fields} = planned
      mutations.push({patch: {id, ifRevisionID: String(draft._rev ?? ''), set: fields}})
      note('updated')
      continue
    }
    if (published) {
      if (!differs(planned, published)) {
        note('unchanged')
        continue
      }
      const base = Object.fromEntries(
        Object.entries(published).filter(([k]) => !SYSTEM_FIELDS.has(k) && !REVIEW_FIELDS.has(k)),
      )
      mutations.push({create: {...base, ...planned, _id: id}})
      note('updated')
      continue
    }
    mutations.push({create: {...planned, _id: id}})
    note('created')
  }
  return {mutations, changes}
}
