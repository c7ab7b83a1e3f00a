// Who may see which documents. With the lake's token a reader sees everything; without it (a
// public widget, a partner's site) only documents under the root path: never a draft
// (`drafts.<id>`), a release version (`versions.<release>.<id>`) nor any other dotted id such as
// the review records (`reviews.<id>.<…>`). Sanity's public read access covers the root path only
// (https://www.sanity.io/docs/ids; sanity-io/GROQ#105, the maintainers' answer).
import {isRootPathId} from './ids'
import type {CommittedTransaction, RawMutation} from './store'

export function canSee(authorized: boolean, id: string): boolean {
  return authorized || isRootPathId(id)
}

/**
 * The document ids a mutation names, or undefined when it addresses documents by GROQ query.
 * A `create` without `_id` makes a published document with a random id, so it names none that
 * could be hidden; `_id: "drafts."` makes a draft with a random id.
 */
export function addressedIds(mutation: RawMutation): string[] | undefined {
  const [kind] = Object.keys(mutation)
  const body = (kind ? mutation[kind] : undefined) as Record<string, unknown> | undefined
  if (!body || typeof body !== 'object') return []
  if (kind === 'create' || kind === 'createOrReplace' || kind === 'createIfNotExists') {
    if (body._id === undefined) return []
    return [typeof body._id === 'string' ? body._id : '']
  }
  if (typeof body.id === 'string') return [body.id]
  return undefined
}

/**
 * The transaction's mutations a reader may see: those that name only documents the reader can
 * see. A mutation by query is kept only when every document the transaction changed is visible,
 * since its query and body reached all of them. Sanity's listen API sends "the mutations applied
 * as part of the transaction" (https://www.sanity.io/docs/listening, includeMutations), which
 * @sanity/client notes "can differ slightly from the mutations sent to the server"
 * (MutationEvent.mutations); what a reader cannot read is never among them here.
 */
export function visibleMutations(tx: CommittedTransaction, authorized: boolean): RawMutation[] {
  if (authorized) return tx.mutations
  const allVisible = tx.changes.every((change) => canSee(false, change.id))
  return tx.mutations.filter((mutation) => {
    const ids = addressedIds(mutation)
    if (ids === undefined) return allVisible
    return ids.every((id) => canSee(false, id))
  })
}
