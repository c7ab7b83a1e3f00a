// What every mutation and every document the store writes must be, whoever writes it: a mutation
// is one of Sanity's five kinds with an object body, a created document has a valid `_id` and a
// `_type`, and a patch keeps both. Patch operations are checked before a commit
// (lake/store/patch-shape.ts) and references on it (lake/store/references.ts).
import {Mutation} from '@sanity/mutator'
import {badRequest} from '../http/errors'
import {isValidDocumentId} from '../../model/sanity/ids'
import {randomId} from './random-id'
import type {LakeDocument, RawMutation} from './types'

export const MUTATION_KINDS = [
  'create',
  'createOrReplace',
  'createIfNotExists',
  'delete',
  'patch',
] as const
export type MutationKind = (typeof MUTATION_KINDS)[number]

/** The mutation's kind, or Sanity's 400 for anything but one known kind with an object body. */
export function mutationKind(raw: RawMutation, index: number): MutationKind {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw badRequest(`Mutation ${index} is not an object`)
  const keys = Object.keys(raw)
  const unknown = keys.filter((k) => !(MUTATION_KINDS as readonly string[]).includes(k))
  if (unknown.length > 0)
    throw badRequest(
      `Unknown mutation type "${unknown[0]}" at index ${index}; use one of ${MUTATION_KINDS.join(', ')}`,
    )
  if (keys.length !== 1) throw badRequest(`Mutation ${index} must have exactly one type`)
  const body = raw[keys[0]!]
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest(`Mutation ${index} (${keys[0]}) must be an object`)
  return keys[0] as MutationKind
}

/** The document a create mutation writes, with an id made for it when Sanity makes one. */
export function documentFor(
  kind: MutationKind,
  body: Record<string, unknown>,
  index: number,
): LakeDocument {
  const doc = structuredClone(body)
  if (kind === 'create' && doc._id === undefined) doc._id = randomId()
  else if (kind === 'create' && doc._id === 'drafts.') doc._id = `drafts.${randomId()}`
  if (!isValidDocumentId(doc._id)) throw badRequest(`Mutation ${index} (${kind}) has no valid _id`)
  if (typeof doc._type !== 'string' || doc._type === '')
    throw badRequest(`Mutation ${index} (${kind}) needs a _type`)
  return doc as LakeDocument
}

/** Applies a patch's operations to a copy of the document; it must keep its `_id` and `_type`. */
export function patchedDocument(
  before: LakeDocument,
  operations: Record<string, unknown>,
  id: string,
  index: number,
): LakeDocument {
  let patched: LakeDocument | null
  try {
    patched = new Mutation({mutations: [{patch: {...operations, id}} as never]}).apply(
      structuredClone(before) as never,
    ) as LakeDocument | null
  } catch (error) {
    throw badRequest(`Patch failed: ${(error as Error).message}`)
  }
  if (!patched || typeof patched._type !== 'string' || patched._id !== id)
    throw badRequest(`Patch ${index} would remove the document's _id or _type`)
  return patched
}
