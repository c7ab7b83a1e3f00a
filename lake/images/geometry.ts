// Where the output's pixels come from and how big it is, worked out before any pixel is decoded,
// so the size caps hold for the FINAL image (after rect, dpr, fit, fill and pad).
import {badRequest} from '../http/errors'
import {MAX_OUTPUT_SIDE} from './limits'
import type {ImageParams, Orientation, Rect} from './params'

export interface Size {
  width: number
  height: number
}

export interface Plan {
  /** What to cut from the source, in source pixels (before rotation). */
  region: Rect
  rotate: Orientation
  flipH: boolean
  flipV: boolean
  /** The picture after resizing (in output orientation). */
  content: Size
  /** The whole output: content plus fill and pad borders. */
  canvas: Size
  offset: {left: number; top: number}
  /** `crop=entropy`: sharp picks the region while resizing to `content`. */
  entropy: boolean
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max)
const atLeastOne = (value: number) => Math.max(1, Math.round(value))

/** The largest region of the given aspect inside `view`, placed by the crop mode. */
function cropRegion(view: Size, aspect: number, params: ImageParams): Rect {
  const wide = view.width / view.height > aspect
  const width = wide ? clamp(Math.round(view.height * aspect), 1, view.width) : view.width
  const height = wide ? view.height : clamp(Math.round(view.width / aspect), 1, view.height)
  const modes = params.crop
  const place = (span: number, size: number, start: boolean, end: boolean, focus?: number) => {
    if (modes.includes('focalpoint') && focus !== undefined)
      return clamp(Math.round(focus * span - size / 2), 0, span - size)
    if (start) return 0
    if (end) return span - size
    return Math.round((span - size) / 2)
  }
  return {
    left: place(
      view.width,
      width,
      modes.includes('left'),
      modes.includes('right'),
      params.fpX ?? 0.5,
    ),
    top: place(
      view.height,
      height,
      modes.includes('top'),
      modes.includes('bottom'),
      params.fpY ?? 0.5,
    ),
    width,
    height,
  }
}

/** A rectangle in the rotated-and-flipped view, mapped back to the unrotated region. */
function toSource(rect: Rect, view: Size, rotate: Orientation, flipH: boolean, flipV: boolean) {
  const x = flipH ? view.width - rect.left - rect.width : rect.left
  const y = flipV ? view.height - rect.top - rect.height : rect.top
  const {width, height} = rect
  // The unrotated region has the view's sides swapped for 90 and 270.
  const sw = rotate === 90 || rotate === 270 ? view.height : view.width
  const sh = rotate === 90 || rotate === 270 ? view.width : view.height
  switch (rotate) {
    case 90:
      return {left: y, top: sh - x - width, width: height, height: width}
    case 180:
      return {left: sw - x - width, top: sh - y - height, width, height}
    case 270:
      return {left: sw - y - height, top: x, width: height, height: width}
    default:
      return {left: x, top: y, width, height}
  }
}

function scaleToFit(view: Size, width?: number, height?: number, upscale = true): Size {
  let scale = Math.min(
    width === undefined ? Infinity : width / view.width,
    height === undefined ? Infinity : height / view.height,
  )
  if (!upscale) scale = Math.min(scale, 1)
  return {width: atLeastOne(view.width * scale), height: atLeastOne(view.height * scale)}
}

function inside(rect: Rect, source: Size) {
  return rect.left + rect.width <= source.width && rect.top + rect.height <= source.height
}

