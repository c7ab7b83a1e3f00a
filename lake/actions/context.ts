// What an action sees while it is turned into mutations: the documents as earlier actions of the
// same request will leave them, and the request's clock (the scheduler passes its own).
import {badRequest, conflict} from '../http/errors'
import {isValidDocumentId} from '../../model/sanity/ids'
import type {LakeDocument, RawMutation} from '../store/types'

export type Action = Record<string, unknown> & {actionType?: unknown}

export interface ActionContext {
  get(id: string): LakeDocument | undefined
  /** Every document whose id starts with `prefix` (e.g. one release's versions). */
  withPrefix(prefix: string): LakeDocument[]
  now: Date
  /** The user whose request this is (the schedule action records who scheduled a release). */
  actor?: string
}

export type ActionHandler = (action: Action, ctx: ActionContext) => RawMutation[]

export function idField(action: Action, name: string): string {
  const value = action[name]
  if (!isValidDocumentId(value))
    throw badRequest(`${String(action.actionType)} needs a valid "${name}"`)
  return value
}

export function objectField(action: Action, name: string): Record<string, unknown> {
  const value = action[name]
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw badRequest(`${String(action.actionType)} needs "${name}" as an object`)
  return value as Record<string, unknown>
}

/** A document's content without the fields the lake manages. */
export function content({
  _rev: _r,
  _updatedAt: _u,
  _originalId: _o,
  ...rest
}: LakeDocument): Record<string, unknown> {
  return rest
}

/** `ifDraftRevisionId` and its kin: a stale revision is a 409, as Sanity answers it. */
export function checkRevision(doc: LakeDocument | undefined, expected: unknown, label: string) {
  if (expected === undefined) return
  if (typeof expected !== 'string')
    throw badRequest(`The expected ${label} revision must be a string`)
  if (doc?._rev !== expected)
    throw conflict(
      `The ${label} document has revision "${doc?._rev ?? 'none'}", expected "${expected}"`,
    )
}
