// POST /v{apiVersion}/data/actions/{dataset}: every action Studio 6.16 and @sanity/client 8.15
// send (read from node_modules/sanity/lib and @sanity/client's Action type), turned into
// mutations by lake/actions/ and committed as one transaction, all actions or none:
//   sanity.action.document.{create, replaceDraft, edit, publish, unpublish, discard, delete}
//   sanity.action.document.version.{create, discard, replace, unpublish}
//   sanity.action.release.{create, edit, publish, schedule, unschedule, archive, unarchive,
//     delete, import}
// Not served: sanity.action.document.variant.* and sanity.action.variant.definition.*, which
// the Studio sends only for the variants feature (a 400 names the type).
import {documentActions} from './document'
import {releaseActions} from './release'
import {versionActions} from './version'
import type {Action, ActionContext, ActionHandler} from './context'
import {requireDataset, requireToken, writeAs, type RouteContext} from '../http/context'
import {badRequest, LakeError} from '../http/errors'
import {flag, readJson, sendJson} from '../http/http'
import {route} from '../http/route'
import {releaseLimitRoutes} from '../studio/release-limits-route'
import type {LakeStore} from '../store/store'
import type {LakeDocument, RawMutation} from '../store/types'

const handlers: Record<string, ActionHandler> = {
  ...documentActions,
  ...versionActions,
  ...releaseActions,
}

/** The one place an action becomes mutations. */
function mutationsFor(action: Action, ctx: ActionContext): RawMutation[] {
  if (!action || typeof action !== 'object' || Array.isArray(action))
    throw badRequest('Each action must be an object with an "actionType"')
  const handler = Object.hasOwn(handlers, String(action.actionType))
    ? handlers[String(action.actionType)]
    : undefined
  if (!handler) throw badRequest(`Unknown action type "${String(action.actionType)}"`)
  return handler(action, ctx)
}

/**
 * The actions' mutations, each action seeing the documents earlier ones will write. Runs inside
 * the store's commit turn, so no other commit slips in between the reads and the writes.
 * `actionOf` receives, per mutation, the index of the action it came from.
 */
export function actionMutations(
  store: LakeStore,
  list: Action[],
  get: (id: string) => LakeDocument | undefined,
  now: Date,
  actionOf: number[] = [],
  actor?: string,
): RawMutation[] {
  const pending = new Map<string, LakeDocument | undefined>()
  const ctx: ActionContext = {
    get: (id) => (pending.has(id) ? pending.get(id) : get(id)),
    withPrefix: (prefix) => {
      const ids = new Set<string>()
      for (const doc of store.all()) if (doc._id.startsWith(prefix)) ids.add(doc._id)
      for (const id of pending.keys()) if (id.startsWith(prefix)) ids.add(id)
      return [...ids].sort().flatMap((id) => ctx.get(id) ?? [])
    },
    now,
    actor,
  }
  return list.flatMap((action, actionIndex) => {
    const mutations = mutationsFor(action, ctx)
    actionOf.push(...mutations.map(() => actionIndex))
    for (const m of mutations) {
      const doc = (m.create ?? m.createOrReplace ?? m.createIfNotExists) as LakeDocument | undefined
      if (doc?._id && !(m.createIfNotExists && ctx.get(doc._id)))
        pending.set(doc._id, {...doc} as LakeDocument)
      const patch = m.patch as {id?: string; set?: Record<string, unknown>} | undefined
      // Release state changes are patches a later action of the request must see.
      if (patch?.id && patch.set) {
        const before = ctx.get(patch.id)
        if (before) pending.set(patch.id, {...before, ...patch.set})
      }
      const del = m.delete as {id?: string} | undefined
      if (del?.id) pending.set(del.id, undefined)
    }
    return mutations
  })
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
    (get) => actionMutations(dataset.store, list, get, ctx.lake.now(), actionOf, ctx.user?.id),
    {
      transactionId: typeof body.transactionId === 'string' ? body.transactionId : undefined,
      // Every action's changes are held to the user's grants (lake/access/roles.ts authorizeChanges).
      ...writeAs(ctx, 'action'),
      dryRun: body.dryRun === true || flag(ctx.url.searchParams, 'dryRun'),
    },
  )
  const tx = await commit.catch((error: unknown) => {
    throw itemsByAction(error, actionOf)
  })
  sendJson(ctx.res, 200, {transactionId: tx.transactionId})
}

export const actionRoutes = [
  route('POST', '/v:version/data/actions/:dataset', actions),
  ...releaseLimitRoutes,
]