export function planImage(source: Size, params: ImageParams, maxOutputPixels: number): Plan {
  const base = params.rect ?? {left: 0, top: 0, ...source}
  // Outside the source is refused rather than clamped: the lake will not guess a crop.
  if (!inside(base, source))
    throw badRequest(
      `Parameter "rect" must lie inside the ${source.width}×${source.height} source image`,
      {parameter: 'rect', allowed: `left+width ≤ ${source.width}, top+height ≤ ${source.height}`},
    )
  const turned = params.or === 90 || params.or === 270
  const view = turned
    ? {width: base.height, height: base.width}
    : {width: base.width, height: base.height}
  const scaled = (v?: number) => (v === undefined ? undefined : Math.round(v * params.dpr))
  const w = scaled(params.w)
  const h = scaled(params.h)
  let region: Rect = {left: 0, top: 0, ...view}
  let content: Size = view
  let canvas: Size | undefined
  let entropy = false
  const both = w !== undefined && h !== undefined
  if (w !== undefined || h !== undefined) {
    switch (params.fit) {
      case 'max':
        content = scaleToFit(view, w, h, false)
        break
      case 'scale':
        content = {
          width: w ?? atLeastOne((view.width * h!) / view.height),
          height: h ?? atLeastOne((view.height * w!) / view.width),
        }
        break
      case 'crop':
        if (!both) content = scaleToFit(view, w, h)
        else {
          content = {width: w, height: h}
          entropy = params.crop.includes('entropy')
          if (!entropy) region = cropRegion(view, w / h, params)
        }
        break
      case 'min':
        if (!both) content = scaleToFit(view, w, h, false)
        else {
          region = cropRegion(view, w / h, params)
          content = scaleToFit(region, w, h, false)
        }
        break
      case 'fill':
      case 'fillmax':
        content = scaleToFit(view, w, h, params.fit === 'fill')
        if (both) canvas = {width: w, height: h}
        break
      default:
        content = scaleToFit(view, w, h)
    }
  }
  // min-/max- sizes bound the crop (Sanity: they "only work when also specifying fit=crop").
  if (params.fit === 'crop' && !entropy) {
    const bound = (v: number, min?: number, max?: number) =>
      clamp(v, scaled(min) ?? 1, scaled(max) ?? Infinity)
    const bounded = {
      width: bound(content.width, params.minW, params.maxW),
      height: bound(content.height, params.minH, params.maxH),
    }
    if (bounded.width !== content.width || bounded.height !== content.height) {
      const within = cropRegion(region, bounded.width / bounded.height, params)
      region = {...within, left: region.left + within.left, top: region.top + within.top}
      content = bounded
    }
  }
  const frame = canvas ?? content
  const pad = Math.round(params.pad * params.dpr)
  const out = {width: frame.width + 2 * pad, height: frame.height + 2 * pad}
  const offset = {
    left: pad + Math.floor((frame.width - content.width) / 2),
    top: pad + Math.floor((frame.height - content.height) / 2),
  }
  checkOutput(out, params, maxOutputPixels)
  const inSource = toSource(region, view, params.or, params.flipH, params.flipV)
  return {
    region: {...inSource, left: inSource.left + base.left, top: inSource.top + base.top},
    rotate: params.or,
    flipH: params.flipH,
    flipV: params.flipV,
    content,
    canvas: out,
    offset,
    entropy,
  }
}

function checkOutput(out: Size, params: ImageParams, maxOutputPixels: number) {
  const tooWide = out.width > MAX_OUTPUT_SIDE || out.height > MAX_OUTPUT_SIDE
  const tooMany = out.width * out.height > maxOutputPixels
  if (!tooWide && !tooMany) return
  const causes = (['w', 'h', 'dpr', 'pad', 'rect'] as const).filter((name) =>
    name === 'dpr'
      ? params.dpr !== 1
      : name === 'pad'
        ? params.pad > 0
        : params[name] !== undefined,
  )
  const parameter = params.dpr !== 1 ? 'dpr' : (causes[0] ?? 'w')
  const megapixels = Math.floor(maxOutputPixels / 1e5) / 10
  throw badRequest(
    `The output would be ${out.width}×${out.height} pixels (from ${causes.join(', ') || 'the source'}); ` +
      `the most is ${MAX_OUTPUT_SIDE} pixels a side and ${megapixels} megapixels`,
    {
      parameter,
      allowed: `output up to ${MAX_OUTPUT_SIDE}×${MAX_OUTPUT_SIDE} and ${maxOutputPixels} pixels`,
      width: out.width,
      height: out.height,
    },
  )
}

/** The plan does nothing: the original bytes can be served as they are. */
export function isIdentity(plan: Plan, source: Size): boolean {
  return (
    plan.region.left === 0 &&
    plan.region.top === 0 &&
    plan.region.width === source.width &&
    plan.region.height === source.height &&
    plan.rotate === 0 &&
    !plan.flipH &&
    !plan.flipV &&
    !plan.entropy &&
    plan.canvas.width === source.width &&
    plan.canvas.height === source.height &&
    plan.content.width === source.width &&
    plan.content.height === source.height
  )
}
