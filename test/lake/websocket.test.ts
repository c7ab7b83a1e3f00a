// The lake's WebSocket: the RFC 6455 handshake and framing (with Node's built-in WebSocket
// client and with raw frames), over HTTP/1.1 and on the TLS port, and the Studio's presence
// messages (bifur JSON-RPC) between two clients.
import assert from 'node:assert/strict'
import {randomBytes} from 'node:crypto'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {connect, type Socket} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {connect as tlsConnect} from 'node:tls'
import {startLake, type RunningLake} from '../../lake/server/server'
import {ensureLakeTls} from '../../lake/server/tls'
import {acceptKey, MAX_MESSAGE_BYTES} from '../../lake/presence/websocket'

let lake: RunningLake
let dir: string
let ca: Buffer
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ck-ws-'))
  const tls = ensureLakeTls(dir)
  ca = readFileSync(tls.caFile)
  lake = await startLake({port: 0, tlsPort: 0, dir, tls, quiet: true})
})
after(async () => {
  await lake?.close()
  rmSync(dir, {recursive: true, force: true})
})

const SOCKET = '/v2022-06-30/socket/production?tag=sanity.studio'

/** A built-in WebSocket with every message kept, and a way to wait for one. */
class Client {
  readonly ws: WebSocket
  readonly messages: string[] = []
  private waiters: Array<() => void> = []
  closeCode: number | null = null
  private nextId = 0

  constructor(url = lake.url.replace(/^http/, 'ws') + SOCKET) {
    this.ws = new WebSocket(url)
    this.ws.onmessage = (event) => {
      this.messages.push(String(event.data))
      for (const wake of this.waiters.splice(0)) wake()
    }
    this.ws.onclose = (event) => {
      this.closeCode = event.code
      for (const wake of this.waiters.splice(0)) wake()
    }
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.onopen = () => resolve()
      this.ws.onerror = () => reject(new Error('WebSocket failed to open'))
    })
  }

  async waitFor<T>(pick: (message: string) => T | undefined, what: string): Promise<T> {
    for (;;) {
      for (const message of this.messages) {
        const found = pick(message)
        if (found !== undefined) return found
      }
      if (this.closeCode !== null) throw new Error(`closed (${this.closeCode}) waiting for ${what}`)
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    }
  }

  /** Resolves with the close code once the socket has closed. */
  async closed(): Promise<number> {
    await this.waitFor<never>(() => undefined, 'close').catch(() => undefined)
    return this.closeCode!
  }

  /** Sends a bifur request and waits for its answer. */
  async call(method: string, params: Record<string, unknown> = {}) {
    const id = `r${++this.nextId}`
    this.ws.send(
      JSON.stringify({jsonrpc: '2.0', method, params: {...params, apiVersion: 'v1'}, id}),
    )
    return this.waitFor((message) => {
      if (message === '♥') return undefined
      const parsed = JSON.parse(message) as {id?: string; result?: unknown; error?: {code: number}}
      return parsed.id === id ? parsed : undefined
    }, `answer to ${method}`)
  }

  /** The presence events relayed to this client so far, waiting until one matches. */
  presence(match: (event: Record<string, unknown>) => boolean, what: string) {
    return this.waitFor((message) => {
      if (message === '♥') return undefined
      const parsed = JSON.parse(message) as {
        method?: string
        params?: {result: Record<string, unknown>}
      }
      return parsed.method === 'presence_subscription' && match(parsed.params!.result)
        ? parsed.params!.result
        : undefined
    }, what)
  }
}

async function presenceClient(): Promise<Client> {
  const client = new Client()
  await client.opened()
  assert.equal(
    (await client.call('authorization', {authorization: `Bearer ${lake.token}`})).result,
    true,
  )
  assert.equal(typeof (await client.call('presence_subscribe')).result, 'string')
  return client
}

