// Connections follow the account: removing a user (or giving them a new token) closes their open
// listen stream and presence socket at once; a presence socket that does not authenticate in
// time is closed; a reader that stops reading is dropped instead of buffered without bound.
import assert from 'node:assert/strict'
import {randomBytes} from 'node:crypto'
import {once} from 'node:events'
import {connect, type Socket} from 'node:net'
import {after, before, describe, it} from 'node:test'
import type {RunningLake} from '../../lake/server/server'
import {startTestLake, type TestLake} from '../helpers/lake'

const AUTH_TIMEOUT_MS = 300
const MAX_BUFFERED = 1024 * 1024
let lake: RunningLake
let testLake: TestLake

before(async () => {
  testLake = await startTestLake(undefined, {
    presence: {authTimeoutMs: AUTH_TIMEOUT_MS, maxBufferedBytes: MAX_BUFFERED},
  })
  lake = testLake.lake
})
after(() => testLake?.close())

const SOCKET = '/v2022-06-30/socket/production'
let users = 0
const newUser = (role = 'editor') =>
  lake.users.add({name: `Person ${++users}`, email: `p${users}@example.test`, role})

async function admin(method: string, path: string) {
  const response = await fetch(`${lake.url}/v2025-02-19/lake/users${path}`, {
    method,
    headers: {authorization: `Bearer ${lake.token}`},
  })
  assert.equal(response.status, 200, await response.clone().text())
}

/** An open listen stream: its text so far, and a promise of all of it once it ends. */
async function listenAs(token: string) {
  const response = await fetch(
    `${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[_type == "connProbe"]')}`,
    {headers: {authorization: `Bearer ${token}`}},
  )
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const state = {text: ''}
  while (!state.text.includes('event: welcome')) state.text += (await reader.read()).value ?? ''
  const ended = (async () => {
    for (;;) {
      const {value, done} = await reader.read()
      if (done) return state.text
      state.text += value
    }
    // A stream the lake still holds when it closes is cut off: what it got is the answer.
  })().catch(() => state.text)
  return {state, ended}
}

/** A built-in WebSocket signed in with `token`, resolving on its answer. */
async function presenceAs(token: string) {
  const ws = new WebSocket(lake.url.replace(/^http/, 'ws') + SOCKET)
  const closed = new Promise<number>((resolve) => (ws.onclose = (event) => resolve(event.code)))
  await new Promise((resolve) => (ws.onopen = resolve))
  const answered = new Promise<string>((resolve) => {
    ws.onmessage = (event) => {
      if (String(event.data).includes('"id":"auth"')) resolve(String(event.data))
    }
  })
  ws.send(
    JSON.stringify({
      jsonrpc: '2.0',
      method: 'authorization',
      params: {authorization: `Bearer ${token}`},
      id: 'auth',
    }),
  )
  assert.match(await answered, /"result":true/)
  return {ws, closed}
}

async function commitDraft(id: string) {
  const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: {authorization: `Bearer ${lake.token}`, 'content-type': 'application/json'},
    body: JSON.stringify({mutations: [{createOrReplace: {_id: id, _type: 'connProbe'}}]}),
  })
  assert.equal(response.status, 200)
}

describe('connections follow the account', () => {
  it(
    "removing a user closes their listen stream and presence socket at once; others' stay open",
    {timeout: 15_000},
    async () => {
      const leaving = newUser()
      const staying = newUser()
      const stream = await listenAs(leaving.token)
      const other = await listenAs(staying.token)
      const socket = await presenceAs(leaving.token)
      await commitDraft('drafts.conn-before')
      while (!stream.state.text.includes('drafts.conn-before'))
        await new Promise((resolve) => setImmediate(resolve))

      await admin('DELETE', `/${leaving.user.id}`)
      const text = await stream.ended
      assert.match(text, /event: channelError\ndata: .*revoked/)
      assert.equal(await socket.closed, 4001)
      // The stream has ended: drafts written afterwards never reach it; the other user sees them.
      await commitDraft('drafts.conn-after')
      while (!other.state.text.includes('drafts.conn-after'))
        await new Promise((resolve) => setImmediate(resolve))
      assert.doesNotMatch(text, /conn-after/)
    },
  )

  it('a new token closes what the old one opened', {timeout: 15_000}, async () => {
    const person = newUser()
    const stream = await listenAs(person.token)
    const socket = await presenceAs(person.token)
    await admin('POST', `/${person.user.id}/token`)
    assert.match(await stream.ended, /event: channelError/)
    assert.equal(await socket.closed, 4001)
  })
})

