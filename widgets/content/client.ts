// A small client for Sanity's public query API: GET /data/query/{dataset} with $params. One
// cache per page shares identical queries between widgets.
import {apiBase, type WidgetConfig} from './config'

export type ContentErrorKind = 'network' | 'http' | 'query'

export class ContentError extends Error {
  constructor(
    readonly kind: ContentErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'ContentError'
  }
}

const pending = new Map<string, Promise<unknown>>()

export function queryUrl(
  config: WidgetConfig,
  query: string,
  params: Record<string, unknown>,
): string {
  const search = new URLSearchParams({query, returnQuery: 'false'})
  for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
  return `${apiBase(config)}/data/query/${encodeURIComponent(config.dataset)}?${search}`
}

/** Runs a GROQ query; identical requests on the page share one fetch unless `fresh`. */
export function fetchQuery<T>(
  config: WidgetConfig,
  query: string,
  params: Record<string, unknown> = {},
  options: {fresh?: boolean; signal?: AbortSignal} = {},
): Promise<T> {
  const url = queryUrl(config, query, params)
  if (!options.fresh && pending.has(url)) return pending.get(url) as Promise<T>
  const request = load<T>(url, options.signal)
  pending.set(url, request)
  // A failed request is not cached: the next attempt (e.g. Retry) asks again.
  request.catch(() => pending.delete(url))
  return request
}

async function load<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, {signal, credentials: 'omit'})
  } catch (error) {
    throw new ContentError(
      'network',
      `Could not reach the content service (${(error as Error).message})`,
    )
  }
  const body = (await response.json().catch(() => null)) as {
    result?: T
    error?: {description?: string}
  } | null
  if (!response.ok)
    throw new ContentError(
      response.status === 400 ? 'query' : 'http',
      body?.error?.description ?? `The content service answered ${response.status}`,
      response.status,
    )
  return body?.result as T
}

/** Drops cached answers, e.g. after a live update. */
export function clearQueryCache(): void {
  pending.clear()
}
