// The Studio's per-user settings store, /v{v}/users/me/keyvalue, as the Studio's server storage
// calls it (sanity's createServerStorage): GET …/keyvalue/{key,key…} answers `[{key, value}]`,
// PUT …/keyvalue with `[{key, value}]` stores the pairs and answers them back. Values live in
// memory for the lake's lifetime, one store per user (`me` is the token's user); the Studio also
// keeps them in localStorage.
import {requireUser, type Lake, type RouteContext} from '../http/context'
import {badRequest} from '../http/errors'
import {readBody, parseJson, sendJson} from '../http/http'
import {route} from '../http/route'

/** Keys the Studio forms (`studio.search.recent.<dataset>` and the like) are far shorter. */
export const MAX_KEY_LENGTH = 1024
/**
 * Keys one user may hold and the size of each value (as JSON), so repeated writes cannot grow the
 * lake's memory without bound. The Studio's values (recent searches, layouts) are small.
 */
export const MAX_KEYS = 10_000
export const MAX_VALUE_BYTES = 256 * 1024

const stores = new WeakMap<Lake, Map<string, Map<string, unknown>>>()

/** The signed-in user's own pairs; no user reads or writes another's. */
function storeOf(ctx: RouteContext): Map<string, unknown> {
  const {user} = requireUser(ctx)
  let byUser = stores.get(ctx.lake)
  if (!byUser) stores.set(ctx.lake, (byUser = new Map()))
  let store = byUser.get(user.id)
  if (!store) byUser.set(user.id, (store = new Map()))
  return store
}

function checkKey(key: unknown): string {
  // A comma would split the key in a GET's key list; control characters are no one's key.
  if (
    typeof key !== 'string' ||
    key.length === 0 ||
    key.length > MAX_KEY_LENGTH ||
    [...key].some((c) => c === ',' || c < ' ' || c === '\u007f')
  )
    throw badRequest(
      `A key must be a string of 1–${MAX_KEY_LENGTH} characters without commas or control characters`,
    )
  return key
}

function read(ctx: RouteContext) {
  const store = storeOf(ctx)
  const keys = (ctx.params.keys ?? '').split(',').map(checkKey)
  sendJson(
    ctx.res,
    200,
    keys.map((key) => ({key, value: store.has(key) ? store.get(key) : null})),
  )
}

async function write(ctx: RouteContext) {
  const store = storeOf(ctx)
  const body = parseJson((await readBody(ctx.req)).toString('utf8'), 'The request body')
  if (!Array.isArray(body) || body.length === 0)
    throw badRequest('The body must be a non-empty array of {key, value} pairs')
  // Check every pair before storing any, so a bad pair changes nothing.
  const pairs = body.map((pair: unknown, index) => {
    if (!pair || typeof pair !== 'object' || Array.isArray(pair) || !('value' in pair))
      throw badRequest(`Pair ${index} must be an object with "key" and "value"`)
    const {key, value} = pair as {key: unknown; value: unknown}
    if (Buffer.byteLength(JSON.stringify(value)) > MAX_VALUE_BYTES)
      throw badRequest(`Pair ${index}: a value may be at most ${MAX_VALUE_BYTES / 1024} kB as JSON`)
    return {key: checkKey(key), value}
  })
  const added = new Set(pairs.map(({key}) => key).filter((key) => !store.has(key)))
  if (store.size + added.size > MAX_KEYS)
    throw badRequest(`A user may keep at most ${MAX_KEYS} keys`)
  for (const {key, value} of pairs) store.set(key, value)
  sendJson(ctx.res, 200, pairs)
}

export const keyValueRoutes = [
  route('GET', '/v:version/users/me/keyvalue/:keys', read),
  route('PUT', '/v:version/users/me/keyvalue', write),
]
