// Asset upload (POST /v{v}/assets/images|files/{dataset}) and delivery at the paths Sanity's CDN
// uses, so @sanity/image-url URLs with the lake as baseUrl work unchanged.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import sharp, {type FitEnum, type FormatEnum} from 'sharp'
import {describeAsset, storeAssetBytes} from '../assets/store'
import {requireDataset, requireToken, type RouteContext} from '../context'
import {LakeError, badRequest, notFound} from '../errors'
import {readBody, sendJson} from '../http'
import {route} from '../route'

/** Uploads may be larger than JSON bodies. */
export const MAX_ASSET_BODY = 100 * 1024 * 1024

const IMAGE_FORMATS: Record<string, {ext: string; mime: string}> = {
  jpeg: {ext: 'jpg', mime: 'image/jpeg'},
  png: {ext: 'png', mime: 'image/png'},
  webp: {ext: 'webp', mime: 'image/webp'},
  gif: {ext: 'gif', mime: 'image/gif'},
  avif: {ext: 'avif', mime: 'image/avif'},
  heif: {ext: 'heic', mime: 'image/heic'},
  svg: {ext: 'svg', mime: 'image/svg+xml'},
  tiff: {ext: 'tif', mime: 'image/tiff'},
}

async function upload(ctx: RouteContext) {
  const {name: dataset, store} = requireDataset(ctx)
  requireToken(ctx)
  const kind = ctx.params.kind === 'images' ? 'image' : 'file'
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
  storeAssetBytes(ctx.lake.assetsDir, fileName, bytes)
  // The same bytes give the same asset id: a second upload returns the first document.
  await store.commit([{createIfNotExists: document}], {author: 'lake-token'})
  sendJson(ctx.res, 200, {document: store.get(document._id)})
}

function assetBytes(ctx: RouteContext, name: string): Buffer {
  if (ctx.params.projectId !== ctx.lake.projectId) throw notFound('Unknown project')
  requireDataset(ctx)
  const file = join(ctx.lake.assetsDir, name)
  if (!/^[a-f0-9]{40}\.[a-z0-9]+$/.test(name) || !existsSync(file))
    throw notFound('Asset not found')
  return readFileSync(file)
}

const number = (value: string | null) => (value === null ? undefined : Number(value))

/** Image delivery with the transforms of Sanity's image pipeline that @sanity/image-url emits. */
async function serveImage(ctx: RouteContext) {
  const match = /^([a-f0-9]{40})-(\d+)x(\d+)\.([a-z0-9]+)$/.exec(ctx.params.file ?? '')
  if (!match) throw notFound('Image not found')
  const [, sha1, , , ext] = match
  const bytes = assetBytes(ctx, `${sha1}.${ext}`)
  const q = ctx.url.searchParams
  const dpr = Math.min(Math.max(number(q.get('dpr')) ?? 1, 1), 3)
  const w = number(q.get('w')) ?? number(q.get('max-w'))
  const h = number(q.get('h')) ?? number(q.get('max-h'))
  for (const v of [w, h])
    if (v !== undefined && (!Number.isFinite(v) || v <= 0 || v > 8192))
      throw badRequest('w and h must be 1–8192')
  let image = sharp(bytes, {animated: ext === 'gif'})
  const rect = q.get('rect')?.split(',').map(Number)
  if (rect && rect.length === 4 && rect.every((n) => Number.isInteger(n) && n >= 0))
    image = image.extract({left: rect[0]!, top: rect[1]!, width: rect[2]!, height: rect[3]!})
  if (w !== undefined || h !== undefined) {
    const fit = q.get('fit') ?? 'clip'
    const fitMap: Record<string, keyof FitEnum> = {
      clip: 'inside',
      max: 'inside',
      crop: 'cover',
      min: 'cover',
      fill: 'contain',
      fillmax: 'contain',
      scale: 'fill',
    }
    image = image.resize({
      width: w ? Math.round(w * dpr) : undefined,
      height: h ? Math.round(h * dpr) : undefined,
      fit: fitMap[fit] ?? 'inside',
      withoutEnlargement: fit === 'max',
    })
  }
  const quality = number(q.get('q'))
  const accept = String(ctx.req.headers.accept ?? '')
  let format =
    q.get('fm') ?? (q.get('auto') === 'format' && accept.includes('image/webp') ? 'webp' : ext)
  if (format === 'jpg') format = 'jpeg'
  if (!['jpeg', 'png', 'webp', 'avif', 'gif'].includes(format ?? '')) format = 'png'
  const output = await image
    .toFormat(format as keyof FormatEnum, quality ? {quality} : {})
    .toBuffer()
  ctx.res.writeHead(200, {
    'content-type': IMAGE_FORMATS[format!]?.mime ?? 'application/octet-stream',
    'content-length': output.length,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'Accept',
  })
  ctx.res.end(output)
}

function serveFile(ctx: RouteContext) {
  const bytes = assetBytes(ctx, ctx.params.file ?? '')
  const {name, store} = requireDataset(ctx)
  const asset = [...store.all()].find(
    (d) =>
      d._type === 'sanity.fileAsset' &&
      d.path === `files/${ctx.lake.projectId}/${name}/${ctx.params.file}`,
  )
  ctx.res.writeHead(200, {
    'content-type': String(asset?.mimeType ?? 'application/octet-stream'),
    'content-length': bytes.length,
    'cache-control': 'public, max-age=31536000, immutable',
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
  route('GET', '/files/:projectId/:dataset/:file', serveFile),
]
