// Requests sent exactly as written (no URL normalisation, any method, any body) over HTTP/1.1
// (node:http, a fresh connection each) or HTTP/2 (node:http2, one session), for probing the lake
// with malformed input. Streams (listen) and long bodies are cut once enough has been read.
import {request} from 'node:http'
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
  return raw.declaredLength ?? raw.body?.length
}

export function http1(origin: string, raw: RawRequest): Promise<RawResponse> {
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
        agent: false,
        headers: {
          connection: 'close',
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
      void readCapped(res, contentType, () => req.destroy()).then((body) => {
        clearTimeout(timer)
        resolve({status: res.statusCode ?? 0, contentType, body})
      })
    })
    // Writing a refused body can fail after the answer arrived; only an error before it counts.
    req.on('error', (error) => {
      if (answered) return
      clearTimeout(timer)
      reject(error)
    })
    writeBody(req, raw.body, raw.declaredLength !== undefined)
  })
}

/** One HTTP/2 session over TLS to the lake, trusting its CA. */
export class Http2Client {
  private readonly session: ClientHttp2Session

  constructor(origin: string, ca: Buffer) {
    this.session = connect(origin, {ca, servername: 'localhost'})
    this.session.on('error', () => undefined)
  }

  request(raw: RawRequest): Promise<RawResponse> {
    const length = declaredLength(raw)
    return new Promise((resolve, reject) => {
      let stream
      try {
        stream = this.session.request({
          ':method': raw.method,
          ':path': raw.path,
          ...(length === undefined ? {} : {'content-length': String(length)}),
          ...raw.headers,
        })
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
    this.session.close()
  }
}
