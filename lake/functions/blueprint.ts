// A project's Blueprint (`sanity.blueprint.ts`, what @sanity/blueprints' `defineBlueprint`
// returns) read for the lake: the document functions it runs, the robot tokens it issues and the
// CORS origins it allows. Resources the lake does not emulate (webhooks, custom roles, media
// library, scheduled and other function kinds) are listed so the lake can say so at start.
// Shapes: @sanity/blueprints 0.28 types; defaults and limits from Sanity's Functions docs
// (timeout 10 s, 1–900 s: https://www.sanity.io/docs/help/functions-timeout).
import {existsSync, statSync} from 'node:fs'
import {isAbsolute, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {
  Blueprint,
  BlueprintCorsOriginResource,
  BlueprintDocumentFunctionResource,
  BlueprintModule,
  BlueprintResource,
  BlueprintRobotTokenResource,
} from '@sanity/blueprints'
import {parse, type ExprNode} from 'groq-js'

/** A Blueprint as the lake is given it: the module's export and the folder it lives in. */
export interface BlueprintSource {
  /** `defineBlueprint(…)`'s result, or the Blueprint document it returns. */
  blueprint: BlueprintModule | Blueprint
  /** The folder function `src` paths are relative to (the project root). */
  root: string
}

export type DocumentEventName = 'create' | 'update' | 'delete'

export interface DocumentFunction {
  name: string
  /** The handler module's absolute path (exports `handler`). */
  module: string
  timeoutMs: number
  /** The worker's heap limit, from `memory` in GB. */
  memoryMb: number
  env: Record<string, string>
  /** The robot whose token the function gets; none: the default token. */
  robot: string | null
  /** A literal token the Blueprint gives instead of a robot's. */
  token: string | null
  on: ReadonlySet<DocumentEventName>
  filter: ExprNode | null
  projection: ExprNode | null
  includeDrafts: boolean
  includeAllVersions: boolean
  /** `<projectId>.<dataset or *>`; null: every dataset of the project. */
  resource: string | null
}

export interface RobotToken {
  name: string
  label: string
  /** The lake role the robot is given (its one membership's role). */
  role: string
}

export interface CorsOrigin {
  name: string
  origin: string
  allowCredentials: boolean
}

export interface LakeBlueprint {
  functions: DocumentFunction[]
  robots: RobotToken[]
  cors: CorsOrigin[]
  /** `<type> <name>` of each resource the lake does not emulate. */
  unsupported: string[]
}

const REFERENCE = /^\$\.resources\.([^.]+)(?:\.(\w+))?$/
const HANDLER_FILES = ['index.ts', 'index.mts', 'index.js', 'index.mjs']

/** Imports a `sanity.blueprint.ts` (its default export) and reads it. */
export async function importBlueprint(file: string): Promise<LakeBlueprint> {
  const path = resolve(file)
  if (!existsSync(path)) throw new Error(`No Blueprint at ${path}`)
  const module = (await import(pathToFileURL(path).href)) as {default?: unknown}
  if (!module.default) throw new Error(`${path} has no default export (defineBlueprint(…))`)
  return readBlueprint({
    blueprint: module.default as BlueprintModule,
    root: join(path, '..'),
  })
}

/** Reads a Blueprint; throws a clear error for what the lake cannot run as declared. */
export function readBlueprint(source: BlueprintSource): LakeBlueprint {
  const document = typeof source.blueprint === 'function' ? source.blueprint() : source.blueprint
  const resources = (document?.resources ?? []) as BlueprintResource[]
  if (!Array.isArray(resources)) throw new Error('The Blueprint\'s "resources" is not an array')
  const byName = new Map<string, BlueprintResource>()
  for (const resource of resources) {
    if (!resource || typeof resource.name !== 'string' || typeof resource.type !== 'string')
      throw new Error('Every Blueprint resource needs a "type" and a "name"')
    if (byName.has(resource.name))
      throw new Error(`Two Blueprint resources are named "${resource.name}"`)
    byName.set(resource.name, resource)
  }
  const result: LakeBlueprint = {functions: [], robots: [], cors: [], unsupported: []}
  for (const resource of resources) {
    switch (resource.type) {
      case 'sanity.function.document':
        result.functions.push(
          documentFunction(resource as BlueprintDocumentFunctionResource, source.root, byName),
        )
        break
      case 'sanity.access.robot':
        result.robots.push(robotToken(resource as BlueprintRobotTokenResource, byName))
        break
      case 'sanity.project.cors': {
        const cors = resource as BlueprintCorsOriginResource
        if (typeof cors.origin !== 'string' || !cors.origin)
          throw new Error(`CORS origin "${cors.name}" has no origin`)
        result.cors.push({
          name: cors.name,
          origin: cors.origin,
          allowCredentials: cors.allowCredentials === true,
        })
        break
      }
      default:
        result.unsupported.push(`${resource.type} ${resource.name}`)
    }
  }
  return result
}

function documentFunction(
  resource: BlueprintDocumentFunctionResource,
  root: string,
  byName: Map<string, BlueprintResource>,
): DocumentFunction {
  const where = `Function "${resource.name}"`
  const event = resource.event ?? {}
  const on = new Set<DocumentEventName>()
  for (const name of event.on ?? ['publish']) {
    // `publish` (the first, deprecated event) is a create or an update of a published document.
    if (name === 'publish') on.add('create').add('update')
    else if (name === 'create' || name === 'update' || name === 'delete') on.add(name)
    else throw new Error(`${where}: unknown event "${String(name)}"`)
  }
  const timeout = resource.timeout ?? 10
  if (!Number.isFinite(timeout) || timeout < 1 || timeout > 900)
    throw new Error(`${where}: timeout must be 1–900 seconds, not ${timeout}`)
  const memory = resource.memory ?? 1
  if (!Number.isFinite(memory) || memory <= 0 || memory > 10)
    throw new Error(`${where}: memory must be up to 10 GB, not ${memory}`)
  let robot: string | null = null
  let token: string | null = null
  if (typeof resource.robotToken === 'string') {
    const reference = REFERENCE.exec(resource.robotToken)
    if (reference) {
      const target = byName.get(reference[1]!)
      if (target?.type !== 'sanity.access.robot' || (reference[2] ?? 'token') !== 'token')
        throw new Error(
          `${where}: robotToken "${resource.robotToken}" names no robot token of the Blueprint (use $.resources.<robot>.token)`,
        )
      robot = target.name
    } else token = resource.robotToken
  }
  const resourceId = event.resource?.id ?? null
  if (resourceId !== null && !/^[^.]+\.[^.]+$/.test(resourceId))
    throw new Error(`${where}: event.resource.id must be <projectId>.<dataset or *>`)
  return {
    name: resource.name,
    module: handlerModule(resource.src ?? `functions/${resource.name}`, root, where),
    timeoutMs: Math.round(timeout * 1000),
    memoryMb: Math.round(memory * 1024),
    env: {...(resource.env ?? {})},
    robot,
    token,
    on,
    filter: groq(event.filter, where, 'filter'),
    projection: groq(event.projection, where, 'projection'),
    includeDrafts: event.includeDrafts === true,
    includeAllVersions: event.includeAllVersions === true,
    resource: resourceId,
  }
}

function groq(text: string | undefined, where: string, what: string): ExprNode | null {
  if (text === undefined || text.trim() === '') return null
  try {
    // Delta mode: before(), after() and the delta:: functions, as in Sanity's event filters.
    return parse(text, {mode: 'delta'})
  } catch (error) {
    throw new Error(`${where}: the ${what} is not valid GROQ: ${(error as Error).message}`, {
      cause: error,
    })
  }
}

function handlerModule(src: string, root: string, where: string): string {
  const path = isAbsolute(src) ? src : join(root, src)
  if (existsSync(path) && statSync(path).isFile()) return path
  for (const file of HANDLER_FILES) if (existsSync(join(path, file))) return join(path, file)
  throw new Error(`${where}: no handler at ${path} (${HANDLER_FILES.join(', ')})`)
}

function robotToken(
  resource: BlueprintRobotTokenResource,
  byName: Map<string, BlueprintResource>,
): RobotToken {
  const where = `Robot token "${resource.name}"`
  const roles = (resource.memberships ?? []).flatMap((membership) => membership.roleNames ?? [])
  if (roles.length !== 1)
    throw new Error(`${where}: the lake gives a robot exactly one role; it names ${roles.length}`)
  const reference = REFERENCE.exec(roles[0]!)
  const role = reference ? (byName.get(reference[1]!)?.name ?? reference[1]!) : roles[0]!
  return {name: resource.name, label: resource.label ?? resource.name, role}
}
