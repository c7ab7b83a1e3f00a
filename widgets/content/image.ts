// Square, responsive photo URLs for Sanity's image pipeline (the hosted CDN and the lake serve the
// same parameters). The editor's crop is kept, and the square is centred on their hotspot.
import {isWebUrl} from './config'
import type {ClinicianPhoto} from './queries'

/** Widths offered in srcset: 1x, 2x and 3x of the card's 96 px photo, and a larger one. */
export const PHOTO_WIDTHS = [96, 192, 288, 480] as const

export interface PhotoRect {
  left: number
  top: number
  size: number
}

/** The hotspot's centre on one axis in source pixels, from its edges as Sanity computes it. */
function hotspotCentre(position = 0.5, extent = 1, pixels: number): number {
  const half = (extent * pixels) / 2
  const start = position * pixels - half
  return Math.round((position * pixels + half - start) / 2 + start)
}

/**
 * The square, in source pixels, inside the crop and centred on the hotspot as far as the crop
 * allows. The arithmetic (and its rounding) is that of `@sanity/image-url`'s `fit('crop')`, so
 * these URLs equal the ones Sanity's own builder makes (image.test.ts compares them).
 */
export function squareRect(photo: ClinicianPhoto): PhotoRect | null {
  const width = photo.asset?.width
  const height = photo.asset?.height
  if (!width || !height) return null
  const crop: {left?: number; top?: number; right?: number; bottom?: number} = photo.crop ?? {}
  const left = Math.round((crop.left ?? 0) * width)
  const top = Math.round((crop.top ?? 0) * height)
  const cropWidth = Math.round(width - (crop.right ?? 0) * width - left)
  const cropHeight = Math.round(height - (crop.bottom ?? 0) * height - top)
  const keepInside = (start: number, min: number, span: number, size: number) =>
    start < min ? min : start + size > min + span ? min + span - size : start
  if (cropWidth > cropHeight) {
    // Wider than square: cut from the sides, centred on the hotspot.
    const size = cropHeight
    const centre = hotspotCentre(photo.hotspot?.x, photo.hotspot?.width, width)
    return {
      left: keepInside(Math.max(0, Math.round(centre - size / 2)), left, cropWidth, size),
      top,
      size,
    }
  }
  // Taller than square (or square): cut from the top and bottom.
  const size = cropWidth
  const centre = hotspotCentre(photo.hotspot?.y, photo.hotspot?.height, height)
  return {
    left,
    top: keepInside(Math.max(0, Math.round(centre - size / 2)), top, cropHeight, size),
    size,
  }
}

/** A `width`-pixel square of the photo, in the best format the browser accepts. */
export function photoUrl(photo: ClinicianPhoto, width: number): string | null {
  const url = photo.asset?.url
  const rect = squareRect(photo)
  if (!isWebUrl(url) || !rect) return null
  // Like Sanity's builder: no rect when it is the whole image.
  const whole =
    rect.left === 0 &&
    rect.top === 0 &&
    rect.size === photo.asset?.width &&
    rect.size === photo.asset.height
  const crop = whole ? '' : `rect=${rect.left},${rect.top},${rect.size},${rect.size}&`
  return `${url}?${crop}w=${width}&h=${width}&fit=crop&auto=format`
}

/** The widths worth asking for: none larger than the source square (no blurry upscales). */
export function photoWidths(photo: ClinicianPhoto): number[] {
  const size = squareRect(photo)?.size ?? 0
  return PHOTO_WIDTHS.filter((w, i) => i === 0 || w <= size)
}

export function photoSrcset(photo: ClinicianPhoto): string {
  return photoWidths(photo)
    .map((w) => `${photoUrl(photo, w)} ${w}w`)
    .join(', ')
}
