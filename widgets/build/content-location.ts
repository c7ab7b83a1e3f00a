// Where the built widgets read content when a page says nothing: the build environment's project,
// named by the same variables the project's tools read (SANITY_PROJECT_ID, SANITY_DATASET,
// SANITY_API_VERSION, and SANITY_API_HOST: a URL or the word `hosted`), with the widgets' own
// defaults (the local lake) for what it leaves out. Never the token: the scripts are public.
import {DEFAULT_CONFIG, type ContentLocation} from '../content/config.ts'

export function contentLocationFromEnv(env: Record<string, string | undefined>): ContentLocation {
  const host = env.SANITY_API_HOST?.trim() || DEFAULT_CONFIG.apiHost
  return {
    projectId: env.SANITY_PROJECT_ID?.trim() || DEFAULT_CONFIG.projectId,
    dataset: env.SANITY_DATASET?.trim() || DEFAULT_CONFIG.dataset,
    apiVersion: env.SANITY_API_VERSION?.trim() || DEFAULT_CONFIG.apiVersion,
    apiHost: host === 'hosted' ? 'hosted' : host.replace(/\/+$/, ''),
  }
}
