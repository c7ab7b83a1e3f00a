// Sanity's document id conventions, written once: published ids, drafts (`drafts.<id>`), release
// versions (`versions.<release>.<id>`), release documents (`_.releases.<id>`) and id paths
// (https://www.sanity.io/docs/ids). Plain TypeScript: the lake, the model, the Studio, the
// importer and the sample content all read ids with these. Nothing else in model/ is imported
// here, so the lake can depend on this file alone.

export const DRAFTS_PREFIX = 'drafts.'
export const VERSIONS_PREFIX = 'versions.'
/** System documents such as releases (`_.releases.<id>`): never published content. */
export const SYSTEM_PREFIX = '_.'
export const RELEASES_PREFIX = '_.releases.'

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS_PREFIX)
}

/** A release version, `versions.<release>.<id>` (Sanity's id scheme for content releases). */
export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS_PREFIX) && id.split('.').length >= 3
}

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

/** The published id of a draft or release version; any other id is returned as it is. */
export function publishedIdOf(id: string): string {
  if (isDraftId(id)) return id.slice(DRAFTS_PREFIX.length)
  if (isVersionId(id)) return id.split('.').slice(2).join('.')
  return id
}

/** The draft id of a document, given its published, draft or release version id. */
export function draftId(id: string): string {
  return `${DRAFTS_PREFIX}${publishedIdOf(id)}`
}

/** The id of a document's version in a release. */
export function versionId(releaseId: string, publishedId: string): string {
  return `${VERSIONS_PREFIX}${releaseId}.${publishedId}`
}

/** The release a version id belongs to, or null for drafts and published ids. */
export function releaseOf(id: string): string | null {
  return isVersionId(id) ? id.split('.')[1]! : null
}

/** Names a perspective or a release can not take, since they mean something else. */
const RESERVED_RELEASE_IDS = new Set(['drafts', 'published', 'raw', 'previewDrafts'])

/** A release id: one id segment (no dots), as `client.releases.create` generates them. */
export function isValidReleaseId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) && !RESERVED_RELEASE_IDS.has(id)
}

/** The id of a release's own (system) document. */
export function releaseDocumentId(releaseId: string): string {
  return `${RELEASES_PREFIX}${releaseId}`
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
