// sanity.action.document.version.{create, discard, replace, unpublish}: a document's draft
// (`drafts.<id>`) or its version in a release (`versions.<release>.<id>`). "The versionId must
// have either drafts. or versions.<release>. as a prefix, and the portion following that prefix
// must match publishedId" (https://www.sanity.io/docs/http-actions). A version of a release that
// is not active (scheduled, published, archived) is locked, as the client's `releases.schedule`
// documents: "no documents in the release can be modified".
import {badRequest, conflict} from '../http/errors'
import {
  isDraftId,
  isVersionId,
  publishedIdOf,
  releaseDocumentId,
  releaseOf,
} from '../../model/sanity/ids'
import type {LakeDocument} from '../store/types'
import {
  checkRevision,
  content,
  idField,
  objectField,
  type Action,
  type ActionContext,
  type ActionHandler,
} from './context'

/** Marks a version that unpublishes its document when the release is published. */
export const UNPUBLISH_MARK = {delete: true}

/** A draft or release version id; with `publishedId`, one of that document. */
function versionIdField(action: Action, name: string, publishedId?: string): string {
  const id = idField(action, name)
  if (!isDraftId(id) && !isVersionId(id))
    throw badRequest(`"${name}" must start with "drafts." or "versions.<release>."`)
  if (publishedId !== undefined && publishedIdOf(id) !== publishedId)
    throw badRequest(`"${name}" ("${id}") is not a version of "${publishedId}"`)
  return id
}

/** Versions may change only while their release exists and is active. */
export function requireWritableRelease(id: string, ctx: ActionContext): void {
  const releaseId = releaseOf(id)
  if (releaseId === null) return
  const release = ctx.get(releaseDocumentId(releaseId))
  if (!release) throw conflict(`Release "${releaseId}" does not exist`)
  if (release.state !== 'active')
    throw conflict(
      `Release "${releaseId}" is ${String(release.state)}: its documents cannot be changed`,
    )
}

/** Document content to store under a version id: the lake's fields and marks dropped. */
function asVersion(doc: LakeDocument | Record<string, unknown>, id: string) {
  const {_system: _s, ...rest} = '_rev' in doc ? content(doc as LakeDocument) : doc
  return {...rest, _id: id}
}

const create: ActionHandler = (action, ctx) => {
  const publishedId = idField(action, 'publishedId')
  if (action.document !== undefined) {
    const document = objectField(action, 'document')
    const id = versionIdField({...action, _id: document._id}, '_id', publishedId)
    requireWritableRelease(id, ctx)
    return [{create: asVersion(document, id)}]
  }
  const baseId = idField(action, 'baseId')
  const id = versionIdField(action, 'versionId', publishedId)
  requireWritableRelease(id, ctx)
  const base = ctx.get(baseId)
  if (!base) throw conflict(`The base document "${baseId}" does not exist`)
  checkRevision(base, action.ifBaseRevisionId, 'base')
  return [{create: asVersion(base, id)}]
}

const discard: ActionHandler = (action, ctx) => {
  const id = versionIdField(action, 'versionId')
  if (!ctx.get(id)) throw conflict(`There is no version "${id}" to discard`)
  requireWritableRelease(id, ctx)
  // `purge` would also drop the version's history; the lake keeps its transaction log whole.
  return [{delete: {id}}]
}

const replace: ActionHandler = (action, ctx) => {
  const document = objectField(action, 'document')
  const id = versionIdField({...action, _id: document._id}, '_id')
  if (!ctx.get(id)) throw conflict(`There is no version "${id}" to replace`)
  requireWritableRelease(id, ctx)
  return [{createOrReplace: {...document, _id: id}}]
}

const unpublish: ActionHandler = (action, ctx) => {
  const publishedId = idField(action, 'publishedId')
  const id = versionIdField(action, 'versionId', publishedId)
  if (!isVersionId(id)) throw badRequest('Only a release version can unpublish a document')
  requireWritableRelease(id, ctx)
  const published = ctx.get(publishedId)
  if (!published) throw conflict(`"${publishedId}" is not published`)
  const base = ctx.get(id) ?? published
  return [{createOrReplace: {...asVersion(base, id), _system: UNPUBLISH_MARK}}]
}

/** Handlers by action type. */
export const versionActions: Record<string, ActionHandler> = {
  'sanity.action.document.version.create': create,
  'sanity.action.document.version.discard': discard,
  'sanity.action.document.version.replace': replace,
  'sanity.action.document.version.unpublish': unpublish,
}
