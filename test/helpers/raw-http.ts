// Requests sent exactly as written (no URL normalisation, any method, any body) over HTTP/1.1
// (node:http, connections kept alive) or HTTP/2 (node:http2, one session), for probing the lake
// with malformed input. Streams (listen) and long bodies are cut once enough has been read.
import {Agent, request} from 'node:http'
import {connect, constants, type ClientHttp2Session} from 'node:http2'

export interface RawRequest {
  method: string
  /** The request target as sent: `/v1/data/doc/production/%E0%A4%A`. */
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** A content-length to declare instead of the body's own (to claim a huge body). */
  declaredLength?: number
  /** Send the body without a content-length (chunked on HTTP/1.1, plain DATA frames on h2). */
  streamed?: boolean
}

export interface RawResponse {
  status: number
  contentType: string
  /** The first MAX_READ bytes of the body. */
  body: string
}

/** The client library refused to send the request (e.g. a header with a NUL byte). */
export class NotSent extends Error {}

const MAX_READ = 256 * 1024
/** Connections are reused between probes; a cut-short answer destroys its connection. */
const agent = new Agent({keepAlive: true, maxSockets: 8})
const TIMEOUT_MS = 15_000

function readCapped(
  stream: NodeJS.ReadableStream,
  contentType: string,
  stop: () => void,
): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = () => {
      stop()
      resolve(Buffer.concat(chunks).toString('utf8'))
    }
    // An event stream never ends on its own: its status and headers are the answer.
    if (contentType.startsWith('text/event-stream')) return done()
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size >= MAX_READ) done()
    })
    stream.on('end', done)
    stream.on('error', done)
    stream.on('close', done)
  })
}

function writeBody(
  sink: {write(chunk: Buffer): unknown; end(): unknown},
  body: string | Buffer | undefined,
  declared: boolean,
) {
  if (body !== undefined && body.length > 0)
    sink.write(typeof body === 'string' ? Buffer.from(body) : body)
  // A declared length larger than the body is left open: the server must answer from the header.
  if (!declared) sink.end()
}

function declaredLength(raw: RawRequest): number | undefined {
  if (raw.streamed) return undefined
  if (raw.declaredLength !== undefined) return raw.declaredLength
  return raw.body === undefined ? undefined : Buffer.byteLength(raw.body)
}

/**
 * A kept-alive connection the server has just closed fails with ECONNRESET before any answer;
 * such a request is sent again once on a new connection (as Node's http docs advise).
 */
export async function http1(origin: string, raw: RawRequest): Promise<RawResponse> {
  try {
    return await http1Once(origin, raw, agent)
  } catch (error) {
    if ((error as {reused?: boolean}).reused) return http1Once(origin, raw, false)
    throw error
  }
}

function http1Once(origin: string, raw: RawRequest, via: Agent | false): Promise<RawResponse> {
  const {hostname, port} = new URL(origin)
  const length = declaredLength(raw)
  return new Promise((resolve, reject) => {
    let req
    try {
      req = request({
        hostname,
        port,
        method: raw.method,
        path: raw.path,
        agent: via,
        headers: {
          ...(length === undefined ? {} : {'content-length': String(length)}),
          ...raw.headers,
        },
      })
    } catch (error) {
      reject(new NotSent((error as Error).message))
      return
    }
    const timer = setTimeout(() => {
      req.destroy()
      reject(new Error(`no answer within ${TIMEOUT_MS} ms`))
    }, TIMEOUT_MS)
    let answered = false
    req.on('response', (res) => {
      answered = true
      const contentType = String(res.headers['content-type'] ?? '')
      // A connection whose answer was cut short cannot carry the next request.
      const reusable = () => res.complete && raw.declaredLength === undefined
      void readCapped(res, contentType, () => reusable() || req.destroy()).then((body) => {
        clearTimeout(timer)
        resolve({status: res.statusCode ?? 0, contentType, body})
      })
    })
    // Writing a refused body can fail after the answer arrived; only an error before it counts.
    req.on('error', (error) => {
      if (answered) return
      clearTimeout(timer)
      const reset = (error as NodeJS.ErrnoException).code === 'ECONNRESET'
      reject(Object.assign(error, {reused: reset && req.reusedSocket}))
    })
    writeBody(req, raw.body, raw.declaredLength !== undefined)
  })
}

/** One HTTP/2 session over TLS to the lake, trusting its CA. */
export class Http2Client {
  private session: ClientHttp2Session | null = null

  constructor(
    private readonly origin: string,
    private readonly ca: Buffer,
  ) {}

  /** The open session, or a new one when the server closed the last (e.g. on a protocol error). */
  private open(): ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session
    const session = connect(this.origin, {ca: this.ca, servername: 'localhost'})
    session.on('error', () => undefined)
    this.session = session
    return session
  }

  request(raw: RawRequest): Promise<RawResponse> {
    const length = declaredLength(raw)
    return new Promise((resolve, reject) => {
      let stream
      try {
        stream = this.open().request(
          {
            ':method': raw.method,
            ':path': raw.path,
            ...(length === undefined ? {} : {'content-length': String(length)}),
            ...raw.headers,
          },
          // node:http2 ends GET, HEAD and DELETE streams at once unless told a body follows.
          {endStream: raw.body === undefined},
        )
      } catch (error) {
        reject(new NotSent((error as Error).message))
        return
      }
      const timer = setTimeout(() => {
        stream.close(constants.NGHTTP2_CANCEL)
        reject(new Error(`no answer within ${TIMEOUT_MS} ms`))
      }, TIMEOUT_MS)
      let answered = false
      stream.on('response', (headers) => {
        answered = true
        const contentType = String(headers['content-type'] ?? '')
        const status = Number(headers[':status'])
        void readCapped(stream, contentType, () => stream.close(constants.NGHTTP2_CANCEL)).then(
          (body) => {
            clearTimeout(timer)
            resolve({status, contentType, body})
          },
        )
      })
      stream.on('error', (error) => {
        if (answered) return
        clearTimeout(timer)
        reject(error)
      })
      writeBody(stream, raw.body, raw.declaredLength !== undefined)
    })
  }

  close(): void {
    this.session?.close()
  }
}
