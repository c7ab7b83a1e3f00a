// GROQ errors as Sanity answers them: what parsing rejects is a queryParseError pointing at the
// text it is about, what fails while running a queryError.
import {LakeError} from '../http/errors'

/**
 * Whatever parsing rejects is a queryParseError, as Sanity answers for syntax and for checks it
 * makes before running (e.g. `defined()` with no argument); groq-js gives some of these no
 * position, so they point at the function the message names, else at the whole query.
 */
export function parseError(query: string, error: unknown): LakeError {
  const mapped = queryError(query, error)
  if (mapped.type === 'queryParseError') return mapped
  const named = /function ([\w:]+)\(\)/.exec(mapped.message)?.[1]
  const at = named ? query.indexOf(named) : -1
  return new LakeError(400, 'queryParseError', mapped.message, {
    query,
    start: Math.max(at, 0),
    end: at >= 0 ? at + named!.length : query.length,
  })
}

export function queryError(query: string, error: unknown): LakeError {
  if (error instanceof LakeError) return error
  const e = error as {name?: string; message?: string; position?: number}
  if (e.name === 'GroqSyntaxError' && typeof e.position === 'number') {
    const start = Math.min(e.position, query.length)
    return new LakeError(400, 'queryParseError', e.message ?? 'Invalid GROQ', {
      query,
      start,
      end: Math.min(start + 1, query.length),
    })
  }
  // An unknown function (e.g. delta:: outside a listen filter) is found while parsing, like
  // Sanity's queryParseError; point at the first call of it.
  const unknown = /^Undefined (?:function|namespace): (\w+)/.exec(e.message ?? '')
  if (e.name === 'GroqQueryError' && unknown) {
    const call = new RegExp(`(\\w+::)?\\b${unknown[1]}\\b`).exec(query)
    const start = call?.index ?? 0
    const name = call?.[0] ?? unknown[1]!
    const hint = name.startsWith('delta::') ? ' (delta:: works in listen filters only)' : ''
    return new LakeError(400, 'queryParseError', `Undefined function: ${name}${hint}`, {
      query,
      start,
      end: call ? start + call[0].length : query.length,
    })
  }
  return new LakeError(400, 'queryError', e.message ?? 'The query failed', {query})
}