describe('WebSocket handshake and framing', () => {
  it('opens with the built-in client and sends a heartbeat first', async () => {
    const client = new Client()
    await client.opened()
    assert.equal(await client.waitFor((m) => (m === '♥' ? m : undefined), 'heartbeat'), '♥')
    client.ws.close(1000)
    assert.equal(await client.closed(), 1000)
  })

  it('answers 404 for other paths and unknown datasets, and is no HTTP route', async () => {
    for (const path of ['/v2022-06-30/socket/nope', '/v2022-06-30/other']) {
      const client = new Client(lake.url.replace(/^http/, 'ws') + path)
      await assert.rejects(client.opened(), /failed to open/, path)
    }
    const plain = await fetch(`${lake.url}/v2022-06-30/socket/production`)
    assert.equal(plain.status, 404, 'not an upgrade: no such HTTP route')
  })

  it('reassembles fragments, answers ping with pong, and closes on protocol errors', async () => {
    const raw = await RawSocket.open(connect(portOf(lake.url), '127.0.0.1'))
    assert.match(raw.handshake, /^HTTP\/1\.1 101 /)
    assert.match(raw.handshake, new RegExp(`Sec-WebSocket-Accept: ${escape(raw.accept)}`))
    const request = JSON.stringify({jsonrpc: '2.0', method: 'presence_subscribe', id: 'frag'})
    raw.send(0x1, request.slice(0, 10), false)
    raw.send(0x0, request.slice(10), true)
    const answer = await raw.frame((f) => f.opcode === 0x1 && f.text.includes('"frag"'))
    assert.match(answer.text, /"error":\{"code":4001/, 'before authorization presence is refused')
    raw.send(0x9, 'are you there')
    assert.equal((await raw.frame((f) => f.opcode === 0xa)).text, 'are you there')
    raw.send(0x1, 'unmasked', true, false)
    const close = await raw.frame((f) => f.opcode === 0x8)
    assert.equal(close.payload.readUInt16BE(0), 1002)
  })

  it('closes with 1009 on a message over the size limit', async () => {
    const raw = await RawSocket.open(connect(portOf(lake.url), '127.0.0.1'))
    raw.send(0x1, 'x'.repeat(MAX_MESSAGE_BYTES + 1))
    const close = await raw.frame((f) => f.opcode === 0x8)
    assert.equal(close.payload.readUInt16BE(0), 1009)
  })

  it('upgrades on the TLS port over HTTP/1.1 (what Chromium uses for wss)', async () => {
    const socket = tlsConnect({
      port: portOf(lake.tlsUrl!),
      host: '127.0.0.1',
      servername: 'clinickit.localhost',
      ca,
      ALPNProtocols: ['http/1.1'],
    })
    const raw = await RawSocket.open(socket, 'clinickit.localhost')
    assert.match(raw.handshake, /^HTTP\/1\.1 101 /)
    assert.equal((await raw.frame((f) => f.opcode === 0x1)).text, '♥')
  })
})

describe('presence between two clients', () => {
  it('relays announce, roll call and disconnect to the other client', async () => {
    const a = await presenceClient()
    const b = await presenceClient()
    const locations = [
      {
        type: 'document',
        documentId: 'faq-1',
        path: ['question'],
        lastActiveAt: new Date().toISOString(),
      },
    ]
    assert.equal(
      (await a.call('presence_announce', {data: {sessionId: 'sess-a', locations}})).result,
      true,
    )
    const state = await b.presence((e) => e.type === 'state', 'state from a')
    assert.deepEqual(state, {type: 'state', i: 'lake-robot', m: {sessionId: 'sess-a', locations}})
    await b.call('presence_rollcall', {session: 'sess-b'})
    assert.deepEqual(await a.presence((e) => e.type === 'rollCall', 'roll call from b'), {
      type: 'rollCall',
      i: 'lake-robot',
      session: 'sess-b',
    })
    assert.equal(
      a.messages.some((m) => m.includes('"sess-a"') && m.includes('presence_subscription')),
      false,
      'a client does not hear its own announcements',
    )
    a.ws.close()
    assert.deepEqual(await b.presence((e) => e.type === 'disconnect', 'a leaving'), {
      type: 'disconnect',
      i: 'lake-robot',
      m: {session: 'sess-a'},
    })
    b.ws.close()
  })

  it('refuses a bad token with close code 4001, and bad params with -32602', async () => {
    const bad = new Client()
    await bad.opened()
    const answer = await bad.call('authorization', {authorization: 'Bearer wrong'})
    assert.equal(answer.error?.code, 4001)
    assert.equal(await bad.closed(), 4001)
    const good = await presenceClient()
    assert.equal((await good.call('presence_announce', {data: {}})).error?.code, -32602)
    assert.equal((await good.call('no_such_method')).error?.code, -32601)
    good.ws.close()
  })
})

function portOf(url: string): number {
  return Number(new URL(url).port)
}

function escape(text: string): string {
  return text.replace(/[+/=]/g, (c) => `\\${c}`)
}

interface Frame {
  opcode: number
  payload: Buffer
  text: string
}

/** A hand-driven client: writes frames byte by byte as RFC 6455 lays them out. */
class RawSocket {
  handshake = ''
  private buffer = Buffer.alloc(0)
  private frames: Frame[] = []
  private wake: (() => void) | null = null

  private constructor(
    private readonly socket: Socket,
    readonly accept: string,
  ) {}

  static open(socket: Socket, host = '127.0.0.1'): Promise<RawSocket> {
    const key = randomBytes(16).toString('base64')
    const raw = new RawSocket(socket, acceptKey(key))
    return new Promise((resolve, reject) => {
      socket.once('error', reject)
      const request =
        `GET ${SOCKET} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`
      const start = () => socket.write(request)
      if ('encrypted' in socket) socket.once('secureConnect', start)
      else socket.once('connect', start)
      socket.on('data', (chunk: Buffer) => {
        raw.buffer = Buffer.concat([raw.buffer, chunk])
        if (!raw.handshake) {
          const end = raw.buffer.indexOf('\r\n\r\n')
          if (end < 0) return
          raw.handshake = raw.buffer.subarray(0, end).toString()
          raw.buffer = raw.buffer.subarray(end + 4)
          resolve(raw)
        }
        raw.parse()
      })
    })
  }

  send(opcode: number, text: string, fin = true, masked = true): void {
    const payload = Buffer.from(text)
    const size = payload.length
    const header = size < 126 ? [size] : size < 65536 ? [126, size >> 8, size & 255] : null
    const head = header
      ? Buffer.from([
          (fin ? 0x80 : 0) | opcode,
          (masked ? 0x80 : 0) | header[0]!,
          ...header.slice(1),
        ])
      : Buffer.concat([
          Buffer.from([(fin ? 0x80 : 0) | opcode, (masked ? 0x80 : 0) | 127]),
          u64(size),
        ])
    if (!masked) return void this.socket.write(Buffer.concat([head, payload]))
    const mask = randomBytes(4)
    const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i & 3]!))
    this.socket.write(Buffer.concat([head, mask, body]))
  }

  async frame(match: (frame: Frame) => boolean): Promise<Frame> {
    for (;;) {
      const found = this.frames.find(match)
      if (found) return found
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  private parse(): void {
    for (;;) {
      if (this.buffer.length < 2) break
      let size = this.buffer[1]! & 0x7f
      let offset = 2
      if (size === 126) {
        if (this.buffer.length < 4) break
        size = this.buffer.readUInt16BE(2)
        offset = 4
      }
      if (this.buffer.length < offset + size) break
      const payload = this.buffer.subarray(offset, offset + size)
      this.frames.push({opcode: this.buffer[0]! & 0x0f, payload, text: payload.toString()})
      this.buffer = this.buffer.subarray(offset + size)
    }
    this.wake?.()
  }
}

function u64(value: number): Buffer {
  const buf = Buffer.alloc(8)
  buf.writeBigUInt64BE(BigInt(value))
  return buf
}
