// Presence over the WebSocket the Studio opens at /v{apiVersion}/socket/{dataset} (bifur):
// JSON-RPC 2.0 requests `{jsonrpc, method, params, id}` answered `{jsonrpc, id, result}`;
// `presence_subscribe` starts `presence_subscription` messages; "♥" text frames are heartbeats
// (@sanity/bifur-client `createClient`). Messages relayed to the other sockets of the dataset
// have the shapes the Studio's presence store reads (sanity/lib `handleIncomingMessage`):
// `{type: 'state', i: userId, m: {sessionId, locations}}`, `{type: 'rollCall', i, session}`,
// `{type: 'disconnect', i, m: {session}}`.
import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'
import type {Lake} from '../http/context'
import {randomId} from '../store/random-id'
import {acceptUpgrade, MAX_MESSAGE_BYTES, rejectUpgrade, type WebSocket} from './websocket'
import {ROBOT_USER} from '../access/users'

const SOCKET_PATH = /^\/v[^/]+\/socket\/([^/?]+)$/
const HEARTBEAT_MS = 25_000

/** What one presence socket may cost the lake. docs/operators.md lists them. */
export interface PresenceLimits {
  /** A socket that has not authenticated by then is closed (4001). */
  authTimeoutMs: number
  /** Largest message before authenticating: `authorization` is a few hundred bytes. */
  maxUnauthenticatedMessageBytes: number
  /** Bytes queued to a socket whose reader has stalled; past them it is dropped. */
  maxBufferedBytes: number
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  authTimeoutMs: 5_000,
  maxUnauthenticatedMessageBytes: 16 * 1024,
  maxBufferedBytes: 1024 * 1024,
}

const limitsOf = new WeakMap<Lake, PresenceLimits>()

/** Sets a lake's presence limits (startLake does, from its options). */
export function configurePresence(lake: Lake, limits: Partial<PresenceLimits> = {}): void {
  limitsOf.set(lake, {...DEFAULT_PRESENCE_LIMITS, ...limits})
}
// @sanity/bifur-client ERROR_CODES and JSON-RPC 2.0's own.
const ERROR = {unauthorized: 4001, methodNotFound: -32601, invalidParams: -32602, parse: -32700}

/** The user a token speaks for, or null when it is not one of the lake's. */
export type IdentifyToken = (token: string) => string | null

/** The user a token belongs to: the robot for the lake token, else the lake user holding it. */
function lakeIdentity(lake: Lake): IdentifyToken {
  return (token) => (token === lake.token ? ROBOT_USER.id : (lake.users.byToken(token)?.id ?? null))
}

interface Peer {
  ws: WebSocket
  userId: string | null
  /** Subscription id of its `presence_subscribe`, once it listens. */
  subscription: string | null
  /** Presence sessions it announced, so closing the socket says they left. */
  sessions: Set<string>
}

/** The sockets open on one dataset. */
class PresenceRoom {
  readonly peers = new Set<Peer>()

  relay(from: Peer, event: Record<string, unknown>): void {
    for (const peer of this.peers)
      if (peer !== from && peer.subscription)
        send(peer, {
          method: 'presence_subscription',
          params: {subscription: peer.subscription, result: event},
        })
  }
}

function send(peer: Peer, message: Record<string, unknown>): void {
  peer.ws.send(JSON.stringify({jsonrpc: '2.0', ...message}))
}

const rooms = new WeakMap<Lake, Map<string, PresenceRoom>>()

function roomFor(lake: Lake, dataset: string): PresenceRoom {
  let byDataset = rooms.get(lake)
  if (!byDataset) rooms.set(lake, (byDataset = new Map()))
  let room = byDataset.get(dataset)
  if (!room) byDataset.set(dataset, (room = new PresenceRoom()))
  return room
}

