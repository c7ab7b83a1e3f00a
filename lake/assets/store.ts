// Storing an asset: the bytes go to the lake's shared, content-addressed assets folder, and the
// asset document (sanity.imageAsset / sanity.fileAsset) is described the way Sanity's asset
// pipeline describes it. Used by POST /assets/images|files and by NDJSON import.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, renameSync, writeFileSync} from 'node:fs'
import {extname, join} from 'node:path'
import sharp from 'sharp'
import {badRequest} from '../http/errors'
import {SOURCE_FORMATS} from '../images/formats'
import {imageLimits} from '../images/limits'

export type AssetKind = 'image' | 'file'

export interface AssetTarget {
  projectId: string
  dataset: string
  /** The lake's origin, for the document's `url`. */
  baseUrl: string
}

export interface DescribedAsset {
  /** The asset document, ready for `createIfNotExists`. */
  document: Record<string, unknown> & {_id: string; _type: string}
  /** The bytes' file name in the assets folder (`<sha1>.<ext>`). */
  fileName: string
}

/**
 * The asset document for these bytes. The same bytes always give the same `_id`
 * (`image-<sha1>-<w>x<h>-<ext>`, `file-<sha1>-<ext>`, as Sanity names them).
 */
export async function describeAsset(
  kind: AssetKind,
  bytes: Buffer,
  target: AssetTarget,
  options: {filename?: string; mimeType?: string} = {},
): Promise<DescribedAsset> {
  if (bytes.length === 0) throw badRequest('The upload is empty')
  const sha1 = createHash('sha1').update(bytes).digest('hex')
  const {projectId, dataset, baseUrl} = target
  const filename = options.filename
  if (kind === 'image') {
    let meta
    try {
      // Header only: the pixel limit is checked below with a clearer message than sharp's.
      meta = await sharp(bytes, {limitInputPixels: false}).metadata()
    } catch {
      throw badRequest('The upload is not an image this lake can read')
    }
    const format = SOURCE_FORMATS[meta.format ?? '']
    if (!format || !meta.width || !meta.height)
      throw badRequest(`Unsupported image format: ${meta.format}`)
    const {width, height} = meta
    const pixels = width * height * (meta.pages ?? 1)
    const {maxInputPixels} = imageLimits()
    if (pixels > maxInputPixels)
      throw badRequest(
        `The image is ${width}×${height}${meta.pages && meta.pages > 1 ? `×${meta.pages} frames` : ''} ` +
          `(${pixels} pixels); this lake accepts images up to ${maxInputPixels} pixels`,
        {allowed: `up to ${maxInputPixels} pixels`, width, height},
      )
    const path = `images/${projectId}/${dataset}/${sha1}-${width}x${height}.${format.ext}`
    return {
      fileName: `${sha1}.${format.ext}`,
      document: {
        _id: `image-${sha1}-${width}x${height}-${format.ext}`,
        _type: 'sanity.imageAsset',
        assetId: sha1,
        sha1hash: sha1,
        extension: format.ext,
        mimeType: format.mime,
        size: bytes.length,
        originalFilename: filename,
        path,
        url: `${baseUrl}/${path}`,
        uploadId: sha1.slice(0, 32),
        metadata: {
          _type: 'sanity.imageMetadata',
          dimensions: {_type: 'sanity.imageDimensions', width, height, aspectRatio: width / height},
          hasAlpha: Boolean(meta.hasAlpha),
          isOpaque: !meta.hasAlpha,
        },
      },
    }
  }
  const ext = (filename ? extname(filename).slice(1).toLowerCase() : '') || 'bin'
  const path = `files/${projectId}/${dataset}/${sha1}.${ext}`
  return {
    fileName: `${sha1}.${ext}`,
    document: {
      _id: `file-${sha1}-${ext}`,
      _type: 'sanity.fileAsset',
      assetId: sha1,
      sha1hash: sha1,
      extension: ext,
      mimeType: options.mimeType ?? mimeTypeFor(ext),
      size: bytes.length,
      originalFilename: filename,
      path,
      url: `${baseUrl}/${path}`,
    },
  }
}

/** Writes the bytes once (content-addressed), via a temporary file so none is seen half written. */
export function storeAssetBytes(assetsDir: string, fileName: string, bytes: Buffer): void {
  mkdirSync(assetsDir, {recursive: true})
  const file = join(assetsDir, fileName)
  if (existsSync(file)) return
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, bytes)
  renameSync(partial, file)
}

const FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** A file's MIME type from its extension, when nothing better (a Content-Type) is known. */
export function mimeTypeFor(ext: string): string {
  return FILE_TYPES[ext] ?? 'application/octet-stream'
}
