// Document ids the way Sanity forms them. The conventions (drafts, release versions, releases, id
// paths) are written once in model/sanity/ids.ts and re-exported here for the lake; the lake adds
// random ids, which need node:crypto.
import {randomBytes} from 'node:crypto'

export {
  DRAFTS_PREFIX,
  VERSIONS_PREFIX,
  SYSTEM_PREFIX,
  RELEASES_PREFIX,
  isDraftId,
  isVersionId,
  isPublishedId,
  isRootPathId,
  isValidReleaseId,
  isValidDocumentId,
  isUnpublishVersion,
  publishedIdOf,
  draftId,
  versionId,
  releaseOf,
  releaseDocumentId,
} from '../../model/sanity/ids'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A random base-62 id, as Sanity uses for revisions and transaction ids. */
export function randomId(length = 22): string {
  const bytes = randomBytes(length)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}
