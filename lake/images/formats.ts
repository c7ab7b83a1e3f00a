// Image formats: what uploads may be, and which format a response is encoded in.
import type {ImageParams} from './params'

/** sharp's format names for uploads, with the extension and type Sanity gives them. */
export const SOURCE_FORMATS: Record<string, {ext: string; mime: string}> = {
  jpeg: {ext: 'jpg', mime: 'image/jpeg'},
  png: {ext: 'png', mime: 'image/png'},
  webp: {ext: 'webp', mime: 'image/webp'},
  gif: {ext: 'gif', mime: 'image/gif'},
  avif: {ext: 'avif', mime: 'image/avif'},
  heif: {ext: 'heic', mime: 'image/heic'},
  svg: {ext: 'svg', mime: 'image/svg+xml'},
  tiff: {ext: 'tif', mime: 'image/tiff'},
}

/** What the lake encodes: Sanity's `fm` values, and gif to keep a GIF a GIF. */
export type Encoding = 'jpg' | 'pjpg' | 'png' | 'webp' | 'avif' | 'gif'

export const ENCODING_MIME: Record<Encoding, string> = {
  jpg: 'image/jpeg',
  pjpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
}

export const mimeOfExtension = (ext: string) =>
  Object.values(SOURCE_FORMATS).find((f) => f.ext === ext)?.mime ?? 'application/octet-stream'

/**
 * `auto=format` serves AVIF or WebP when the Accept header lists it (Sanity's docs: the best
 * format the browser supports), else `fm`, else the source's own format where the lake can
 * encode it, else PNG.
 */
export function chooseEncoding(params: ImageParams, accept: string, sourceExt: string): Encoding {
  if (params.autoFormat) {
    if (accept.includes('image/avif')) return 'avif'
    if (accept.includes('image/webp')) return 'webp'
  }
  if (params.fm) return params.fm
  const own: Record<string, Encoding> = {
    jpg: 'jpg',
    png: 'png',
    webp: 'webp',
    avif: 'avif',
    gif: 'gif',
  }
  return own[sourceExt] ?? 'png'
}
