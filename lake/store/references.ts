// Reference integrity as Sanity's Content Lake keeps it. A reference is any object with a string
// `_ref`, anywhere in a document. It is strong unless `_weak: true`; a strong reference must
// point at a document that exists, that document cannot be deleted while it is referenced, and a
// draft referring to an unpublished document cannot be published until that one is
// (https://www.sanity.io/docs/reference-type).
//
// Only published documents hold references that count. The Studio writes a reference from a
// draft to a not-yet-published document as `_weak: true` plus `_strengthenOnPublish`, and makes
// it strong when the draft is published (sanity: form/inputs/ReferenceInput/ReferenceInput.tsx,
// store/document/document-pair/operations/publish.ts); so drafts and release versions never
// block a deletion here, and their references are checked when they are published.
import {mutationFailed, type LakeError} from '../http/errors'
import {isPublishedId} from '../../model/sanity/ids'
import type {LakeDocument} from './types'

/** The ids a document strongly references. Cross-dataset references (`_dataset`) are skipped. */
export function strongReferences(doc: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(doc)) {
    for (const item of doc) strongReferences(item, found)
  } else if (doc && typeof doc === 'object') {
    const value = doc as Record<string, unknown>
    if (
      typeof value._ref === 'string' &&
      value._weak !== true &&
      value._dataset === undefined &&
      value._projectId === undefined
    )
      found.add(value._ref)
    for (const key in value) {
      const child = value[key]
      if (child && typeof child === 'object') strongReferences(child, found)
    }
  }
  return found
}

/** Whether a document's references are enforced: only published documents'. */
export function holdsReferences(id: string): boolean {
  return isPublishedId(id)
}

interface Reference {
  _ref?: unknown
  _weak?: unknown
  _strengthenOnPublish?: {weak?: unknown}
}

/**
 * A copy of the value with every reference the Studio marked for strengthening made strong.
 * Content Lake strengthens a reference only when both `_strengthenOnPublish` and `_weak` are set
 * (sanity: form/inputs/ReferenceInput/ReferenceInput.tsx); it then drops the marker, and `_weak`
 * too unless the field itself is weak (`_strengthenOnPublish.weak`), as the Studio's own publish
 * does (sanity: store/document/document-pair/operations/publish.ts).
 */
export function strengthenOnPublish<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => strengthenOnPublish(item)) as T
  if (!value || typeof value !== 'object') return value
  const object = value as Record<string, unknown> & Reference
  if (typeof object._ref === 'string' && object._strengthenOnPublish && object._weak) {
    const {_strengthenOnPublish: marker, _weak: weak, ...rest} = object
    return (marker.weak ? {...rest, _weak: weak} : rest) as T
  }
  return Object.fromEntries(
    Object.entries(object).map(([key, child]) => [key, strengthenOnPublish(child)]),
  ) as T
}

export interface PendingChange {
  id: string
  after: LakeDocument | null
  /** Index of the last mutation that wrote or deleted the document. */
  index: number
}

type Problem =
  | {index: number; kind: 'referenced'; id: string; referencingIDs: string[]}
  | {index: number; kind: 'missing'; id: string; referenceID: string}

/**
 * Incoming strong references per target id, kept in step with every commit, so a delete looks up
 * who references the document instead of scanning the dataset.
 */
export class ReferenceIndex {
  private readonly incoming = new Map<string, Set<string>>()
  private readonly outgoing = new Map<string, Set<string>>()

  constructor(docs: Iterable<LakeDocument>) {
    for (const doc of docs) this.set(doc._id, doc)
  }

  /**
   * Throws Sanity's 409 `mutationError` if the changes would leave a published document with a
   * strong reference to a document that does not exist. `exists` answers for the state after the
   * changes.
   */
  check(changes: PendingChange[], exists: (id: string) => boolean): void {
    const changed = new Map(changes.map((change) => [change.id, change]))
    const deleted = new Map<string, Set<string>>()
    for (const change of changes)
      if (!change.after) {
        const remaining = [...(this.incoming.get(change.id) ?? [])].filter((id) => !changed.has(id))
        deleted.set(change.id, new Set(remaining))
      }
    const problems: Problem[] = []
    for (const change of changes) {
      if (!change.after || !holdsReferences(change.id)) continue
      for (const target of strongReferences(change.after)) {
        if (exists(target)) continue
        const referencing = deleted.get(target)
        if (referencing) referencing.add(change.id)
        else
          problems.push({index: change.index, kind: 'missing', id: change.id, referenceID: target})
      }
    }
    for (const [id, referencing] of deleted)
      if (referencing.size > 0)
        problems.push({
          index: changed.get(id)!.index,
          kind: 'referenced',
          id,
          referencingIDs: [...referencing].sort(),
        })
    if (problems.length > 0) throw integrityError(problems)
  }

  /** Brings the index up to date with committed changes. */
  apply(changes: Array<{id: string; after: LakeDocument | null}>): void {
    for (const change of changes) this.set(change.id, change.after)
  }

  private set(id: string, doc: LakeDocument | null): void {
    for (const target of this.outgoing.get(id) ?? []) {
      const sources = this.incoming.get(target)
      sources?.delete(id)
      if (sources?.size === 0) this.incoming.delete(target)
    }
    this.outgoing.delete(id)
    if (!doc || !holdsReferences(id)) return
    const targets = strongReferences(doc)
    if (targets.size === 0) return
    this.outgoing.set(id, targets)
    for (const target of targets) {
      let sources = this.incoming.get(target)
      if (!sources) this.incoming.set(target, (sources = new Set()))
      sources.add(id)
    }
  }
}

function quoted(ids: string[], shown = 5): string {
  const list = ids
    .slice(0, shown)
    .map((id) => `"${id}"`)
    .join(', ')
  return ids.length > shown ? `${list} and ${ids.length - shown} more` : list
}

/**
 * Sanity's body for a transaction refused on references (lake/http/errors.ts mutationFailed), each item
 * `documentHasExistingReferencesError` (with `referencingIDs`) or
 * `documentReferenceDoesNotExistError` (with `referenceID`), worded as Content Lake words them
 * (sanity-io/sanity#3202, sanity-io/gradient#284). @sanity/client joins the items' descriptions
 * into its error message; the Studio reads `items[].error.referencingIDs`
 * (sanity: variants/store/variantActionErrors.ts).
 */
function integrityError(problems: Problem[]): LakeError {
  return mutationFailed(
    problems.map((problem) => ({
      index: problem.index,
      error:
        problem.kind === 'referenced'
          ? {
              type: 'documentHasExistingReferencesError',
              description: `Document "${problem.id}" cannot be deleted as there are references to it from ${quoted(problem.referencingIDs)}`,
              id: problem.id,
              referencingIDs: problem.referencingIDs,
            }
          : {
              type: 'documentReferenceDoesNotExistError',
              description: `Document "${problem.id}" references non-existent document "${problem.referenceID}"`,
              id: problem.id,
              referenceID: problem.referenceID,
            },
    })),
  )
}
