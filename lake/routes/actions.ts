// POST /v{apiVersion}/data/actions/{dataset}: the document actions the Studio edits with
// (sanity.action.document.create / replaceDraft / edit / publish / unpublish / discard / delete),
// each turned into mutations and committed as one transaction.
import {requireDataset, requireToken, writeAs, type RouteContext} from '../context'
import {badRequest, conflict, LakeError} from '../errors'
import {flag, readJson, sendJson} from '../http'
import {DRAFTS_PREFIX, isValidDocumentId} from '../ids'
import {checkPatch} from '../patch-shape'
import {strengthenOnPublish} from '../references'
import {route} from '../route'
import type {LakeDocument, RawMutation} from '../store'

type Action = Record<string, unknown> & {actionType?: unknown}
type Get = (id: string) => LakeDocument | undefined

function stringField(action: Action, name: string): string {
  const value = action[name]
  if (!isValidDocumentId(value))
    throw badRequest(`${String(action.actionType)} needs a valid "${name}"`)
  return value
}

/** A document's content without the fields the lake manages. */
function content({
  _rev: _r,
  _updatedAt: _u,
  _originalId: _o,
  ...rest
}: LakeDocument): Record<string, unknown> {
  return rest
}

function checkRevision(doc: LakeDocument | undefined, expected: unknown, label: string) {
  if (typeof expected === 'string' && doc?._rev !== expected)
    throw conflict(
      `The ${label} document has revision "${doc?._rev ?? 'none'}", expected "${expected}"`,
    )
}

function mutationsFor(action: Action, get: Get): RawMutation[] {
  if (!action || typeof action !== 'object' || Array.isArray(action))
    throw badRequest('Each action must be an object with an "actionType"')
  switch (action.actionType) {
    case 'sanity.action.document.create': {
      const attributes = action.attributes as Record<string, unknown> | undefined
      if (!attributes || typeof attributes !== 'object')
        throw badRequest('create needs "attributes"')
      return [action.ifExists === 'ignore' ? {createIfNotExists: attributes} : {create: attributes}]
    }
    case 'sanity.action.document.replaceDraft': {
      const attributes = action.attributes as Record<string, unknown> | undefined
      if (!attributes || typeof attributes !== 'object')
        throw badRequest('replaceDraft needs "attributes"')
      return [{createOrReplace: attributes}]
    }
    case 'sanity.action.document.edit': {
      const draftId = stringField(action, 'draftId')
      const publishedId = stringField(action, 'publishedId')
      const patch = action.patch as Record<string, unknown> | undefined
      if (!patch || typeof patch !== 'object' || Array.isArray(patch))
        throw badRequest('edit needs a "patch"')
      checkPatch(patch, 'edit')
      const base = get(draftId) ?? get(publishedId)
      if (!base) throw conflict(`Cannot edit "${publishedId}": neither it nor its draft exists`)
      // Editing a published document starts its draft from the published content.
      const start: RawMutation[] = get(draftId) ? [] : [{create: {...content(base), _id: draftId}}]
      return [...start, {patch: {...patch, id: draftId}}]
    }
    case 'sanity.action.document.publish': {
      const draftId = stringField(action, 'draftId')
      const publishedId = stringField(action, 'publishedId')
      const draft = get(draftId)
      if (!draft) throw conflict(`There is no draft "${draftId}" to publish`)
      checkRevision(draft, action.ifDraftRevisionId, 'draft')
      checkRevision(get(publishedId), action.ifPublishedRevisionId, 'published')
      // References the Studio made weak while their target was unpublished become strong now.
      const published = strengthenOnPublish({...content(draft), _id: publishedId})
      return [{createOrReplace: published}, {delete: {id: draftId}}]
    }
    case 'sanity.action.document.unpublish': {
      const draftId = stringField(action, 'draftId')
      const publishedId = stringField(action, 'publishedId')
      const published = get(publishedId)
      if (!published) throw conflict(`"${publishedId}" is not published`)
      return [
        {createIfNotExists: {...content(published), _id: draftId}},
        {delete: {id: publishedId}},
      ]
    }
    case 'sanity.action.document.discard': {
      const draftId = stringField(action, 'draftId')
      if (!get(draftId)) throw conflict(`There is no draft "${draftId}" to discard`)
      return [{delete: {id: draftId}}]
    }
    case 'sanity.action.document.delete': {
      const publishedId = stringField(action, 'publishedId')
      const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts : []
      const ids = [
        publishedId,
        ...drafts.filter(isValidDocumentId),
        `${DRAFTS_PREFIX}${publishedId}`,
      ]
      return [...new Set(ids)].map((id) => ({delete: {id}}))
    }
    default:
      throw badRequest(`Unknown action type "${String(action.actionType)}"`)
  }
}

/** Error items name the failing mutation; an actions request names the action it came from. */
function itemsByAction(error: unknown, actionOf: number[]): unknown {
  if (!(error instanceof LakeError) || !Array.isArray(error.details.items)) return error
  const items = (error.details.items as Array<{index?: number}>).map((item) => ({
    ...item,
    index: typeof item.index === 'number' ? (actionOf[item.index] ?? item.index) : item.index,
  }))
  return new LakeError(error.statusCode, error.type, error.message, {...error.details, items})
}

async function actions(ctx: RouteContext) {
  const dataset = requireDataset(ctx)
  requireToken(ctx)
  const body = await readJson(ctx.req)
  const list = Array.isArray(body.actions) ? (body.actions as Action[]) : null
  if (!list || list.length === 0) throw badRequest('The body needs a non-empty "actions" array')
  const actionOf: number[] = []
  const commit = dataset.store.commit(
    (get) => {
      // Later actions see the documents earlier ones will write.
      const pending = new Map<string, LakeDocument | undefined>()
      const view: Get = (id) => (pending.has(id) ? pending.get(id) : get(id))
      return list.flatMap((action, actionIndex) => {
        const mutations = mutationsFor(action, view)
        actionOf.push(...mutations.map(() => actionIndex))
        for (const m of mutations) {
          const doc = (m.create ?? m.createOrReplace ?? m.createIfNotExists) as
            LakeDocument | undefined
          if (doc?._id) pending.set(doc._id, {...view(doc._id), ...doc} as LakeDocument)
          const del = m.delete as {id?: string} | undefined
          if (del?.id) pending.set(del.id, undefined)
        }
        return mutations
      })
    },
    {
      transactionId: typeof body.transactionId === 'string' ? body.transactionId : undefined,
      // Every action's changes are held to the user's grants (lake/roles.ts authorizeChanges).
      ...writeAs(ctx),
      dryRun: body.dryRun === true || flag(ctx.url.searchParams, 'dryRun'),
    },
  )
  const tx = await commit.catch((error: unknown) => {
    throw itemsByAction(error, actionOf)
  })
  sendJson(ctx.res, 200, {transactionId: tx.transactionId})
}

export const actionRoutes = [route('POST', '/v:version/data/actions/:dataset', actions)]
