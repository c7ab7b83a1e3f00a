// Document ids and revisions the way Sanity forms them.
import {randomBytes} from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A random base-62 id, as Sanity uses for revisions and transaction ids. */
export function randomId(length = 22): string {
  const bytes = randomBytes(length)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

export const DRAFTS_PREFIX = 'drafts.'
export const VERSIONS_PREFIX = 'versions.'

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS_PREFIX)
}

/** A release version, `versions.<release>.<id>` (Sanity's id scheme for content releases). */
export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS_PREFIX) && id.split('.').length >= 3
}

/** System documents such as releases (`_.releases.<id>`): never published content. */
export const SYSTEM_PREFIX = '_.'
export const RELEASES_PREFIX = '_.releases.'

/** Drafts, release versions and system documents are not published documents. */
export function isPublishedId(id: string): boolean {
  return !isDraftId(id) && !id.startsWith(VERSIONS_PREFIX) && !id.startsWith(SYSTEM_PREFIX)
}

/**
 * A document under the root path: an id without a `.`. Sanity's public (tokenless) read covers
 * these only; drafts, release versions and any other dotted id (`reviews.…`) stay private
 * (https://www.sanity.io/docs/ids, "ID paths").
 */
export function isRootPathId(id: string): boolean {
  return !id.includes('.')
}

/** Names a perspective or a release can not take, since they mean something else. */
const RESERVED_RELEASE_IDS = new Set(['drafts', 'published', 'raw', 'previewDrafts'])

/** A release id: one id segment (no dots), as `client.releases.create` generates them. */
export function isValidReleaseId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) && !RESERVED_RELEASE_IDS.has(id)
}

export function releaseDocumentId(releaseId: string): string {
  return `${RELEASES_PREFIX}${releaseId}`
}

export function versionId(releaseId: string, publishedId: string): string {
  return `${VERSIONS_PREFIX}${releaseId}.${publishedId}`
}

/** The release a version id belongs to, or null for drafts and published ids. */
export function releaseOf(id: string): string | null {
  return isVersionId(id) ? id.split('.')[1]! : null
}

export function publishedIdOf(id: string): string {
  if (isDraftId(id)) return id.slice(DRAFTS_PREFIX.length)
  if (isVersionId(id)) return id.split('.').slice(2).join('.')
  return id
}

/** Ids Sanity accepts: letters, digits, `_`, `-` and `.`-separated paths, at most 128 chars. */
export function isValidDocumentId(id: unknown): id is string {
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    id.length <= 128 &&
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(id) &&
    !id.includes('..')
  )
}

/**
 * A release version that unpublishes its document when the release is published: the Studio
 * marks it `_system: {delete: true}` (sanity's isGoingToUnpublish).
 */
export function isUnpublishVersion(doc: Record<string, unknown>): boolean {
  const system = doc._system as {delete?: unknown} | undefined
  return system?.delete === true
}
