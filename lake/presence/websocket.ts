// A small WebSocket server side (RFC 6455) for the lake's HTTP/1.1 `upgrade` event: the opening
// handshake, masked client frames, fragmented messages, ping/pong, close, and a size limit.
// Text messages only, which is all the Studio's presence socket (bifur) sends.
import {createHash} from 'node:crypto'
import {EventEmitter} from 'node:events'
import type {IncomingMessage} from 'node:http'
import type {Socket} from 'node:net'
import type {Duplex} from 'node:stream'

// RFC 6455 §1.3: the GUID the accept key is derived with.
const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
/** Largest message (after reassembling fragments) the lake accepts: presence is small. */
export const MAX_MESSAGE_BYTES = 1024 * 1024

const OP = {continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10} as const

// RFC 6455 §7.4.1 close codes.
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  tooBig: 1009,
} as const

export function acceptKey(key: string): string {
  return createHash('sha1').update(`${key}${HANDSHAKE_GUID}`).digest('base64')
}

/** Answers a bad upgrade request with a plain HTTP error and closes the socket. */
export function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({
    error: {description: message, type: 'httpError'},
    statusCode: status,
  })
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Bad Request'}\r\n` +
      'Content-Type: application/json\r\nConnection: close\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/** Completes the handshake, or answers 400 and returns null when the request is not one. */
export function acceptUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): WebSocket | null {
  const key = req.headers['sec-websocket-key']
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase()
  if (req.method !== 'GET' || upgrade !== 'websocket' || typeof key !== 'string') {
    rejectUpgrade(socket, 400, 'Expected a WebSocket upgrade (GET, Upgrade: websocket)')
    return null
  }
  if (req.headers['sec-websocket-version'] !== '13') {
    socket.end('HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\n\r\n')
    return null
  }
  if (Buffer.from(key, 'base64').length !== 16) {
    rejectUpgrade(socket, 400, 'Sec-WebSocket-Key must be 16 bytes in base64')
    return null
  }
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`,
  )
  const ws = new WebSocket(socket)
  if (head.length > 0) ws.receive(head)
  return ws
}

/** One open connection: `message` (text), `close` (code) events; `send`, `close`. */
export class WebSocket extends EventEmitter<{message: [string]; close: [number]}> {
  private buffer: Buffer = Buffer.alloc(0)
  private fragments: Buffer[] = []
  private fragmentBytes = 0
  private closed = false
  /** Largest message (and frame) taken from now on; a larger one closes with 1009. */
  maxMessageBytes = MAX_MESSAGE_BYTES
  /**
   * Bytes waiting to go out past which the reader counts as stalled: the socket is dropped
   * (closed without a close frame, which could not get through either) rather than buffered.
   */
  maxBufferedBytes = Infinity

  constructor(private readonly socket: Duplex) {
    super()
    ;(socket as Partial<Socket>).setNoDelay?.(true)
    socket.on('data', (chunk: Buffer) => this.receive(chunk))
    socket.on('close', () => this.finish(CLOSE.goingAway))
    socket.on('error', () => this.finish(CLOSE.goingAway))
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** Bytes written but not yet taken by the peer (the socket's send buffer in the lake). */
  get bufferedBytes(): number {
    return this.socket.writableLength
  }

  send(text: string): void {
    if (this.closed) return
    const data = frame(OP.text, Buffer.from(text, 'utf8'))
    if (this.socket.writableLength + data.length > this.maxBufferedBytes) {
      this.finish(CLOSE.policyViolation)
      this.socket.destroy()
      return
    }
    this.socket.write(data)
  }

  close(code: number = CLOSE.normal, reason = ''): void {
    if (this.closed) return
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason))
    payload.writeUInt16BE(code, 0)
    payload.write(reason, 2)
    this.socket.end(frame(OP.close, payload))
    this.finish(code)
  }

  receive(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk
    for (;;) {
      if (this.closed) return
      const parsed = readFrame(this.buffer, this.maxMessageBytes)
      if (parsed === 'incomplete') return
      if (typeof parsed === 'number') return this.close(parsed)
      this.buffer = this.buffer.subarray(parsed.length)
      this.handle(parsed)
    }
  }

  private handle({fin, opcode, payload}: Frame): void {
    if (opcode === OP.ping) return void this.socket.write(frame(OP.pong, payload))
    if (opcode === OP.pong) return
    if (opcode === OP.close) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : CLOSE.normal
      return this.close(code)
    }
    if (opcode === OP.binary) return this.close(CLOSE.unsupportedData, 'Text messages only')
    const starts = opcode === OP.text
    if (starts === this.fragments.length > 0) return this.close(CLOSE.protocolError)
    this.fragmentBytes += payload.length
    if (this.fragmentBytes > this.maxMessageBytes) return this.close(CLOSE.tooBig)
    this.fragments.push(payload)
    if (!fin) return
    const message = Buffer.concat(this.fragments)
    this.fragments = []
    this.fragmentBytes = 0
    let text: string
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(message)
    } catch {
      return this.close(CLOSE.invalidPayload)
    }
    this.emit('message', text)
  }

  private finish(code: number): void {
    if (this.closed) return
    this.closed = true
    this.emit('close', code)
    ;(this.socket as Partial<Socket>).destroySoon?.()
  }
}

interface Frame {
  fin: boolean
  opcode: number
  payload: Buffer
  /** Bytes the frame took in the buffer. */
  length: number
}

/** One client frame from the start of `buf`: the frame, more bytes needed, or a close code. */
function readFrame(buf: Buffer, maxBytes: number): Frame | 'incomplete' | number {
  if (buf.length < 2) return 'incomplete'
  const fin = (buf[0]! & 0x80) !== 0
  if ((buf[0]! & 0x70) !== 0) return CLOSE.protocolError // no extensions were negotiated
  const opcode = buf[0]! & 0x0f
  if (![0, 1, 2, 8, 9, 10].includes(opcode)) return CLOSE.protocolError
  // RFC 6455 §5.1: a client masks every frame it sends.
  if ((buf[1]! & 0x80) === 0) return CLOSE.protocolError
  let size = buf[1]! & 0x7f
  let offset = 2
  if (opcode >= 8 && (size > 125 || !fin)) return CLOSE.protocolError
  if (size === 126) {
    if (buf.length < 4) return 'incomplete'
    size = buf.readUInt16BE(2)
    offset = 4
  } else if (size === 127) {
    if (buf.length < 10) return 'incomplete'
    const big = buf.readBigUInt64BE(2)
    if (big > BigInt(maxBytes)) return CLOSE.tooBig
    size = Number(big)
    offset = 10
  }
  if (size > maxBytes) return CLOSE.tooBig
  if (buf.length < offset + 4 + size) return 'incomplete'
  const mask = buf.subarray(offset, offset + 4)
  const payload = Buffer.from(buf.subarray(offset + 4, offset + 4 + size))
  for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i & 3]!
  return {fin, opcode, payload, length: offset + 4 + size}
}

/** A server frame: final, unmasked. */
function frame(opcode: number, payload: Buffer): Buffer {
  const size = payload.length
  const header = size < 126 ? Buffer.alloc(2) : size < 0x10000 ? Buffer.alloc(4) : Buffer.alloc(10)
  header[0] = 0x80 | opcode
  if (size < 126) header[1] = size
  else if (size < 0x10000) {
    header[1] = 126
    header.writeUInt16BE(size, 2)
  } else {
    header[1] = 127
    header.writeBigUInt64BE(BigInt(size), 2)
  }
  return Buffer.concat([header, payload])
}
