// Who may see which documents. With the lake's token a reader sees everything; without it (a
// public page, an embedding site) only documents under the root path: never a draft
// (`drafts.<id>`), a release version (`versions.<release>.<id>`) nor any other dotted id
// (`audit.<id>.<…>`, say). Sanity's public read access covers the root path only
// (https://www.sanity.io/docs/ids; sanity-io/GROQ#105, the maintainers' answer).
import {isRootPathId} from '../../model/sanity/ids'
import type {RawMutation} from '../store/types'

export function canSee(authorized: boolean, id: string): boolean {
  return authorized || isRootPathId(id)
}

/**
 * The mutations of a transaction that wrote one document, each addressed to that document: what a
 * listen event about it carries. Sanity's listener sends each document the mutations applied to
 * it, and the Studio's document store applies an event's mutations to the event's document
 * without reading their ids (@sanity/mutator `Mutation.compile`: a `delete` yields null whatever
 * it names), so a publish's `delete` of the draft must never reach the published document's
 * event. A mutation by query is rewritten to name the document (the mutator skips query
 * patches), and a create without `_id` gets the id it was created at. Since each names only the
 * event's own document, a reader who may see the document may see them.
 */
export function mutationsForDocument(
  mutations: RawMutation[],
  change: {id: string; writtenBy?: number[]},
): RawMutation[] {
  return (change.writtenBy ?? []).flatMap((index) => {
    const mutation = mutations[index]
    const [kind] = mutation ? Object.keys(mutation) : []
    if (!mutation || !kind) return []
    const body = mutation[kind] as Record<string, unknown>
    if (kind === 'create' || kind === 'createOrReplace' || kind === 'createIfNotExists')
      return body._id === change.id ? [mutation] : [{[kind]: {...body, _id: change.id}}]
    if (body.id === change.id) return [mutation]
    const {query: _query, params: _params, ...rest} = body
    return [{[kind]: {...rest, id: change.id}}]
  })
}
