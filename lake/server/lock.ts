// The lock a running lake holds on its data folder (<dir>/lake.lock: pid and URL), so offline
// tools (import, export, dataset commands) never write behind a running lake's back.
import {linkSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

export interface LockHolder {
  pid: number
  url: string | null
  startedAt: string
}

export interface LakeLock {
  readonly file: string
  /** Records the URL the lake listens on, for the messages other tools print. */
  setUrl(url: string): void
  release(): void
}

export const lockFile = (dir: string) => join(dir, 'lake.lock')

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder
    return Number.isInteger(holder.pid) ? holder : null
  } catch {
    return null
  }
}

/** The running lake holding the folder, or null (no lock, or a stale one from a dead process). */
export function lockHolder(dir: string): LockHolder | null {
  const holder = readHolder(lockFile(dir))
  return holder && isAlive(holder.pid) ? holder : null
}

export class FolderLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `${dir} is in use by a running lake (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''})`,
    )
    this.name = 'FolderLockedError'
  }
}

/**
 * Takes the folder's lock atomically: the holder is written to a private file first, then
 * hard-linked into place (link fails if the lock exists), so a lock is never seen half written.
 * A lock left by a process that no longer runs is taken over, and `onStale` is told; a live
 * holder makes this throw FolderLockedError.
 */
export function acquireLock(dir: string, onStale?: (holder: LockHolder) => void): LakeLock {
  const file = lockFile(dir)
  const mine: LockHolder = {pid: process.pid, url: null, startedAt: new Date().toISOString()}
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
  writeFileSync(draft, JSON.stringify(mine))
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, file)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const holder = readHolder(file)
        if (holder && isAlive(holder.pid)) throw new FolderLockedError(dir, holder)
        // A dead holder, or a lock file left unreadable by a crash: take it over.
        if (holder) onStale?.(holder)
        rmSync(file, {force: true})
        continue
      }
      return ownLock(file, mine)
    }
  } finally {
    rmSync(draft, {force: true})
  }
  throw new Error(`Could not take the lock ${file}`)
}

function ownLock(file: string, mine: LockHolder): LakeLock {
  let released = false
  return {
    file,
    setUrl(url) {
      mine.url = url
      // Replace by rename, so readers never see a partly written file.
      const next = `${file}.${process.pid}.url`
      writeFileSync(next, JSON.stringify(mine))
      renameSync(next, file)
    },
    release() {
      if (released) return
      released = true
      // Only remove the lock if it is still ours.
      if (readHolder(file)?.pid === process.pid) rmSync(file, {force: true})
    },
  }
}
