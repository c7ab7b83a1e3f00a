// Request and response helpers on Node's compatibility API, so the same handlers run on
// node:http and on node:http2 (createSecureServer with allowHTTP1).
import type {IncomingMessage} from 'node:http'
import type {Http2ServerRequest} from 'node:http2'
import {LakeError} from './errors'

export type LakeRequest = IncomingMessage | Http2ServerRequest
/** What handlers use of a response; node:http's and node:http2's responses both provide it. */
export interface LakeResponse {
  readonly headersSent: boolean
  writeHead(status: number, headers?: Record<string, string | number>): unknown
  setHeader(name: string, value: string | number): unknown
  write(chunk: string | Buffer): boolean
  end(): unknown
  end(chunk: string | Buffer): unknown
  once(event: 'close', listener: () => void): unknown
}

/** Bodies above this are refused with 413 (assets have their own, larger limit). */
export const MAX_JSON_BODY = 10 * 1024 * 1024

/**
 * Arrays and objects nested deeper than this are refused with 400. Real documents nest a few dozen
 * levels (Portable Text in an array in an object is about ten); the GROQ evaluator, the patcher
 * and the store walk values recursively, so an unbounded depth would exhaust the stack.
 */
export const MAX_JSON_DEPTH = 128

export function sendJson(res: LakeResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  })
  res.end(json)
}

export function sendError(res: LakeResponse, error: unknown): void {
  if (res.headersSent) {
    res.end()
    return
  }
  if (error instanceof LakeError) {
    sendJson(res, error.statusCode, error.toBody())
    return
  }
  console.error('lake: internal error', error)
  sendJson(res, 500, {
    error: {description: 'Internal error in the local lake', type: 'internalError'},
  })
}

export async function readBody(req: LakeRequest, limit = MAX_JSON_BODY): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw tooLarge(limit)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export async function readJson(req: LakeRequest): Promise<Record<string, unknown>> {
  const raw = (await readBody(req)).toString('utf8')
  const body = parseJson(raw, 'The request body')
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new LakeError(400, 'invalidJsonError', 'The request body must be a JSON object')
  return body as Record<string, unknown>
}

function tooLarge(limit: number): LakeError {
  return new LakeError(
    413,
    'requestTooLargeError',
    `The request body is larger than ${limit / 1024 / 1024} MB`,
  )
}

/** `$name=<JSON>` query-string parameters, as @sanity/client sends GROQ params. */
export function groqParamsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    if (nestingExceeds(value, MAX_JSON_DEPTH))
      throw new LakeError(400, 'queryParseError', `Parameter "${key}" is nested too deeply`)
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw new LakeError(400, 'queryParseError', `Parameter "${key}" is not valid JSON`)
    }
  }
  return params
}

/** JSON text as a value, or 400 when it is not JSON or nests deeper than MAX_JSON_DEPTH. */
export function parseJson(text: string, what: string): unknown {
  if (nestingExceeds(text, MAX_JSON_DEPTH))
    throw new LakeError(
      400,
      'invalidJsonError',
      `${what} nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
    )
  try {
    return JSON.parse(text)
  } catch {
    throw new LakeError(400, 'invalidJsonError', `${what} is not valid JSON`)
  }
}

/**
 * Whether JSON text opens more than `max` brackets at once, counted in one pass without recursion
 * (so a hostile depth cannot overflow the stack here either). Brackets inside strings don't count.
 */
export function nestingExceeds(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      // A backslash escapes the next character, so `\"` does not end the string.
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

export function flag(search: URLSearchParams, name: string, fallback = false): boolean {
  const value = search.get(name)
  if (value === null) return fallback
  return value === '' || value === 'true' || value === '1'
}