/** A raw client socket after the handshake, with masked frames. */
async function rawSocket(headers: Record<string, string> = {}): Promise<Socket> {
  const socket = connect(Number(new URL(lake.url).port), '127.0.0.1')
  await once(socket, 'connect')
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')
  socket.write(
    `GET ${SOCKET} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
  )
  let head = ''
  while (!head.includes('\r\n\r\n')) head += String((await once(socket, 'data'))[0])
  assert.match(head, /^HTTP\/1\.1 101 /)
  return socket
}

function maskedHeader(size: number): Buffer {
  const header = Buffer.alloc(14)
  header[0] = 0x81
  header[1] = 0x80 | 127
  header.writeBigUInt64BE(BigInt(size), 2)
  return header // the 4 mask bytes (zero) follow the length
}

function textFrame(text: string): Buffer {
  const payload = Buffer.from(text)
  return Buffer.concat([maskedHeader(payload.length), payload])
}

/** Reads what the socket has to give until it closes; true when it closed. */
function drain(socket: Socket, stopAfterBytes: number): Promise<{bytes: number; closed: boolean}> {
  return new Promise((resolve) => {
    let bytes = 0
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes >= stopAfterBytes) resolve({bytes, closed: false})
    })
    socket.on('close', () => resolve({bytes, closed: true}))
    socket.on('error', () => undefined)
    socket.resume()
  })
}

describe('presence sockets are bounded', () => {
  it(
    'closes a socket that has not authenticated within the time limit',
    {timeout: 15_000},
    async () => {
      const started = performance.now()
      const ws = new WebSocket(lake.url.replace(/^http/, 'ws') + SOCKET)
      const code = await new Promise<number>(
        (resolve) => (ws.onclose = (event) => resolve(event.code)),
      )
      const ms = performance.now() - started
      assert.equal(code, 4001)
      assert.ok(ms >= AUTH_TIMEOUT_MS - 50 && ms < AUTH_TIMEOUT_MS + 2000, `closed after ${ms} ms`)
    },
  )

  it(
    'refuses a large frame before authentication as soon as its header arrives',
    {timeout: 15_000},
    async () => {
      const socket = await rawSocket()
      // A frame announcing 1 MB, of which only the header is sent.
      socket.write(maskedHeader(1000 * 1000))
      const {closed} = await drain(socket, Infinity)
      assert.ok(closed)
    },
  )

  it(
    'drops a subscriber that stops reading instead of buffering every announce',
    {timeout: 15_000},
    async () => {
      const person = newUser('viewer')
      const slow = await rawSocket({authorization: `Bearer ${person.token}`})
      slow.write(textFrame(JSON.stringify({jsonrpc: '2.0', method: 'presence_subscribe', id: 's'})))
      let answer = ''
      while (!answer.includes('"id":"s"')) answer += String((await once(slow, 'data'))[0])
      slow.pause()

      const announcer = await presenceAs(newUser('viewer').token)
      const big = 'x'.repeat(900 * 1024)
      const announces = 40
      for (let i = 0; i < announces; i++) {
        const id = `a${i}`
        const answered = new Promise<void>((resolve) => {
          announcer.ws.onmessage = (event) => {
            if (String(event.data).includes(`"id":"${id}"`)) resolve()
          }
        })
        announcer.ws.send(
          JSON.stringify({
            jsonrpc: '2.0',
            method: 'presence_announce',
            params: {data: {sessionId: 's1', locations: [{path: [big]}]}},
            id,
          }),
        )
        await answered
      }
      // Everything relayed is now in the lake's buffer or the kernel's: read what reaches us.
      const total = announces * big.length
      const {bytes, closed} = await drain(slow, total)
      console.log(
        `slow reader: ${(bytes / 1024 / 1024).toFixed(1)} MB of ${(total / 1024 / 1024).toFixed(1)} MB reached it`,
      )
      assert.ok(closed, 'the stalled subscriber was dropped')
      assert.ok(bytes < total / 2, `${bytes} bytes were queued for it`)
      announcer.ws.close()
    },
  )
})
