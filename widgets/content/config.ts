import type {SanityClient} from '@sanity/client'

// Where widgets read content from. Precedence: an attribute on the element, then the first
// <ck-config> on the page, then clinicKit.configure(), then these defaults (the local lake).

/**
 * What the widgets use of a `@sanity/client` instance: a site that already has one passes it to
 * `configure({client})`, e.g. for drafts through a server-side proxy that holds the token.
 */
export type SanityClientLike = SanityClient

export interface WidgetConfig {
  projectId: string
  dataset: string
  apiVersion: string
  /** The lake's URL, or `hosted` for https://<projectId>.apicdn.sanity.io. */
  apiHost: string
  lang: string
  partner: string
  /** `persist`: show the last answer from localStorage at once, then refresh it. */
  cache: '' | 'persist'
  /** A `@sanity/client` to query through instead of the built-in fetch client. */
  client?: SanityClientLike
}

export const DEFAULT_CONFIG: WidgetConfig = {
  projectId: 'clinickit',
  dataset: 'production',
  apiVersion: '2025-02-19',
  apiHost: 'http://127.0.0.1:3030',
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

/** The query endpoint's base: the lake, or Sanity's API CDN for hosted projects. */
export function apiBase(config: WidgetConfig): string {
  const host =
    config.apiHost === 'hosted'
      ? `https://${config.projectId}.apicdn.sanity.io`
      : config.apiHost.replace(/\/+$/, '')
  return `${host}/v${config.apiVersion.replace(/^v/, '')}`
}
