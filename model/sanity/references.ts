// Sanity's reference convention: an object with a string `_ref` naming the document it points at,
// strong unless `_weak: true` (https://www.sanity.io/docs/reference-type). Plain TypeScript, and
// nothing else in model/ is imported here.

export interface Reference {
  _ref: string
  _type?: string
  _weak?: boolean
}

/** A reference with a non-blank `_ref`. */
export function isReference(value: unknown): value is Reference {
  if (typeof value !== 'object' || value === null) return false
  const ref = (value as {_ref?: unknown})._ref
  return typeof ref === 'string' && ref.trim() !== ''
}
