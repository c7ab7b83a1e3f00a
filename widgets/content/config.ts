// Where widgets read content from. Precedence: an attribute on the element, then the first
// <ck-config> on the page, then clinicKit.configure(), then these defaults (the local lake).

export interface WidgetConfig {
  projectId: string
  dataset: string
  apiVersion: string
  /** The lake's URL, or `hosted` for https://<projectId>.apicdn.sanity.io. */
  apiHost: string
  lang: string
  partner: string
}

export const DEFAULT_CONFIG: WidgetConfig = {
  projectId: 'clinickit',
  dataset: 'production',
  apiVersion: '2025-02-19',
  apiHost: 'http://127.0.0.1:3030',
  lang: 'en',
  partner: '',
}

const ATTRIBUTES: Record<keyof WidgetConfig, string> = {
  projectId: 'project-id',
  dataset: 'dataset',
  apiVersion: 'api-version',
  apiHost: 'api-host',
  lang: 'lang',
  partner: 'partner',
}

let configured: Partial<WidgetConfig> = {}

/** Page-wide settings for every widget (below attributes and <ck-config>). */
export function configure(config: Partial<WidgetConfig>): void {
  configured = {...configured, ...config}
}

function fromAttributes(element: Element | null): Partial<WidgetConfig> {
  const found: Partial<WidgetConfig> = {}
  if (!element) return found
  for (const [key, attribute] of Object.entries(ATTRIBUTES) as Array<
    [keyof WidgetConfig, string]
  >) {
    const value = element.getAttribute(attribute)
    if (value) found[key] = value
  }
  return found
}

export function resolveConfig(element: Element): WidgetConfig {
  const page = element.ownerDocument?.querySelector('ck-config') ?? null
  return {...DEFAULT_CONFIG, ...configured, ...fromAttributes(page), ...fromAttributes(element)}
}

/** The query endpoint's base: the lake, or Sanity's API CDN for hosted projects. */
export function apiBase(config: WidgetConfig): string {
  const host =
    config.apiHost === 'hosted'
      ? `https://${config.projectId}.apicdn.sanity.io`
      : config.apiHost.replace(/\/+$/, '')
  return `${host}/v${config.apiVersion.replace(/^v/, '')}`
}
