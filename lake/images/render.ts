// One image variant through sharp, following a plan whose sizes are already checked.
import sharp, {type Sharp} from 'sharp'
import {LakeError} from '../http/errors'
import type {Encoding} from './formats'
import type {Plan} from './geometry'
import type {ImageParams, Rgba} from './params'

export interface SourceInfo {
  width: number
  height: number
  /** Frames of an animated image (1 otherwise). */
  pages: number
  hasAlpha: boolean
}

export interface RenderJob {
  file: string
  source: SourceInfo
  plan: Plan
  params: ImageParams
  encoding: Encoding
  maxInputPixels: number
  timeoutSeconds: number
}

const WHITE: Rgba = {r: 255, g: 255, b: 255, alpha: 1}
const CLEAR: Rgba = {r: 0, g: 0, b: 0, alpha: 0}
const HAS_ALPHA: Encoding[] = ['png', 'webp', 'avif', 'gif']

/** Sanity's blur runs 1–2000; sharp's Gaussian sigma 0.3–1000. Kept ≤ 100 to bound the cost. */
const blurSigma = (blur: number) => Math.min(100, 0.3 + blur / 20)
/** Sanity's sharpen runs 0–100; a sigma of 0.5–2.5 spans mild to strong. */
const sharpenSigma = (amount: number) => 0.5 + amount / 50

function isWhole(plan: Plan, source: SourceInfo) {
  const {region} = plan
  return (
    region.left === 0 &&
    region.top === 0 &&
    region.width === source.width &&
    region.height === source.height
  )
}

function geometry(image: Sharp, plan: Plan, source: SourceInfo): Sharp {
  if (!isWhole(plan, source)) image = image.extract(plan.region)
  if (plan.rotate) image = image.rotate(plan.rotate)
  // The plan mirrors after rotating; sharp mirrors before rotating, where a quarter turn swaps
  // horizontal and vertical (flip is vertical, flop horizontal).
  const turned = plan.rotate === 90 || plan.rotate === 270
  if (turned ? plan.flipH : plan.flipV) image = image.flip()
  if (turned ? plan.flipV : plan.flipH) image = image.flop()
  const view = turned
    ? {width: plan.region.height, height: plan.region.width}
    : {width: plan.region.width, height: plan.region.height}
  if (plan.entropy || view.width !== plan.content.width || view.height !== plan.content.height)
    image = image.resize(plan.content.width, plan.content.height, {
      fit: plan.entropy ? 'cover' : 'fill',
      position: plan.entropy ? sharp.strategy.entropy : undefined,
    })
  return image
}

function effects(image: Sharp, params: ImageParams): Sharp {
  if (params.blur) image = image.blur(blurSigma(params.blur))
  if (params.sharpen) image = image.sharpen({sigma: sharpenSigma(params.sharpen)})
  // Sanity documents sat=-100 (greyscale); other values scale the saturation.
  if (params.sat === -100) image = image.greyscale()
  else if (params.sat) image = image.modulate({saturation: 1 + params.sat / 100})
  if (params.invert) image = image.negate({alpha: false})
  return image
}

function background(image: Sharp, job: RenderJob): Sharp {
  const {plan, params, encoding} = job
  const keepsAlpha = HAS_ALPHA.includes(encoding)
  const fill = params.bg ?? (keepsAlpha ? CLEAR : WHITE)
  const {canvas, content, offset} = plan
  if (canvas.width !== content.width || canvas.height !== content.height)
    image = image.extend({
      top: offset.top,
      left: offset.left,
      bottom: canvas.height - content.height - offset.top,
      right: canvas.width - content.width - offset.left,
      background: fill,
    })
  // JPEG has no alpha; an opaque `bg` also paints behind transparent pixels.
  if (!keepsAlpha || (params.bg && params.bg.alpha === 1))
    image = image.flatten({background: params.bg ?? WHITE})
  return image
}

function encode(image: Sharp, encoding: Encoding, q: number | undefined): Sharp {
  // Sanity's default quality is 75.
  const quality = q ?? 75
  switch (encoding) {
    case 'jpg':
      return image.jpeg({quality})
    case 'pjpg':
      return image.jpeg({quality, progressive: true})
    case 'webp':
      return image.webp({quality})
    case 'avif':
      // Effort 2 of 9: AVIF at the default effort costs several times WebP's CPU time.
      return image.avif({quality, effort: 2})
    case 'gif':
      return image.gif()
    default:
      return image.png()
  }
}

export async function render(job: RenderJob): Promise<Buffer> {
  const {plan, source, params, encoding} = job
  // Animation survives only untouched geometry into a format that animates.
  const animated =
    source.pages > 1 &&
    !params.firstFrame &&
    (encoding === 'gif' || encoding === 'webp') &&
    isWhole(plan, source) &&
    plan.rotate === 0
  let image = sharp(job.file, {
    limitInputPixels: job.maxInputPixels,
    sequentialRead: true,
    animated,
  }).timeout({seconds: job.timeoutSeconds})
  image = geometry(image, plan, source)
  image = effects(image, params)
  image = background(image, job)
  try {
    return await encode(image, encoding, params.q).toBuffer()
  } catch (error) {
    if (error instanceof Error && /timeout/i.test(error.message))
      throw new LakeError(503, 'imageTimeoutError', 'The image took too long to render')
    throw error
  }
}