/** The lake's `upgrade` listener: presence sockets, and a 404 for any other path. */
export function handleUpgrade(
  lake: Lake,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  identify: IdentifyToken = lakeIdentity(lake),
): void {
  const path = new URL(req.url ?? '/', 'http://lake.invalid').pathname
  const dataset = SOCKET_PATH.exec(path)?.[1]
  if (!dataset) return rejectUpgrade(socket, 404, `No WebSocket at ${path}`)
  if (!lake.datasets.get(dataset))
    return rejectUpgrade(socket, 404, `Dataset "${dataset}" not found`)
  const ws = acceptUpgrade(req, socket, head)
  if (!ws) return
  const limits = limitsOf.get(lake) ?? DEFAULT_PRESENCE_LIMITS
  const room = roomFor(lake, dataset)
  const auth = String(req.headers.authorization ?? '')
  const peer: Peer = {
    ws,
    userId: auth.startsWith('Bearer ') ? identify(auth.slice(7).trim()) : null,
    subscription: null,
    sessions: new Set(),
  }
  ws.maxBufferedBytes = limits.maxBufferedBytes
  ws.maxMessageBytes = peer.userId ? MAX_MESSAGE_BYTES : limits.maxUnauthenticatedMessageBytes
  room.peers.add(peer)
  ws.send('♥')
  const heartbeat = setInterval(() => ws.send('♥'), HEARTBEAT_MS)
  heartbeat.unref()
  // Holding a socket (and a half-sent frame) open costs memory: only a signed-in user may.
  const authDeadline = setTimeout(() => {
    if (!peer.userId) ws.close(ERROR.unauthorized, 'Authenticate within the time limit')
  }, limits.authTimeoutMs)
  authDeadline.unref()
  // A removed user's (or replaced token's) socket closes at once, as a new one would be refused.
  const onRevoked = (userId: string) => {
    if (userId === peer.userId) ws.close(ERROR.unauthorized, 'Unauthorized - the token was revoked')
  }
  lake.users.on('revoked', onRevoked)
  ws.on('message', (text) => onMessage(room, peer, text, identify))
  ws.on('close', () => {
    clearInterval(heartbeat)
    clearTimeout(authDeadline)
    lake.users.off('revoked', onRevoked)
    room.peers.delete(peer)
    for (const session of peer.sessions)
      room.relay(peer, {type: 'disconnect', i: peer.userId, m: {session}})
  })
}

function onMessage(room: PresenceRoom, peer: Peer, text: string, identify: IdentifyToken): void {
  let request: {method?: unknown; params?: Record<string, unknown>; id?: unknown}
  try {
    request = JSON.parse(text) as typeof request
  } catch {
    return send(peer, {id: null, error: {code: ERROR.parse, message: 'Not JSON'}})
  }
  const id = typeof request.id === 'string' || typeof request.id === 'number' ? request.id : null
  const params = request.params && typeof request.params === 'object' ? request.params : {}
  const reply = (result: unknown) => send(peer, {id, result})
  const fail = (code: number, message: string) => send(peer, {id, error: {code, message}})

  if (request.method === 'authorization') {
    const header = typeof params.authorization === 'string' ? params.authorization : ''
    const userId = header.startsWith('Bearer ') ? identify(header.slice(7).trim()) : null
    if (!userId) {
      fail(ERROR.unauthorized, 'Unauthorized - Session not found')
      // Closing with 4001 makes the Studio back off instead of announcing into the void.
      return peer.ws.close(ERROR.unauthorized, 'Unauthorized')
    }
    peer.userId = userId
    peer.ws.maxMessageBytes = MAX_MESSAGE_BYTES
    return reply(true)
  }
  if (!peer.userId)
    return fail(ERROR.unauthorized, 'Send "authorization" with the lake token first')

  switch (request.method) {
    case 'presence_subscribe':
      peer.subscription ??= randomId(16)
      return reply(peer.subscription)
    case 'presence_unsubscribe':
      peer.subscription = null
      return reply(true)
    case 'presence_announce': {
      const data = params.data as {sessionId?: unknown; locations?: unknown} | undefined
      if (!data || typeof data.sessionId !== 'string' || !Array.isArray(data.locations))
        return fail(ERROR.invalidParams, 'presence_announce needs data: {sessionId, locations: []}')
      peer.sessions.add(data.sessionId)
      room.relay(peer, {
        type: 'state',
        i: peer.userId,
        m: {sessionId: data.sessionId, locations: data.locations},
      })
      return reply(true)
    }
    case 'presence_rollcall':
    case 'presence_disconnect': {
      const session = params.session
      if (typeof session !== 'string')
        return fail(ERROR.invalidParams, `${request.method} needs a session`)
      if (request.method === 'presence_rollcall')
        room.relay(peer, {type: 'rollCall', i: peer.userId, session})
      else {
        peer.sessions.delete(session)
        room.relay(peer, {type: 'disconnect', i: peer.userId, m: {session}})
      }
      return reply(true)
    }
    default:
      return fail(ERROR.methodNotFound, `Unknown method "${String(request.method)}"`)
  }
}
