// The lake's users, in <dir>/users.sqlite next to the datasets: id, name, email, image URL, role,
// and the sha256 of each one's token. A raw token exists only in the answer that issued it, so
// the folder never holds one a reader could reuse.
import {createHash, randomBytes} from 'node:crypto'
import {EventEmitter} from 'node:events'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'
import {badRequest, notFound} from '../http/errors'
import {RoleTable} from './roles'

export interface LakeUser {
  id: string
  name: string
  email: string
  imageUrl: string | null
  role: string
  createdAt: string
}

export interface NewUser {
  id?: string
  name: string
  email: string
  imageUrl?: string | null
  role: string
}

/** The robot behind the lake's write token (SANITY_API_TOKEN or <dir>/token). */
export const ROBOT_USER: LakeUser = {
  id: 'lake-robot',
  name: 'Lake token',
  email: '',
  imageUrl: null,
  role: 'administrator',
  createdAt: '2026-01-01T00:00:00.000Z',
}

const ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => `cku${randomBytes(30).toString('base64url')}`

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max)
    throw badRequest(`"${field}" must be a non-empty string of at most ${max} characters`)
  return value.trim()
}

/** Checks a new user's fields, so bad input is refused before anything is written. */
function checkNewUser(input: NewUser, roles: RoleTable): Required<NewUser> {
  if (!input || typeof input !== 'object') throw badRequest('A user needs name, email and role')
  const name = text(input.name, 'name', 200)
  const email = text(input.email, 'email', 320)
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw badRequest(`"${email}" is not an email address`)
  if (!roles.has(input.role)) throw badRequest(`"role" must be one of ${roles.names.join(', ')}`)
  const id = input.id ?? `u${randomBytes(6).toString('hex')}`
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || id === ROBOT_USER.id)
    throw badRequest(
      '"id" must be 1–64 letters, digits, "_" or "-", starting with a letter or digit',
    )
  const imageUrl = input.imageUrl ?? null
  if (imageUrl !== null && (typeof imageUrl !== 'string' || !/^https?:\/\/\S+$/.test(imageUrl)))
    throw badRequest('"imageUrl" must be an http(s) URL or null')
  return {id, name, email, imageUrl, role: input.role}
}

/**
 * `revoked` (user id): the user was removed or given a new token, so what their old token opened
 * (listen streams, presence sockets) closes at once.
 */
export class UserStore extends EventEmitter<{revoked: [string]}> {
  private readonly db: DatabaseSync

  private constructor(
    db: DatabaseSync,
    /** The roles a user may be given: the lake's (lake/access/roles.ts RoleTable). */
    readonly roles: RoleTable,
  ) {
    super()
    // One listener per open stream.
    this.setMaxListeners(0)
    this.db = db
  }

  /** The users in `<dir>/users.sqlite`; `roles` defaults to the standard four. */
  static open(dir: string, roles: RoleTable = new RoleTable()): UserStore {
    mkdirSync(dir, {recursive: true})
    const db = new DatabaseSync(join(dir, 'users.sqlite'))
    db.exec(`PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, name TEXT NOT NULL,
        email TEXT NOT NULL, image_url TEXT, role TEXT NOT NULL, created_at TEXT NOT NULL,
        token_sha256 TEXT NOT NULL UNIQUE);`)
    return new UserStore(db, roles)
  }

  list(): LakeUser[] {
    return this.db.prepare('SELECT * FROM users ORDER BY created_at, id').all().map(toUser)
  }

  get(id: string): LakeUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id)
    return row ? toUser(row) : undefined
  }

  /** The user whose token this is, if any. */
  byToken(token: string): LakeUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE token_sha256 = ?').get(hashToken(token))
    return row ? toUser(row) : undefined
  }

  /** Adds the user and returns it with its token, shown this once. */
  add(input: NewUser): {user: LakeUser; token: string} {
    const user = checkNewUser(input, this.roles)
    if (this.get(user.id)) throw badRequest(`A user with id "${user.id}" already exists`)
    const token = newToken()
    const createdAt = new Date().toISOString()
    this.db
      .prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(user.id, user.name, user.email, user.imageUrl, user.role, createdAt, hashToken(token))
    return {user: {...user, createdAt}, token}
  }

  /** Issues a new token for the user; the old one stops working. */
  issueToken(id: string): string {
    const token = newToken()
    const {changes} = this.db
      .prepare('UPDATE users SET token_sha256 = ? WHERE id = ?')
      .run(hashToken(token), id)
    if (changes === 0) throw notFound(`User "${id}" not found`)
    this.emit('revoked', id)
    return token
  }

  remove(id: string): void {
    const {changes} = this.db.prepare('DELETE FROM users WHERE id = ?').run(id)
    if (changes === 0) throw notFound(`User "${id}" not found`)
    this.emit('revoked', id)
  }

  close(): void {
    this.db.close()
  }
}

function toUser(row: Record<string, unknown>): LakeUser {
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    imageUrl: row.image_url === null ? null : String(row.image_url),
    role: String(row.role),
    createdAt: String(row.created_at),
  }
}
