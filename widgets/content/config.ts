import type {SanityClient} from '@sanity/client'

// Where widgets read content from. Precedence: an attribute on the element, then the first
// <ck-config> on the page, then clinicKit.configure(), then the defaults the scripts were built
// with (the local lake unless the build's environment names a hosted project).

export interface WidgetConfig {
  projectId: string
  dataset: string
  apiVersion: string
  /**
   * The lake's URL, or `hosted` for Sanity: queries from https://<projectId>.apicdn.sanity.io,
   * live updates from https://<projectId>.api.sanity.io.
   */
  apiHost: string
  lang: string
  partner: string
  /** `persist`: show the last answer from localStorage at once, then refresh it. */
  cache: '' | 'persist'
  /**
   * A `@sanity/client` to query through instead of the built-in fetch client: for a site that
   * already has one, e.g. for drafts through a server-side proxy that holds the token.
   */
  client?: SanityClient
}

/** Where content lives unless a page says otherwise. */
export type ContentLocation = Pick<WidgetConfig, 'projectId' | 'dataset' | 'apiVersion' | 'apiHost'>

/**
 * Set by the build from SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_VERSION and SANITY_API_HOST
 * (vite.config.ts), so a clinic's built scripts read its hosted project with no <ck-config> on a
 * partner's page. Undefined where the sources run unbuilt (tests).
 */
declare const __CK_CONTENT__: ContentLocation | undefined

export const DEFAULT_CONFIG: WidgetConfig = {
  projectId: 'clinickit',
  dataset: 'production',
  apiVersion: '2025-02-19',
  apiHost: 'http://127.0.0.1:3030',
  ...(typeof __CK_CONTENT__ === 'object' ? __CK_CONTENT__ : {}),
  lang: 'en',
  partner: '',
  cache: '',
}

const ATTRIBUTES: Record<Exclude<keyof WidgetConfig, 'client'>, string> = {
  projectId: 'project-id',
  dataset: 'dataset',
  apiVersion: 'api-version',
  apiHost: 'api-host',
  lang: 'lang',
  partner: 'partner',
  cache: 'cache',
}

let configured: Partial<WidgetConfig> = {}

/** Page-wide settings for every widget (below attributes and <ck-config>). */
export function configure(config: Partial<WidgetConfig>): void {
  configured = {...configured, ...config}
}

function fromAttributes(element: Element | null): Partial<WidgetConfig> {
  const found: Record<string, string> = {}
  if (!element) return found
  for (const [key, attribute] of Object.entries(ATTRIBUTES)) {
    const value = element.getAttribute(attribute)
    if (value) found[key] = value
  }
  return found as Partial<WidgetConfig>
}

export function resolveConfig(element: Element): WidgetConfig {
  const page = element.ownerDocument?.querySelector('ck-config') ?? null
  const config = {
    ...DEFAULT_CONFIG,
    ...configured,
    ...fromAttributes(page),
    ...fromAttributes(element),
  }
  // Only `persist` means anything; any other value is the page cache alone.
  return {...config, cache: config.cache === 'persist' ? 'persist' : ''}
}

/**
 * An endpoint's base: the lake, or for hosted projects Sanity's API CDN for queries and the live
 * API for listening (the CDN serves only queries).
 */
export function apiBase(config: WidgetConfig, endpoint: 'query' | 'listen' = 'query'): string {
  const host =
    config.apiHost === 'hosted'
      ? `https://${config.projectId}.${endpoint === 'query' ? 'apicdn' : 'api'}.sanity.io`
      : config.apiHost.replace(/\/+$/, '')
  return `${host}/v${config.apiVersion.replace(/^v/, '')}`
}

/**
 * A data endpoint's URL (`query` or `listen`) for a GROQ query: `$name` parameters as JSON, and
 * the endpoint's own options.
 */
export function dataUrl(
  config: WidgetConfig,
  endpoint: 'query' | 'listen',
  query: string,
  params: Record<string, unknown>,
  options: Record<string, string>,
): string {
  const search = new URLSearchParams({query, ...options})
  for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
  return `${apiBase(config, endpoint)}/data/${endpoint}/${encodeURIComponent(config.dataset)}?${search}`
}

/** Only http(s) URLs from the CMS become links or image sources. */
export const isWebUrl = (url: unknown): url is string =>
  typeof url === 'string' && /^https?:/i.test(url)
