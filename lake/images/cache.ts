// Resized variants on disk, least recently used evicted first once the folder passes its size cap.
// The order lives in the files' modification times, so it survives a restart.
import {mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

const NAME = /^[a-f0-9]{40}-[a-f0-9]{24}\.[a-z]+$/

export class VariantCache {
  /** File name → size; Map order is use order, oldest first. */
  private readonly entries = new Map<string, number>()
  private total = 0
  private loading: Promise<void> | undefined

  constructor(
    readonly dir: string,
    private readonly capBytes: number,
  ) {}

  get bytes(): number {
    return this.total
  }

  has(name: string): boolean {
    return this.entries.has(name)
  }

  async get(name: string): Promise<Buffer | undefined> {
    await this.load()
    if (!this.entries.has(name)) return undefined
    let bytes: Buffer
    try {
      bytes = await readFile(join(this.dir, name))
    } catch {
      this.forget(name)
      return undefined
    }
    this.touch(name)
    return bytes
  }

  async put(name: string, bytes: Buffer): Promise<void> {
    await this.load()
    if (!NAME.test(name) || bytes.length > this.capBytes) return
    const file = join(this.dir, name)
    // Write then rename: a crash never leaves half a variant under its real name.
    const temporary = `${file}.${process.pid}.tmp`
    await writeFile(temporary, bytes)
    await rename(temporary, file)
    this.forget(name)
    this.entries.set(name, bytes.length)
    this.total += bytes.length
    await this.evict()
  }

  private touch(name: string) {
    const size = this.entries.get(name)!
    this.entries.delete(name)
    this.entries.set(name, size)
    const now = new Date()
    utimes(join(this.dir, name), now, now).catch(() => this.forget(name))
  }

  private forget(name: string) {
    const size = this.entries.get(name)
    if (size === undefined) return
    this.entries.delete(name)
    this.total -= size
  }

  private async evict() {
    while (this.total > this.capBytes) {
      const [oldest] = this.entries.keys()
      if (oldest === undefined) return
      this.forget(oldest)
      await unlink(join(this.dir, oldest)).catch(() => undefined)
    }
  }

  private load(): Promise<void> {
    this.loading ??= (async () => {
      await mkdir(this.dir, {recursive: true})
      const found: Array<{name: string; size: number; used: number}> = []
      for (const name of await readdir(this.dir)) {
        const file = join(this.dir, name)
        if (name.endsWith('.tmp')) {
          await unlink(file).catch(() => undefined)
          continue
        }
        if (!NAME.test(name)) continue
        const info = await stat(file).catch(() => undefined)
        if (info?.isFile()) found.push({name, size: info.size, used: info.mtimeMs})
      }
      for (const entry of found.sort((a, b) => a.used - b.used)) {
        this.entries.set(entry.name, entry.size)
        this.total += entry.size
      }
      await this.evict()
    })()
    return this.loading
  }
}
