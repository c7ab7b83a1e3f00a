// CMS values as the widgets use them, whatever a stored document holds: content written before a
// schema change, through the API, or with references to documents that are gone (which resolve to
// null) must not break an element.

/** The strings of a list field; anything else (a lone string, nulls, numbers) is left out. */
export const textList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

/** The objects of an array field, without the nulls of references to documents that are gone. */
export const entries = <T>(value: readonly (T | null)[] | null | undefined): T[] =>
  Array.isArray(value)
    ? value.filter((item): item is T => item !== null && typeof item === 'object')
    : []
