// Asset upload (POST /v{v}/assets/images|files/{dataset}) and delivery at the paths Sanity's CDN
// uses, so @sanity/image-url URLs with the lake as baseUrl work unchanged.
import {existsSync, readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describeAsset, storeAssetBytes} from './store'
import {requireDataset, requireToken, writeAs, type RouteContext} from '../http/context'
import {LakeError, notFound} from '../http/errors'
import {readBody, sendJson} from '../http/http'
import {ENCODING_MIME, mimeOfExtension} from '../images/formats'
import {parseImageParams} from '../images/params'
import {QueueFullError} from '../images/queue'
import {imageService} from '../images/service'
import {route} from '../http/route'
import type {LakeDocument} from '../store/types'

/** Uploads may be larger than JSON bodies. */
export const MAX_ASSET_BODY = 100 * 1024 * 1024

async function upload(ctx: RouteContext) {
  const {name: dataset, store} = requireDataset(ctx)
  requireToken(ctx)
  const kind = ctx.params.kind === 'images' ? 'image' : 'file'
  const writer = writeAs(ctx, 'upload')
  const bytes = await readBody(ctx.req, MAX_ASSET_BODY)
  const {projectId, url: baseUrl} = ctx.lake
  const {document, fileName} = await describeAsset(
    kind,
    bytes,
    {projectId, dataset, baseUrl},
    {
      filename: ctx.url.searchParams.get('filename') ?? undefined,
      mimeType: String(ctx.req.headers['content-type'] ?? 'application/octet-stream'),
    },
  )
  // Held to the grants before the bytes are kept, so a refused upload leaves no file behind;
  // checked even when the same bytes were uploaded before and the commit would change nothing.
  const after = document as unknown as LakeDocument
  await writer.authorize?.(
    [{id: document._id, operation: 'create', before: null, after, index: 0}],
    {
      before: (id) => store.get(id) ?? null,
    },
  )
  storeAssetBytes(ctx.lake.assetsDir, fileName, bytes)
  // The same bytes give the same asset id: a second upload returns the first document.
  await store.commit([{createIfNotExists: document}], writer)
  sendJson(ctx.res, 200, {document: store.get(document._id)})
}

function assetFile(ctx: RouteContext, name: string): string {
  if (ctx.params.projectId !== ctx.lake.projectId) throw notFound('Unknown project')
  requireDataset(ctx)
  const file = join(ctx.lake.assetsDir, name)
  if (!/^[a-f0-9]{40}\.[a-z0-9]+$/.test(name) || !existsSync(file))
    throw notFound('Asset not found')
  return file
}

const assetBytes = (ctx: RouteContext, name: string) => readFileSync(assetFile(ctx, name))

/**
 * Types a browser only ever draws as a picture: served inline. Anything else an upload can be
 * (HTML, SVG, PDF, scripts, an unknown type) could run as a page on the lake's origin, so it is
 * served as a download, in a sandbox without scripts or an origin of its own, and never sniffed
 * into something else. Hosted Sanity serves assets from a separate CDN origin (cdn.sanity.io),
 * away from the Studio and the API; the lake keeps them off the Studio's origin too
 * (routes/studio-site.ts).
 */
const SAFE_INLINE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
])

export function isSafeInlineType(contentType: string): boolean {
  return SAFE_INLINE_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase())
}

/** The headers that keep an asset response from being active content. */
function deliveryHeaders(contentType: string, download: () => string): Record<string, string> {
  const headers: Record<string, string> = {'x-content-type-options': 'nosniff'}
  if (!isSafeInlineType(contentType)) {
    headers['content-disposition'] = download()
    headers['content-security-policy'] = "sandbox; default-src 'none'"
  }
  return headers
}

/** `dl`: the name asked for, else the asset's uploaded name, else its file name. */
function downloadHeader(ctx: RouteContext, wanted: string, assetId: string, fallback: string) {
  const original = requireDataset(ctx).store.get(assetId)?.originalFilename
  const name = wanted || (typeof original === 'string' && original) || fallback
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/** Image delivery with the transforms of Sanity's image pipeline (see lake/images/). */
export async function serveImage(ctx: RouteContext) {
  const match = /^(?<sha1>[a-f0-9]{40})-(?<width>\d+)x(?<height>\d+)\.(?<ext>[a-z0-9]+)$/.exec(
    ctx.params.file ?? '',
  )
  if (!match) throw notFound('Image not found')
  const {sha1, width, height, ext} = match.groups as Record<
    'sha1' | 'width' | 'height' | 'ext',
    string
  >
  const file = assetFile(ctx, `${sha1}.${ext}`)
  const service = imageService(ctx.lake)
  const source = await service.source(sha1, file)
  if (String(source.width) !== width || String(source.height) !== height)
    throw notFound('Image not found')
  const params = parseImageParams(ctx.url.searchParams)
  const accept = String(ctx.req.headers.accept ?? '')
  let variant
  try {
    variant = await service.deliver({sha1, ext, file, params, accept}, source)
  } catch (error) {
    if (error instanceof QueueFullError) ctx.res.setHeader('retry-after', error.retryAfterSeconds)
    throw error
  }
  const headers: Record<string, string | number> = {
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'Accept',
  }
  let body: Buffer
  if (variant.kind === 'original') {
    body = await readFile(file)
    headers['content-type'] = mimeOfExtension(ext)
  } else {
    body = variant.bytes
    headers['content-type'] = ENCODING_MIME[variant.encoding]
    headers['x-lake-cache'] = variant.cache
  }
  const download = () =>
    downloadHeader(ctx, params.download ?? '', `image-${sha1}-${width}x${height}-${ext}`, match[0])
  if (params.download !== undefined) headers['content-disposition'] = download()
  Object.assign(headers, deliveryHeaders(String(headers['content-type']), download))
  headers['content-length'] = body.length
  ctx.res.writeHead(200, headers)
  ctx.res.end(body)
}

/** File delivery: a download unless it is a picture (deliveryHeaders). */
export function serveFile(ctx: RouteContext) {
  const file = ctx.params.file ?? ''
  const bytes = assetBytes(ctx, file)
  const {name, store} = requireDataset(ctx)
  const asset = [...store.all()].find(
    (d) =>
      d._type === 'sanity.fileAsset' && d.path === `files/${ctx.lake.projectId}/${name}/${file}`,
  )
  const contentType = String(asset?.mimeType ?? 'application/octet-stream')
  const download = () => downloadHeader(ctx, '', String(asset?._id ?? ''), file)
  ctx.res.writeHead(200, {
    'content-type': contentType,
    'content-length': bytes.length,
    'cache-control': 'public, max-age=31536000, immutable',
    ...deliveryHeaders(contentType, download),
  })
  ctx.res.end(bytes)
}

function unsupported(): never {
  throw new LakeError(404, 'notFoundError', 'Unknown asset kind: use images or files')
}

export const assetRoutes = [
  route('POST', '/v:version/assets/:kind/:dataset', (ctx) =>
    ctx.params.kind === 'images' || ctx.params.kind === 'files' ? upload(ctx) : unsupported(),
  ),
  route('GET', '/images/:projectId/:dataset/:file', serveImage),
  // @sanity/image-url's vanityName: a readable name after the file, ignored for delivery.
  route('GET', '/images/:projectId/:dataset/:file/:vanity', serveImage),
  route('GET', '/files/:projectId/:dataset/:file', serveFile),
]
