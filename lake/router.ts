// One table of every route the lake answers; each family lives in its own module under routes/.
import {badRequest} from './errors'
import type {Route} from './route'
import {actionRoutes} from './routes/actions'
import {assetRoutes} from './routes/assets'
import {datasetRoutes} from './routes/datasets'
import {docRoutes} from './routes/doc'
import {exportRoutes} from './routes/export'
import {commentRoutes} from './routes/comments'
import {historyRoutes} from './routes/history'
import {importRoutes} from './routes/import'
import {keyValueRoutes} from './routes/keyvalue'
import {listenRoutes} from './routes/listen'
import {mutateRoutes} from './routes/mutate'
import {queryRoutes} from './routes/query'
import {studioRoutes} from './routes/studio'
import {userRoutes} from './routes/users'

export type {Route} from './route'

export const routes: Route[] = [
  ...queryRoutes,
  ...docRoutes,
  ...mutateRoutes,
  ...importRoutes,
  ...actionRoutes,
  ...listenRoutes,
  ...assetRoutes,
  ...exportRoutes,
  ...historyRoutes,
  ...commentRoutes,
  ...keyValueRoutes,
  ...userRoutes,
  ...studioRoutes,
  ...datasetRoutes,
]

export function matchRoute(
  table: Route[],
  method: string,
  pathname: string,
): {route: Route; params: Record<string, string>} | {methodNotAllowed: true} | null {
  let pathMatched = false
  for (const candidate of table) {
    const match = candidate.pattern.exec(pathname)
    if (!match) continue
    pathMatched = true
    if (candidate.method !== method && !(candidate.method === 'GET' && method === 'HEAD')) continue
    const params: Record<string, string> = {}
    for (const [key, value] of Object.entries(match.groups ?? {}))
      params[key] = decodePathSegment(value)
    return {route: candidate, params}
  }
  return pathMatched ? {methodNotAllowed: true} : null
}

/** A path parameter's text; malformed percent-encoding (`%E0%A4%A`) is the client's error. */
function decodePathSegment(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    throw badRequest(`The path has malformed percent-encoding: "${value.slice(0, 200)}"`)
  }
}
