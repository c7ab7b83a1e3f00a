// Ids and keys derived from the source, so converting the same source twice gives the same
// documents (and re-importing it updates its drafts instead of adding new ones).

const toHex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('')

/** SHA-1 of text or bytes, in hex, with the Web Crypto API that Node and browsers both have. */
export async function sha1Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  return toHex(await crypto.subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>))
}

/** 32-bit FNV-1a, enough to spread keys; the ids themselves use SHA-1. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Keys for the blocks of one document: 12 hex characters, the same on every run. */
export function keyGenerator(base: string): () => string {
  let count = 0
  return () => {
    const text = `${base}/${count++}`
    return (fnv1a(text).toString(16).padStart(8, '0') + fnv1a(text, 0x01000193).toString(16))
      .padEnd(12, '0')
      .slice(0, 12)
  }
}

/** A slug from a title: lowercase words joined by hyphens, at most 96 characters (the field's). */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug.slice(0, 96).replace(/-+$/, '') || 'untitled'
}

export async function articleId(source: string, slug: string): Promise<string> {
  return `article-import-${(await sha1Hex(`${source}\n${slug}`)).slice(0, 20)}`
}

export async function faqId(source: string, slug: string, question: string): Promise<string> {
  return `faq-import-${(await sha1Hex(`${source}\n${slug}\n${question}`)).slice(0, 20)}`
}
