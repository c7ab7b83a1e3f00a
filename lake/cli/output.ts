// What the admin commands print besides their one-line results: users, sign-in links, progress.
import type {LakeUser} from '../access/users'
import {signInLink, studioOrigin} from '../access/signin'

export function printUser(user: LakeUser) {
  console.log(`${user.id}\t${user.role}\t${user.name} <${user.email}>`)
}

/**
 * A new token as the Studio sign-in link `npm start` prints, or (--bare, for scripts) the token
 * alone on its own line.
 */
export function printToken(id: string, token: string, bare: boolean, replaced = false) {
  if (bare) return console.log(token)
  console.log(`studio: sign in as ${id}: ${signInLink(studioOrigin(), token)}`)
  const previous = replaced ? '; the previous token no longer works' : ''
  console.log(`(shown once: the lake keeps only its hash${previous})`)
}

/** A progress bar on stderr for files of a megabyte or more, when stderr is a terminal. */
export function progressBar(total: number) {
  if (!process.stderr.isTTY || total < 1024 * 1024) return undefined
  let last = 0
  return (_lines: number, bytes: number) => {
    const now = Date.now()
    if (now - last < 100 && bytes < total) return
    last = now
    const share = Math.min(1, bytes / total)
    const width = 30
    const filled = Math.round(share * width)
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0)}%`,
    )
  }
}
