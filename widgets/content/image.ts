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

/** The square, in source pixels, inside the crop and as near the hotspot's centre as fits. */
export function squareRect(photo: ClinicianPhoto): PhotoRect | null {
  const width = photo.asset?.width
  const height = photo.asset?.height
  if (!width || !height) return null
  const crop: {left?: number; top?: number; right?: number; bottom?: number} = photo.crop ?? {}
  const left = Math.round((crop.left ?? 0) * width)
  const top = Math.round((crop.top ?? 0) * height)
  const right = width - Math.round((crop.right ?? 0) * width)
  const bottom = height - Math.round((crop.bottom ?? 0) * height)
  const size = Math.max(1, Math.min(right - left, bottom - top))
  const centreX = (photo.hotspot?.x ?? 0.5) * width
  const centreY = (photo.hotspot?.y ?? 0.5) * height
  const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max)
  return {
    left: Math.round(clamp(centreX - size / 2, left, right - size)),
    top: Math.round(clamp(centreY - size / 2, top, bottom - size)),
    size,
  }
}

/** A `width`-pixel square of the photo, in the best format the browser accepts. */
export function photoUrl(photo: ClinicianPhoto, width: number): string | null {
  const url = photo.asset?.url
  const rect = squareRect(photo)
  if (!isWebUrl(url) || !rect) return null
  const params = new URLSearchParams({
    rect: `${rect.left},${rect.top},${rect.size},${rect.size}`,
    w: String(width),
    h: String(width),
    fit: 'crop',
    auto: 'format',
  })
  return `${url}?${params}`
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
