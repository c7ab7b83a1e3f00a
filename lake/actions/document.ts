// sanity.action.document.{create, replaceDraft, edit, publish, unpublish, discard, delete}:
// the actions the Studio edits drafts and published documents with
// (https://www.sanity.io/docs/http-actions).
import {conflict} from '../http/errors'
import {DRAFTS_PREFIX, isValidDocumentId} from '../../model/sanity/ids'
import {checkPatch} from '../store/patch-shape'
import {strengthenOnPublish} from '../store/references'
import type {RawMutation} from '../store/types'
import {checkRevision, content, idField, objectField, type ActionHandler} from './context'

const create: ActionHandler = (action) => {
  const attributes = objectField(action, 'attributes')
  return [action.ifExists === 'ignore' ? {createIfNotExists: attributes} : {create: attributes}]
}

const replaceDraft: ActionHandler = (action) => [
  {createOrReplace: objectField(action, 'attributes')},
]

const edit: ActionHandler = (action, {get}) => {
  const draftId = idField(action, 'draftId')
  const publishedId = idField(action, 'publishedId')
  const patch = objectField(action, 'patch')
  checkPatch(patch, 'edit')
  const base = get(draftId) ?? get(publishedId)
  if (!base) throw conflict(`Cannot edit "${publishedId}": neither it nor its draft exists`)
  // Editing a published document starts its draft from the published content.
  const start: RawMutation[] = get(draftId) ? [] : [{create: {...content(base), _id: draftId}}]
  return [...start, {patch: {...patch, id: draftId}}]
}

const publish: ActionHandler = (action, {get}) => {
  const draftId = idField(action, 'draftId')
  const publishedId = idField(action, 'publishedId')
  const draft = get(draftId)
  if (!draft) throw conflict(`There is no draft "${draftId}" to publish`)
  checkRevision(draft, action.ifDraftRevisionId, 'draft')
  checkRevision(get(publishedId), action.ifPublishedRevisionId, 'published')
  // References the Studio made weak while their target was unpublished become strong now.
  const published = strengthenOnPublish({...content(draft), _id: publishedId})
  return [{createOrReplace: published}, {delete: {id: draftId}}]
}

const unpublish: ActionHandler = (action, {get}) => {
  const draftId = idField(action, 'draftId')
  const publishedId = idField(action, 'publishedId')
  const published = get(publishedId)
  if (!published) throw conflict(`"${publishedId}" is not published`)
  return [{createIfNotExists: {...content(published), _id: draftId}}, {delete: {id: publishedId}}]
}

const discard: ActionHandler = (action, {get}) => {
  const draftId = idField(action, 'draftId')
  if (!get(draftId)) throw conflict(`There is no draft "${draftId}" to discard`)
  return [{delete: {id: draftId}}]
}

const remove: ActionHandler = (action) => {
  const publishedId = idField(action, 'publishedId')
  const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts : []
  const ids = [publishedId, ...drafts.filter(isValidDocumentId), `${DRAFTS_PREFIX}${publishedId}`]
  return [...new Set(ids)].map((id) => ({delete: {id}}))
}

/** Handlers by action type. */
export const documentActions: Record<string, ActionHandler> = {
  'sanity.action.document.create': create,
  'sanity.action.document.replaceDraft': replaceDraft,
  'sanity.action.document.edit': edit,
  'sanity.action.document.publish': publish,
  'sanity.action.document.unpublish': unpublish,
  'sanity.action.document.discard': discard,
  'sanity.action.document.delete': remove,
}
