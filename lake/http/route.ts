// A route: method, path pattern with named groups, handler.
import type {Handler} from './context'

export interface Route {
  method: string
  pattern: RegExp
  handler: Handler
}

/** `/v:version/data/query/:dataset` → a pattern with named groups. */
export function route(method: string, path: string, handler: Handler): Route {
  const source = path
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:([a-zA-Z]+)\*/g, '(?<$1>.*)')
    .replace(/:([a-zA-Z]+)/g, '(?<$1>[^/]+)')
  return {method, pattern: new RegExp(`^${source}$`), handler}
}
