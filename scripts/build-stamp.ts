// Lets `npm start` reuse a build made from the same inputs: a content hash over the files (and
// environment variables) that go into a build, stored in a stamp with a hash of every file the
// build wrote. A build is reused only when both still match; the stamp is written only after a
// build succeeded.
import {createHash} from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'

export interface BuildInputs {
  /** The folder every path below is relative to. */
  root: string
  /** Folders whose files all go in (except those `skip` names). */
  dirs: string[]
  /** Single files; a missing one counts as missing, so adding it later changes the hash. */
  files: string[]
  /** The environment variables the build reads (unset ones count as unset). */
  env: Record<string, string | undefined>
  /** Relative paths (with `/`) to leave out of `dirs`, e.g. tests. */
  skip?: (path: string) => boolean
  /**
   * Package specifiers the build resolves to files of this repository (tsconfig `paths`, which
   * the Studio's bundler follows), so a change in the package's sources counts as a change.
   */
  aliases?: Record<string, string>
}

const SOURCE = /\.(m?[jt]sx?)$/
/** Module specifiers in `import … from`, `export … from`, `import '…'` and `import('…')`. */
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs', '.json']

function filesUnder(root: string, dir: string, skip: (path: string) => boolean): string[] {
  const found: string[] = []
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, {withFileTypes: true})) {
      const path = join(abs, entry.name)
      const rel = relative(root, path).split(sep).join('/')
      if (entry.name === 'node_modules' || skip(rel)) continue
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) found.push(rel)
    }
  }
  if (existsSync(join(root, dir))) walk(join(root, dir))
  return found
}

/** The file a relative import names (TypeScript's `.js` → `.ts` included), or undefined. */
function resolveImport(root: string, from: string, specifier: string): string | undefined {
  const base = resolve(root, dirname(from), specifier)
  const candidates = [
    ...EXTENSIONS.map((ext) => base + ext),
    ...(/\.m?jsx?$/.test(base)
      ? ['.ts', '.tsx', '.mts'].map((ext) => base.replace(/\.m?jsx?$/, ext))
      : []),
    ...['index.ts', 'index.tsx', 'index.js'].map((index) => join(base, index)),
  ]
  const file = candidates.find((path) => existsSync(path) && statSync(path).isFile())
  return file && relative(root, file).split(sep).join('/')
}

/**
 * Every input file, relative to the root, sorted: the folders' files, the single files, and every
 * file those sources import by relative path or by an alias, followed transitively (a Studio that
 * imports the widget package's palette rebuilds when the palette changes). Imports that lead nowhere are listed as
 * `unresolved:` entries, so a file appearing there later changes the hash.
 */
export function inputFiles(inputs: BuildInputs): string[] {
  const skip = inputs.skip ?? (() => false)
  const seen = new Set<string>()
  const queue = [
    ...inputs.dirs.flatMap((dir) => filesUnder(inputs.root, dir, skip)),
    ...inputs.files,
  ]
  while (queue.length) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const abs = join(inputs.root, file)
    if (!SOURCE.test(file) || !existsSync(abs)) continue
    for (const [, , specifier] of readFileSync(abs, 'utf8').matchAll(SPECIFIERS)) {
      const alias = inputs.aliases?.[specifier!]
      if (alias) {
        queue.push(alias)
        continue
      }
      // Other packages come from the lock file, which is an input of its own.
      if (!specifier!.startsWith('./') && !specifier!.startsWith('../')) continue
      const target = resolveImport(inputs.root, file, specifier!)
      if (target && !target.startsWith('..') && !target.split('/').includes('node_modules'))
        queue.push(target)
      else if (!target) seen.add(`unresolved:${file}:${specifier}`)
    }
  }
  return [...seen].sort()
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/** One hash over the inputs' contents (not their dates) and the environment. */
export function inputsHash(inputs: BuildInputs): string {
  const hash = createHash('sha256')
  for (const file of inputFiles(inputs)) {
    const abs = join(inputs.root, file)
    const content =
      file.startsWith('unresolved:') || !existsSync(abs) ? 'missing' : sha256(readFileSync(abs))
    hash.update(`${file}\0${content}\n`)
  }
  for (const key of Object.keys(inputs.env).sort())
    hash.update(`env:${key}\0${inputs.env[key] ?? '(unset)'}\n`)
  return hash.digest('hex')
}

interface Stamp {
  inputs: string
  /** Every file the build wrote, relative to its folder, with its content hash. */
  outputs: Record<string, string>
}

function outputHashes(outDir: string, stampPath: string): Record<string, string> {
  const stamp = resolve(stampPath)
  const outputs: Record<string, string> = {}
  for (const file of filesUnder(outDir, '.', () => false).sort()) {
    const abs = resolve(outDir, file)
    if (abs !== stamp) outputs[file] = sha256(readFileSync(abs))
  }
  return outputs
}

export type Decision = {reuse: true} | {reuse: false; reason: string}

/** Whether the build in `outDir` was made from inputs with this hash and is still whole. */
export function decide(outDir: string, stampPath: string, hash: string): Decision {
  if (!existsSync(outDir)) return {reuse: false, reason: 'no build yet'}
  if (!existsSync(stampPath)) return {reuse: false, reason: 'no build stamp'}
  let stamp: Stamp
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as Stamp
  } catch {
    return {reuse: false, reason: 'unreadable build stamp'}
  }
  if (stamp.inputs !== hash) return {reuse: false, reason: 'sources changed'}
  const now = outputHashes(outDir, stampPath)
  const expected = stamp.outputs ?? {}
  const names = Object.keys(expected)
  if (
    names.length === 0 ||
    names.length !== Object.keys(now).length ||
    names.some((name) => now[name] !== expected[name])
  )
    return {reuse: false, reason: 'the build was changed or is incomplete'}
  return {reuse: true}
}

/** Records that the build now in `outDir` was made from inputs with this hash. */
export function writeStamp(outDir: string, stampPath: string, hash: string): void {
  const stamp: Stamp = {inputs: hash, outputs: outputHashes(outDir, stampPath)}
  mkdirSync(dirname(stampPath), {recursive: true})
  writeFileSync(stampPath, JSON.stringify(stamp, null, 2) + '\n')
}

export interface Ensured {
  reused: boolean
  /** Why it was built (when it was). */
  reason?: string
  seconds: number
}

/**
 * Reuses the build in `outDir` when its stamp matches the inputs; otherwise removes the stamp,
 * runs `build` and stamps what it wrote.
 */
export async function ensureBuild(
  outDir: string,
  stampPath: string,
  inputs: BuildInputs,
  build: () => Promise<void>,
): Promise<Ensured> {
  const started = Date.now()
  const hash = inputsHash(inputs)
  const decision = decide(outDir, stampPath, hash)
  if (decision.reuse) return {reused: true, seconds: (Date.now() - started) / 1000}
  rmSync(stampPath, {force: true})
  await build()
  writeStamp(outDir, stampPath, hash)
  return {reused: false, reason: decision.reason, seconds: (Date.now() - started) / 1000}
}
