// A patch's operations checked before a commit: @sanity/mutator skips operations it does not
// understand, so a malformed patch (`set: 5`, `inc` by a string) would commit as a no-op under a
// new revision. Refused with 400 instead, as Sanity refuses them. The operations are those of
// Sanity's mutation API as @sanity/client's Patch builds them.
import {badRequest} from '../http/errors'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const INSERT_POSITIONS = ['before', 'after', 'replace']

/** Throws a 400 naming `where` (e.g. "Mutation 0") when the patch is not well formed. */
export function checkPatch(patch: Record<string, unknown>, where: string): void {
  const fail = (message: string) => badRequest(`${where}: ${message}`)
  for (const [operation, value] of Object.entries(patch)) {
    switch (operation) {
      case 'id':
      case 'query':
      case 'ifRevisionID':
        if (typeof value !== 'string') throw fail(`"${operation}" must be a string`)
        break
      case 'params':
        if (!isObject(value)) throw fail('"params" must be an object')
        break
      case 'set':
      case 'setIfMissing':
        if (!isObject(value)) throw fail(`"${operation}" must be an object of paths and values`)
        break
      case 'inc':
      case 'dec':
        if (!isObject(value) || !Object.values(value).every((n) => Number.isFinite(n)))
          throw fail(`"${operation}" must be an object of paths and numbers`)
        break
      case 'diffMatchPatch':
        if (!isObject(value) || !Object.values(value).every((p) => typeof p === 'string'))
          throw fail('"diffMatchPatch" must be an object of paths and patch strings')
        break
      case 'unset':
        if (!Array.isArray(value) || !value.every((path) => typeof path === 'string'))
          throw fail('"unset" must be an array of paths')
        break
      case 'insert': {
        const positions = isObject(value)
          ? INSERT_POSITIONS.filter((position) => value[position] !== undefined)
          : []
        if (
          !isObject(value) ||
          positions.length !== 1 ||
          typeof value[positions[0]!] !== 'string' ||
          !Array.isArray(value.items)
        )
          throw fail('"insert" needs one of "before", "after" or "replace" and an "items" array')
        break
      }
      default:
        throw fail(`unknown patch operation "${operation}"`)
    }
  }
}
