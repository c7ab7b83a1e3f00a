// One table of every route the lake answers; each family lives in its own module under routes/.
import {badRequest} from '../http/errors'
import type {Route} from '../http/route'
import {actionRoutes} from '../actions/actions-route'
import {assetRoutes} from '../assets/assets-route'
import {datasetRoutes} from '../datasets/datasets-route'
import {docRoutes} from '../store/doc-route'
import {exportRoutes} from '../datasets/export-route'
import {commentRoutes} from '../datasets/comments-route'
import {historyRoutes} from '../history/history-route'
import {importRoutes} from '../datasets/import-route'
import {keyValueRoutes} from '../studio/keyvalue-route'
import {listenRoutes} from '../listen/listen-route'
import {mutateRoutes} from '../store/mutate-route'
import {queryRoutes} from '../query/query-route'
import {studioRoutes} from '../studio/project-route'
import {userRoutes} from '../access/users-route'

export type {Route} from '../http/route'

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
