// sanity.action.release.{create, edit, publish, archive, unarchive, delete, schedule, unschedule,
// import}. A release is a `system.release` document `_.releases.<releaseId>` with `name`,
// `state` and `metadata` {title, description, releaseType, intendedPublishAt}
// (@sanity/client's ReleaseDocument); its documents are `versions.<releaseId>.<publishedId>`.
// Which state allows which action follows the client's action types: archive takes an active
// release, unarchive an archived one, schedule an active one, unschedule a scheduled one, and
// delete an archived or published one. The lake moves between states at once, so the passing
// states (publishing, scheduling, archiving, unarchiving) never show.
import {badRequest, conflict, notFound} from '../http/errors'
import {
  isUnpublishVersion,
  isValidReleaseId,
  publishedIdOf,
  releaseDocumentId,
  versionId,
  VERSIONS_PREFIX,
} from '../../model/sanity/ids'
import {checkPatch} from '../store/patch-shape'
import {strengthenOnPublish} from '../store/references'
import type {LakeDocument, RawMutation} from '../store/types'
import {content, objectField, type Action, type ActionContext, type ActionHandler} from './context'

export const RELEASE_TYPE = 'system.release'
const RELEASE_TYPES = ['asap', 'scheduled', 'undecided']
/** Where an archived release keeps its versions, so unarchive can restore them. */
const ARCHIVE_FIELD = '_archivedVersions'

function releaseIdField(action: Action): string {
  const id = action.releaseId
  if (!isValidReleaseId(id))
    throw badRequest(
      `${String(action.actionType)} needs a "releaseId" of 1–64 letters, digits, "_" or "-"`,
    )
  return id
}

function releaseIn(action: Action, ctx: ActionContext, states: string[]) {
  const releaseId = releaseIdField(action)
  const release = ctx.get(releaseDocumentId(releaseId))
  if (!release) throw notFound(`Release "${releaseId}" not found`)
  if (!states.includes(String(release.state)))
    throw conflict(
      `Release "${releaseId}" is ${String(release.state)}; ${String(action.actionType)} needs it ${states.join(' or ')}`,
    )
  return {releaseId, release}
}

function checkMetadata(metadata: Record<string, unknown>): void {
  if (metadata.releaseType !== undefined && !RELEASE_TYPES.includes(String(metadata.releaseType)))
    throw badRequest(`metadata.releaseType must be one of ${RELEASE_TYPES.join(', ')}`)
  for (const field of ['title', 'description', 'intendedPublishAt'] as const)
    if (metadata[field] !== undefined && typeof metadata[field] !== 'string')
      throw badRequest(`metadata.${field} must be a string`)
  if (typeof metadata.intendedPublishAt === 'string' && !isDate(metadata.intendedPublishAt))
    throw badRequest('metadata.intendedPublishAt must be an ISO 8601 date-time')
}

function isDate(value: string): boolean {
  return /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value))
}

function versionsOf(releaseId: string, ctx: ActionContext): LakeDocument[] {
  return ctx.withPrefix(`${VERSIONS_PREFIX}${releaseId}.`)
}

/**
 * Every version written over its published document (or the published document deleted, for a
 * version marked to unpublish), the versions removed and the release marked published: one
 * transaction, so readers see all of the release or none of it.
 */
export function publishRelease(releaseId: string, ctx: ActionContext): RawMutation[] {
  const mutations: RawMutation[] = []
  const finalDocumentStates: Array<{id: string}> = []
  for (const version of versionsOf(releaseId, ctx)) {
    const publishedId = publishedIdOf(version._id)
    if (isUnpublishVersion(version)) {
      if (ctx.get(publishedId)) mutations.push({delete: {id: publishedId}})
    } else {
      const {_system: _s, ...rest} = content(version)
      mutations.push({createOrReplace: strengthenOnPublish({...rest, _id: publishedId})})
    }
    mutations.push({delete: {id: version._id}})
    finalDocumentStates.push({id: publishedId})
  }
  mutations.push({
    patch: {
      id: releaseDocumentId(releaseId),
      set: {state: 'published', publishedAt: ctx.now.toISOString(), finalDocumentStates},
    },
  })
  return mutations
}

const create: ActionHandler = (action, ctx) => {
  const releaseId = releaseIdField(action)
  const metadata = action.metadata === undefined ? {} : objectField(action, 'metadata')
  checkMetadata(metadata)
  if (ctx.get(releaseDocumentId(releaseId))) throw conflict(`Release "${releaseId}" already exists`)
  return [
    {
      create: {
        _id: releaseDocumentId(releaseId),
        _type: RELEASE_TYPE,
        name: releaseId,
        state: 'active',
        metadata: {releaseType: 'undecided', ...metadata},
      },
    },
  ]
}

