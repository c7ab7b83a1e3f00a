// Random ids as Sanity forms them for revisions and transactions (node:crypto, so not in the
// model; Sanity's id conventions are in model/sanity/ids.ts).
import {randomBytes} from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A random base-62 id, as Sanity uses for revisions and transaction ids. */
export function randomId(length = 22): string {
  const bytes = randomBytes(length)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}
