// The lake's side of a Blueprint: reads it, issues its robot tokens as lake users (each run a new
// token, so none is ever stored raw), and starts the runner of its document functions.
import type {RoleTable} from '../access/roles'
import type {UserStore} from '../access/users'
import type {DatasetRegistry} from '../datasets/datasets'
import {importBlueprint, readBlueprint, type BlueprintSource, type LakeBlueprint} from './blueprint'
import {FunctionRunner} from './runner'

export type {BlueprintSource, LakeBlueprint} from './blueprint'
export {FunctionRunner} from './runner'

/**
 * The robot behind a function without a `robotToken`: hosted Sanity gives those a default token
 * with broad read and write access, which the lake's editor role is.
 */
export const DEFAULT_FUNCTION_ROBOT = {name: 'functions-default', role: 'editor'}

/** A Blueprint file's path (`sanity.blueprint.ts`) or the Blueprint itself with its folder. */
export type BlueprintOption = string | BlueprintSource

export function loadBlueprint(option: BlueprintOption): Promise<LakeBlueprint> {
  return typeof option === 'string'
    ? importBlueprint(option)
    : Promise.resolve(readBlueprint(option))
}

/**
 * The `apiHost` functions get: the lake's address as `http://localhost:<port>` when it listens on
 * loopback, so @sanity/client's default project hostname (`<projectId>.localhost`) reaches it.
 */
export function functionApiHost(lakeUrl: string): string {
  const url = new URL(lakeUrl)
  const loopback = ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '[::]'].includes(url.hostname)
  return loopback ? `${url.protocol}//localhost:${url.port}` : url.origin
}

const robotUserId = (name: string) => `robot-${name}`

/** Issues a token for the robot: a lake user `robot-<name>` with the robot's role. */
function issueRobotToken(users: UserStore, robot: {name: string; label: string; role: string}) {
  const id = robotUserId(robot.name)
  const existing = users.get(id)
  if (existing && existing.role === robot.role) return users.issueToken(id)
  if (existing) users.remove(id)
  return users.add({id, name: robot.label, email: `${id}@robots.localhost`, role: robot.role}).token
}

/** Checks the Blueprint against the lake's roles, issues its tokens and starts its functions. */
export function startFunctions(options: {
  blueprint: LakeBlueprint
  dir: string
  datasets: DatasetRegistry
  users: UserStore
  roles: RoleTable
  projectId: string
  url: () => string
}): FunctionRunner {
  const {blueprint, users, roles} = options
  const robots = [...blueprint.robots]
  if (blueprint.functions.some((fn) => fn.robot === null && fn.token === null))
    robots.push({...DEFAULT_FUNCTION_ROBOT, label: 'Functions (default token)'})
  for (const robot of robots)
    if (!roles.has(robot.role))
      throw new Error(
        `Robot token "${robot.name}": role "${robot.role}" is not a role of this lake (${roles.names.join(', ')})`,
      )
  const tokens = new Map(robots.map((robot) => [robot.name, issueRobotToken(users, robot)]))
  return new FunctionRunner({
    blueprint,
    dir: options.dir,
    datasets: options.datasets,
    projectId: options.projectId,
    url: () => functionApiHost(options.url()),
    tokenFor: (fn) => fn.token ?? tokens.get(fn.robot ?? DEFAULT_FUNCTION_ROBOT.name)!,
  })
}