/** The Studio sends `{set: {metadata}, unset: ['metadata.x']}`: only metadata may change. */
const edit: ActionHandler = (action, ctx) => {
  const {releaseId} = releaseIn(action, ctx, ['active', 'scheduled'])
  const patch = objectField(action, 'patch')
  checkPatch(patch, 'edit')
  for (const [operation, value] of Object.entries(patch)) {
    const paths =
      operation === 'unset'
        ? (value as string[])
        : operation === 'insert'
          ? ['before', 'after', 'replace'].map((at) => (value as Record<string, unknown>)[at])
          : operation === 'id' || operation === 'query' || operation === 'params'
            ? [operation]
            : Object.keys(value as object)
    for (const path of paths.filter((each) => each !== undefined))
      if (typeof path !== 'string' || !/^metadata(\.|\[|$)/.test(path))
        throw badRequest(`A release edit may change metadata only ("${operation}" names "${path}")`)
  }
  if (patch.set && typeof patch.set === 'object') {
    const set = patch.set as Record<string, unknown>
    if (set.metadata !== undefined) checkMetadata(set.metadata as Record<string, unknown>)
  }
  return [{patch: {...patch, id: releaseDocumentId(releaseId)}}]
}

const publish: ActionHandler = (action, ctx) => {
  const {releaseId} = releaseIn(action, ctx, ['active'])
  return publishRelease(releaseId, ctx)
}

const schedule: ActionHandler = (action, ctx) => {
  const {releaseId} = releaseIn(action, ctx, ['active'])
  const publishAt = action.publishAt
  if (typeof publishAt !== 'string' || !isDate(publishAt))
    throw badRequest('schedule needs "publishAt", an ISO 8601 date-time')
  // "If the publishAt is in the past, the release will be published immediately" (client docs).
  if (Date.parse(publishAt) <= ctx.now.getTime()) return publishRelease(releaseId, ctx)
  const at = new Date(publishAt).toISOString()
  // Who scheduled it: the scheduler publishes it with that user's grants, checked again then.
  if (!ctx.actor) throw badRequest('schedule needs a signed-in user')
  const set = {state: 'scheduled', publishAt: at, scheduledBy: ctx.actor}
  return [{patch: {id: releaseDocumentId(releaseId), set}}]
}

const unschedule: ActionHandler = (action, ctx) => {
  const {releaseId} = releaseIn(action, ctx, ['scheduled'])
  const unset = ['publishAt', 'scheduledBy']
  return [{patch: {id: releaseDocumentId(releaseId), set: {state: 'active'}, unset}}]
}

const archive: ActionHandler = (action, ctx) => {
  const {releaseId} = releaseIn(action, ctx, ['active'])
  const versions = versionsOf(releaseId, ctx)
  return [
    ...versions.map((version) => ({delete: {id: version._id}})),
    {
      patch: {
        id: releaseDocumentId(releaseId),
        set: {state: 'archived', [ARCHIVE_FIELD]: versions.map(content)},
      },
    },
  ]
}

const unarchive: ActionHandler = (action, ctx) => {
  const {releaseId, release} = releaseIn(action, ctx, ['archived'])
  const kept = Array.isArray(release[ARCHIVE_FIELD])
    ? (release[ARCHIVE_FIELD] as Array<Record<string, unknown>>)
    : []
  return [
    ...kept.map((version) => ({create: version})),
    {
      patch: {id: releaseDocumentId(releaseId), set: {state: 'active'}, unset: [ARCHIVE_FIELD]},
    },
  ]
}

const remove: ActionHandler = (action, ctx) => {
  const {releaseId} = releaseIn(action, ctx, ['archived', 'published'])
  return [
    ...versionsOf(releaseId, ctx).map((version) => ({delete: {id: version._id}})),
    {delete: {id: releaseDocumentId(releaseId)}},
  ]
}

/** Puts a document into a release under its version id (ImportReleaseAction). */
const importDocument: ActionHandler = (action, ctx) => {
  const {releaseId} = releaseIn(action, ctx, ['active'])
  const body = objectField(action, action.document !== undefined ? 'document' : 'attributes')
  if (typeof body._id !== 'string') throw badRequest('import needs a document with an "_id"')
  const id = versionId(releaseId, publishedIdOf(body._id))
  const doc = {...body, _id: id}
  const ifExists = action.ifExists ?? 'fail'
  if (ifExists === 'fail') return [{create: doc}]
  if (ifExists === 'ignore') return [{createIfNotExists: doc}]
  if (ifExists === 'replace') return [{createOrReplace: doc}]
  throw badRequest('"ifExists" must be fail, ignore or replace')
}

/** Handlers by action type. */
export const releaseActions: Record<string, ActionHandler> = {
  'sanity.action.release.create': create,
  'sanity.action.release.edit': edit,
  'sanity.action.release.publish': publish,
  'sanity.action.release.schedule': schedule,
  'sanity.action.release.unschedule': unschedule,
  'sanity.action.release.archive': archive,
  'sanity.action.release.unarchive': unarchive,
  'sanity.action.release.delete': remove,
  'sanity.action.release.import': importDocument,
}
