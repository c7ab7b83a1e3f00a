// The limits that keep one image request from taking the lake's memory or CPU. Operators can
// change them with environment variables (read when a lake first serves or stores an image).
import {availableParallelism} from 'node:os'

/** Sanity's image pipeline refuses `w`/`h` above 8192; the lake holds the final output to it. */
export const MAX_OUTPUT_SIDE = 8192
/** Total output pixels (40 MP ≈ 7300×5500): a 6000×4500 Studio preview at dpr 3 still fits. */
export const DEFAULT_MAX_OUTPUT_PIXELS = 40_000_000
/** Source images above this are refused at upload and never decoded (50 MP covers 48 MP phones). */
export const DEFAULT_MAX_INPUT_PIXELS = 50_000_000
/** A job that runs longer than this is stopped (sharp's timeout) and answers 503. */
export const DEFAULT_JOB_SECONDS = 60

export interface ImageLimits {
  maxInputPixels: number
  maxOutputPixels: number
  /** Resizes running at once; one libvips thread each. */
  concurrency: number
  /** Resizes waiting for a slot; beyond this the lake answers 503 with Retry-After. */
  queueLength: number
  /** Size cap of the resized-variant cache on disk. */
  cacheBytes: number
  jobSeconds: number
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`)
  return value
}

export function imageLimits(): ImageLimits {
  return {
    maxInputPixels: positive('LAKE_IMAGE_MAX_INPUT_PIXELS', DEFAULT_MAX_INPUT_PIXELS),
    maxOutputPixels: positive('LAKE_IMAGE_MAX_OUTPUT_PIXELS', DEFAULT_MAX_OUTPUT_PIXELS),
    concurrency: Math.max(
      1,
      Math.floor(positive('LAKE_IMAGE_CONCURRENCY', availableParallelism())),
    ),
    queueLength: Math.floor(positive('LAKE_IMAGE_QUEUE', 32)),
    cacheBytes: positive('LAKE_IMAGE_CACHE_MB', 512) * 1024 * 1024,
    jobSeconds: positive('LAKE_IMAGE_JOB_SECONDS', DEFAULT_JOB_SECONDS),
  }
}
