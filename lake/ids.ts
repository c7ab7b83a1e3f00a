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

/** Drafts and release versions are not published documents. */
export function isPublishedId(id: string): boolean {
  return !isDraftId(id) && !id.startsWith(VERSIONS_PREFIX)
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
