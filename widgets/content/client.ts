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
  /**
   * The caller no longer waits once this aborts; the shared request itself is aborted only when
   * no other caller waits for it.
   */
  signal?: AbortSignal
  /** With `cache: 'persist'`: called when a newer answer replaces the stored one shown first. */
  onRevalidate?: (result: unknown) => void
}

/** A request shared by every element that asks the same query, and how many still wait for it. */
interface SharedRequest {
  promise: Promise<unknown>
  abort: AbortController
  waiting: number
  settled: boolean
}

const pending = new Map<string, SharedRequest>()
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
    let shared = options.fresh ? undefined : pending.get(key)
    if (!shared) {
      const abort = new AbortController()
      const promise = config.client
        ? viaClient<T>(config.client, query, params, abort.signal)
        : load<T>(key, abort.signal)
      const request: SharedRequest = {promise, abort, waiting: 0, settled: false}
      pending.set(key, request)
      // A failed request is not cached: the next attempt (e.g. Retry) asks again.
      promise.then(
        () => (request.settled = true),
        () => {
          request.settled = true
          if (pending.get(key) === request) pending.delete(key)
        },
      )
      shared = request
    }
    addWaiter(key, shared, options.signal)
    return shared.promise as Promise<T>
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

/**
 * Counts a caller in on a shared request; when its `signal` aborts (the element left the page or
 * asks for something else) and no other caller still waits, the request is aborted and forgotten.
 */
function addWaiter(key: string, request: SharedRequest, signal: AbortSignal | undefined): void {
  if (signal?.aborted) return
  request.waiting++
  signal?.addEventListener(
    'abort',
    () => {
      if (--request.waiting > 0 || request.settled) return
      request.abort.abort()
      if (pending.get(key) === request) pending.delete(key)
    },
    {once: true},
  )
}

async function load<T>(url: string, signal: AbortSignal): Promise<T> {
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
  // Errors come as {error: {description}} (queries, datasets) or {error, message} (projects, auth).
  const body = (await response.json().catch(() => null)) as {
    result?: T
    error?: {description?: string}
    message?: string
  } | null
  if (!response.ok)
    throw new ContentError(
      response.status === 400 ? 'query' : 'http',
      body?.error?.description ??
        body?.message ??
        `The content service answered ${response.status}`,
      response.status,
    )
  // An answer cut short or not JSON is a failure, never an empty result to cache.
  if (!body)
    throw new ContentError('http', 'The content service sent an unreadable answer', response.status)
  return body.result as T
}

async function viaClient<T>(
  client: SanityClient,
  query: string,
  params: Record<string, unknown>,
  signal: AbortSignal,
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
