// A lake's image delivery: variants come from the disk cache when they can (without queueing),
// identical requests in flight share one render, and renders wait their turn in the queue. An
// SVG is measured before rendering (lake/images/svg.ts); a render that fails is remembered for a
// while, so asking again is answered at once instead of rendering again.
import {createHash} from 'node:crypto'
import {join} from 'node:path'
import sharp from 'sharp'
import type {Lake} from '../http/context'
import {readFile} from 'node:fs/promises'
import {badRequest, LakeError} from '../http/errors'
import {VariantCache} from './cache'
import {renderCost} from './cost'
import {chooseEncoding, type Encoding} from './formats'
import {isIdentity, planImage, type Plan} from './geometry'
import {imageLimits, type ImageLimits} from './limits'
import type {ImageParams} from './params'
import {JobQueue, QueueFullError} from './queue'
import {render, type SourceInfo} from './render'
import {checkSvgCost} from './svg'

/** How long a failed render is remembered, and how many are. */
const FAILURE_TTL_MS = 10 * 60 * 1000
const MAX_FAILURES = 1000

export type Variant =
  {kind: 'original'} | {kind: 'variant'; bytes: Buffer; encoding: Encoding; cache: 'hit' | 'miss'}

export interface ImageRequest {
  sha1: string
  ext: string
  /** The source file in the lake's assets folder. */
  file: string
  params: ImageParams
  accept: string
}

export class ImageService {
  readonly queue: JobQueue
  readonly cache: VariantCache
  private readonly sources = new Map<string, SourceInfo>()
  private readonly inFlight = new Map<string, Promise<Buffer>>()
  /** Variant (or SVG source) → the error its render failed with, until it expires. */
  private readonly failures = new Map<string, {error: LakeError; until: number}>()

  constructor(
    assetsDir: string,
    readonly limits: ImageLimits,
  ) {
    this.queue = new JobQueue(limits.concurrency, limits.queueLength)
    this.cache = new VariantCache(join(assetsDir, 'variants'), limits.cacheBytes)
  }

  /** Width, height and frames from the file's header (no pixels decoded), remembered per asset. */
  async source(sha1: string, file: string): Promise<SourceInfo> {
    const known = this.sources.get(sha1)
    if (known) return known
    const meta = await sharp(file, {limitInputPixels: false}).metadata()
    const info = {
      width: meta.width ?? 0,
      height: meta.pageHeight ?? meta.height ?? 0,
      pages: meta.pages ?? 1,
      hasAlpha: Boolean(meta.hasAlpha),
    }
    this.sources.set(sha1, info)
    return info
  }

  async deliver(request: ImageRequest, source: SourceInfo): Promise<Variant> {
    const {params} = request
    const plan = planImage(source, params, this.limits.maxOutputPixels)
    const encoding = chooseEncoding(params, request.accept, request.ext)
    if (isIdentity(plan, source) && isUntouched(params, encoding, request.ext))
      return {kind: 'original'}
    const name = `${request.sha1}-${variantKey(plan, params, encoding)}.${encoding}`
    const cached = await this.cache.get(name)
    if (cached) return {kind: 'variant', bytes: cached, encoding, cache: 'hit'}
    const failed = this.failed(name) ?? this.failed(request.sha1)
    if (failed) throw failed
    if (request.ext === 'svg' && !this.failures.has(request.sha1)) {
      try {
        checkSvgCost(await readFile(request.file, 'utf8'))
      } catch (error) {
        throw this.remember(request.sha1, error)
      }
    }
    const pixels = source.width * source.height * source.pages
    if (pixels > this.limits.maxInputPixels)
      throw badRequest(
        `The source image has ${pixels} pixels; the lake transforms images up to ${this.limits.maxInputPixels}`,
        {allowed: `source up to ${this.limits.maxInputPixels} pixels`},
      )
    let pending = this.inFlight.get(name)
    if (!pending) {
      const cost = renderCost(source, plan, request.ext)
      pending = this.queue
        .run(cost, () =>
          render({
            file: request.file,
            source,
            plan,
            params,
            encoding,
            maxInputPixels: this.limits.maxInputPixels,
            timeoutSeconds: this.limits.jobSeconds,
          }),
        )
        // Stored before answering, so the next request for it is a hit; a failed write only
        // costs a render later.
        .then(async (bytes) => {
          await this.cache.put(name, bytes).catch((error: unknown) => {
            console.error('lake: could not cache an image variant:', String(error))
          })
          return bytes
        })
        .catch((error: unknown) => {
          // A full queue says nothing about the image: only failed renders are remembered.
          if (error instanceof QueueFullError) throw error
          throw this.remember(name, error)
        })
        .finally(() => this.inFlight.delete(name))
      this.inFlight.set(name, pending)
    }
    return {kind: 'variant', bytes: await pending, encoding, cache: 'miss'}
  }

  private failed(key: string): LakeError | undefined {
    const entry = this.failures.get(key)
    if (!entry) return undefined
    if (entry.until > Date.now()) return entry.error
    this.failures.delete(key)
    return undefined
  }

  /** Keeps a render's failure (as the client's error, never a 500) and returns it. */
  private remember(key: string, error: unknown): LakeError {
    const lake =
      error instanceof LakeError
        ? error
        : new LakeError(
            422,
            'imageRenderError',
            `The image could not be rendered: ${describe(error)}`,
          )
    if (this.failures.size >= MAX_FAILURES) {
      const [oldest] = this.failures.keys()
      if (oldest !== undefined) this.failures.delete(oldest)
    }
    this.failures.set(key, {error: lake, until: Date.now() + FAILURE_TTL_MS})
    return lake
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function isUntouched(params: ImageParams, encoding: Encoding, ext: string): boolean {
  return (
    encoding === ext &&
    params.q === undefined &&
    !params.blur &&
    !params.sharpen &&
    !params.sat &&
    !params.invert &&
    !params.bg &&
    !params.firstFrame
  )
}

/** The variant's identity: what decides its pixels and encoding, not how the URL spelled it. */
function variantKey(plan: Plan, params: ImageParams, encoding: Encoding): string {
  const {download: _download, autoFormat: _auto, fm: _fm, ...pixels} = params
  return createHash('sha1')
    .update(JSON.stringify({v: 1, plan, pixels, encoding}))
    .digest('hex')
    .slice(0, 24)
}

const services = new WeakMap<Lake, ImageService>()

/** The lake's image service, made on first use with the limits from the environment. */
export function imageService(lake: Lake): ImageService {
  let service = services.get(lake)
  if (!service) {
    // One libvips thread per job (the queue sets the parallelism) and no operation cache, which
    // would otherwise keep decoded sources in memory between requests.
    sharp.concurrency(1)
    sharp.cache(false)
    service = new ImageService(lake.assetsDir, imageLimits())
    services.set(lake, service)
  }
  return service
}
