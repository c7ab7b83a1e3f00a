// One place that says where content lives, for tools (Node) and the demo: the local lake by
// default, a hosted Sanity project when SANITY_API_HOST is "hosted".
import type {ClientConfig} from '@sanity/client'

export const DEFAULT_API_VERSION = '2025-02-19'
export const DEFAULT_LAKE_URL = 'http://127.0.0.1:3030'

export interface ContentConfig {
  projectId: string
  dataset: string
  apiVersion: string
  /** The lake's URL, or null for hosted Sanity (https://<projectId>.api.sanity.io and its CDN). */
  apiHost: string | null
  token?: string
}

/**
 * SANITY_PROJECT_ID (default clinickit), SANITY_DATASET (production), SANITY_API_VERSION,
 * SANITY_API_TOKEN, and SANITY_API_HOST: a URL (default the local lake) or the word `hosted`.
 */
export function contentConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ContentConfig {
  const host = env.SANITY_API_HOST?.trim() || DEFAULT_LAKE_URL
  return {
    projectId: env.SANITY_PROJECT_ID?.trim() || 'clinickit',
    dataset: env.SANITY_DATASET?.trim() || 'production',
    apiVersion: env.SANITY_API_VERSION?.trim() || DEFAULT_API_VERSION,
    apiHost: host === 'hosted' ? null : host.replace(/\/+$/, ''),
    token: env.SANITY_API_TOKEN?.trim() || undefined,
  }
}

/** A @sanity/client configuration for the lake or for hosted Sanity (CDN for tokenless reads). */
export function clientConfig(config: ContentConfig): ClientConfig {
  const base = {
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    token: config.token,
  }
  if (config.apiHost === null) return {...base, useCdn: !config.token}
  return {...base, apiHost: config.apiHost, useProjectHostname: false, useCdn: false}
}
