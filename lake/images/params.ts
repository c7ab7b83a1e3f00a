// The query parameters of Sanity's image pipeline (https://www.sanity.io/docs/image-urls), parsed
// and checked. Every bad value is a 400 naming the parameter and what it accepts; parameters the
// pipeline does not know are ignored, as the hosted CDN ignores them.
import {badRequest} from '../http/errors'
import {MAX_OUTPUT_SIDE} from './limits'

// @sanity/image-url's builder checks the same lists (builder.ts validFits, validCrops).
export const FITS = ['clip', 'crop', 'fill', 'fillmax', 'max', 'scale', 'min'] as const
export const CROPS = ['top', 'bottom', 'left', 'right', 'center', 'focalpoint', 'entropy'] as const
// `fm` values in Sanity's docs; AVIF since the pipeline's 2024-11 change.
export const OUTPUT_FORMATS = ['jpg', 'pjpg', 'png', 'webp', 'avif'] as const

export type Fit = (typeof FITS)[number]
export type CropMode = (typeof CROPS)[number]
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]
export type Orientation = 0 | 90 | 180 | 270

export interface Rect {
  left: number
  top: number
  width: number
  height: number
}

export interface Rgba {
  r: number
  g: number
  b: number
  alpha: number
}

export interface ImageParams {
  w?: number
  h?: number
  minW?: number
  maxW?: number
  minH?: number
  maxH?: number
  fit: Fit
  /** Sorted, so `top,left` and `left,top` name the same variant. */
  crop: CropMode[]
  fpX?: number
  fpY?: number
  rect?: Rect
  dpr: number
  q?: number
  fm?: OutputFormat
  autoFormat: boolean
  bg?: Rgba
  blur?: number
  sharpen?: number
  invert: boolean
  flipH: boolean
  flipV: boolean
  or: Orientation
  sat?: number
  pad: number
  /** `dl`: serve as a download; a name, or '' for the asset's own name. */
  download?: string
  /** `frame=1`: the first frame of an animated image. */
  firstFrame: boolean
}

function fail(parameter: string, value: string, allowed: string): never {
  throw badRequest(`Parameter "${parameter}" must be ${allowed} (got "${value}")`, {
    parameter,
    value,
    allowed,
  })
}

const INTEGER = /^-?\d+$/
const DECIMAL = /^-?(\d+(\.\d+)?|\.\d+)$/

/** Sanity answers 400 "must be a valid integer" for `w=1600.5` (sanity-io/sanity#1396). */
function integer(q: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = q.get(name)
  if (raw === null) return undefined
  const value = Number(raw)
  if (!INTEGER.test(raw) || value < min || value > max)
    fail(name, raw, `an integer from ${min} to ${max}`)
  return value
}

function decimal(q: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = q.get(name)
  if (raw === null) return undefined
  const value = Number(raw)
  if (!DECIMAL.test(raw) || value < min || value > max)
    fail(name, raw, `a number from ${min} to ${max}`)
  return value
}

function oneOf<T extends string>(
  q: URLSearchParams,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = q.get(name)
  if (raw === null) return undefined
  if (!values.includes(raw as T)) fail(name, raw, `one of ${values.join(', ')}`)
  return raw as T
}

function boolean(q: URLSearchParams, name: string): boolean {
  const raw = q.get(name)
  if (raw === null) return false
  if (raw === 'true' || raw === '1' || raw === '') return true
  if (raw === 'false' || raw === '0') return false
  return fail(name, raw, 'true or false')
}

function parseRect(raw: string | null): Rect | undefined {
  if (raw === null) return undefined
  const parts = raw.split(',')
  if (parts.length !== 4 || !parts.every((p) => /^\d+$/.test(p)))
    fail('rect', raw, 'four integers left,top,width,height')
  const [left, top, width, height] = parts.map(Number) as [number, number, number, number]
  if (width < 1 || height < 1) fail('rect', raw, 'a rectangle at least 1×1 pixel')
  return {left, top, width, height}
}

function parseCrop(raw: string | null): CropMode[] {
  if (raw === null) return []
  const modes = raw.split(',')
  for (const mode of modes)
    if (!CROPS.includes(mode as CropMode)) fail('crop', raw, `a list of ${CROPS.join(', ')}`)
  return [...new Set(modes as CropMode[])].sort()
}

/** Hex RGB, ARGB, RRGGBB or AARRGGBB, as Sanity's `bg` documents it. */
function parseColour(raw: string | null): Rgba | undefined {
  if (raw === null) return undefined
  const hex = raw.replace(/^#/, '')
  if (!/^([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(hex))
    fail('bg', raw, 'a hex colour: RGB, ARGB, RRGGBB or AARRGGBB')
  const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex
  const argb = full.length === 8 ? full : `ff${full}`
  const byte = (i: number) => parseInt(argb.slice(i, i + 2), 16)
  return {alpha: Math.round((byte(0) / 255) * 1000) / 1000, r: byte(2), g: byte(4), b: byte(6)}
}

function parseFlip(raw: string | null): {flipH: boolean; flipV: boolean} {
  if (raw === null) return {flipH: false, flipV: false}
  if (!['h', 'v', 'hv', 'vh'].includes(raw)) fail('flip', raw, 'one of h, v, hv')
  return {flipH: raw.includes('h'), flipV: raw.includes('v')}
}

export function parseImageParams(q: URLSearchParams): ImageParams {
  const side = (name: string) => integer(q, name, 1, MAX_OUTPUT_SIDE)
  const orientation = q.get('or')
  if (orientation !== null && !['0', '90', '180', '270'].includes(orientation))
    fail('or', orientation, 'one of 0, 90, 180, 270')
  const auto = oneOf(q, 'auto', ['format'] as const)
  const frame = q.get('frame')
  // @sanity/image-url accepts only frame(1): the pipeline serves the first frame.
  if (frame !== null && frame !== '1') fail('frame', frame, '1')
  // @sanity/image-url writes `sharpen` as `sharp`; both spellings are accepted.
  const sharpen =
    q.get('sharp') !== null ? integer(q, 'sharp', 0, 100) : integer(q, 'sharpen', 0, 100)
  return {
    w: side('w'),
    h: side('h'),
    minW: side('min-w'),
    maxW: side('max-w'),
    minH: side('min-h'),
    maxH: side('max-h'),
    fit: oneOf(q, 'fit', FITS) ?? 'clip',
    crop: parseCrop(q.get('crop')),
    fpX: decimal(q, 'fp-x', 0, 1),
    fpY: decimal(q, 'fp-y', 0, 1),
    rect: parseRect(q.get('rect')),
    dpr: decimal(q, 'dpr', 1, 3) ?? 1,
    q: integer(q, 'q', 0, 100),
    fm: oneOf(q, 'fm', OUTPUT_FORMATS),
    autoFormat: auto === 'format',
    bg: parseColour(q.get('bg')),
    blur: integer(q, 'blur', 1, 2000),
    sharpen: sharpen === 0 ? undefined : sharpen,
    invert: boolean(q, 'invert'),
    ...parseFlip(q.get('flip')),
    or: Number(orientation ?? 0) as Orientation,
    sat: integer(q, 'sat', -100, 100) || undefined,
    pad: integer(q, 'pad', 0, MAX_OUTPUT_SIDE) ?? 0,
    download: q.get('dl') ?? undefined,
    firstFrame: frame === '1',
  }
}
