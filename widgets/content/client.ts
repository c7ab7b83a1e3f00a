// Runs the widgets' GROQ queries: by default a small fetch client for Sanity's public query API
// (GET /data/query/{dataset} with $params), or a page's own @sanity/client through the adapter.
// One cache per page shares identical queries between widgets; `cache: 'persist'` adds
// stale-while-revalidate in localStorage.
import type {SanityClient} from '@sanity/client'
import {dataUrl, type WidgetConfig} from './config'

export type ContentErrorKind = 'network' | 'http' | 'query'

/** Why content could not be loaded: the service was unreachable, refused, or rejected the query. */
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

export interface FetchOptions {
  /** Skip the page cache (Retry, live updates). */
  fresh?: boolean
  signal?: AbortSignal
  /** With `cache: 'persist'`: called when a newer answer replaces the stored one shown first. */
  onRevalidate?: (result: unknown) => void
}

const pending = new Map<string, Promise<unknown>>()
const clientIds = new WeakMap<SanityClient, number>()
let lastClientId = 0
const STORAGE_PREFIX = 'ck:v1:'

/** What identifies an answer: the query URL, or the adapter's client with the query. */
function cacheKey(config: WidgetConfig, query: string, params: Record<string, unknown>): string {
  const {client} = config
  if (!client) return dataUrl(config, 'query', query, params, {returnQuery: 'false'})
  if (!clientIds.has(client)) clientIds.set(client, ++lastClientId)
  return `client${clientIds.get(client)}:${query}:${JSON.stringify(params)}`
}

/** Runs a GROQ query; identical requests on the page share one answer unless `fresh`. */
export function fetchQuery<T>(
  config: WidgetConfig,
  query: string,
  params: Record<string, unknown> = {},
  options: FetchOptions = {},
): Promise<T> {
  const key = cacheKey(config, query, params)
  const network = (): Promise<T> => {
    if (!options.fresh && pending.has(key)) return pending.get(key) as Promise<T>
    const request = config.client
      ? viaClient<T>(config.client, query, params, options.signal)
      : load<T>(key, options.signal)
    pending.set(key, request)
    // A failed request is not cached: the next attempt (e.g. Retry) asks again.
    request.catch(() => pending.delete(key))
    return request
  }
  if (config.cache !== 'persist') return network()

  const stored = readStored(key)
  const fetched = network().then((result) => {
    const json = JSON.stringify(result)
    writeStored(key, json)
    // Stale while revalidate: the stored answer was shown; swap in the new one if it differs.
    if (stored && json !== stored.json) options.onRevalidate?.(result)
    return result
  })
  if (!stored) return fetched
  fetched.catch(() => undefined) // offline: the stored answer stays
  return Promise.resolve(stored.value as T)
}

async function load<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response
  try {
    // Default credentials: cross-origin (the API CDN) they are omitted anyway, and same-origin the
    // request can share the page's connection instead of opening an uncredentialed one.
    response = await fetch(url, {signal})
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

async function viaClient<T>(
  client: SanityClient,
  query: string,
  params: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  try {
    return await client.fetch<T>(query, params, {signal})
  } catch (error) {
    const status = (error as {statusCode?: number}).statusCode
    const message = (error as Error).message
    if (!status)
      throw new ContentError('network', `Could not reach the content service (${message})`)
    throw new ContentError(status === 400 ? 'query' : 'http', message, status)
  }
}

/** The stored answer and its JSON (to tell whether a newer answer differs), if any. */
function readStored(key: string): {json: string; value: unknown} | undefined {
  try {
    const json = localStorage.getItem(STORAGE_PREFIX + key)
    return json === null ? undefined : {json, value: JSON.parse(json)}
  } catch {
    return undefined // storage blocked (privacy settings) or a damaged entry
  }
}

function writeStored(key: string, json: string): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + key, json)
  } catch {
    // Quota exceeded or storage blocked: the page cache still works.
  }
}

/** Drops cached answers, e.g. after a live update. */
export function clearQueryCache(): void {
  pending.clear()
}
