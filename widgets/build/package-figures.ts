// What a web developer gets from npm: `npm pack` of the @clinic-kit/widgets workspace, and what
// installing that tarball into a fresh project adds. The package test asserts on these figures;
// bench/widgets.ts prints them.
import {spawnSync} from 'node:child_process'
import {lstatSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/** The repository root (this file is widgets/build/package-figures.ts). */
const ROOT = join(import.meta.dirname, '..', '..')

/** The npm cache holds what the tests install; the registry is asked only for what it lacks. */
export const NPM_INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund']

/** Runs npm in `cwd` and returns its standard output; throws with npm's output on failure. */
export function npm(args: string[], cwd: string): string {
  const run = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    // A test run from `npm test` inherits npm's own settings for the root project (workspace,
    // prefix): the nested npm must see only the project it is pointed at.
    env: withoutNpmConfig(process.env),
  })
  if (run.status !== 0)
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${run.stdout}\n${run.stderr}`)
  return run.stdout
}

function withoutNpmConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {NO_UPDATE_NOTIFIER: '1'}
  for (const [key, value] of Object.entries(env))
    if (!/^npm_/i.test(key) || /^npm_config_(cache|registry)$/i.test(key)) kept[key] = value
  return kept
}

export interface PackedWidgets {
  /** The tarball's absolute path. */
  tarball: string
  version: string
  /** Bytes of the tarball, and of its files unpacked. */
  size: number
  unpackedSize: number
  /** Every path in the tarball, relative to the package. */
  files: string[]
}

/** Packs the workspace (as `npm publish` would) into `dest`. */
export function packWidgets(dest: string): PackedWidgets {
  const [packed] = JSON.parse(
    npm(['pack', '--json', '--pack-destination', dest, '-w', '@clinic-kit/widgets'], ROOT),
  ) as Array<{
    filename: string
    version: string
    size: number
    unpackedSize: number
    files: Array<{path: string}>
  }>
  if (!packed) throw new Error('npm pack wrote no tarball')
  return {
    tarball: join(dest, packed.filename),
    version: packed.version,
    size: packed.size,
    unpackedSize: packed.unpackedSize,
    files: packed.files.map((file) => file.path).sort(),
  }
}

/** Makes `dir` a new, empty site project and installs `packages` (tarballs or name@version). */
export function installInNewProject(dir: string, packages: string[]): void {
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({name: 'clinic-site', private: true, type: 'module'}, null, 2),
  )
  npm(['install', ...NPM_INSTALL_FLAGS, ...packages], dir)
}

export interface InstalledTree {
  /** Every installed package's name (node_modules/…, nested ones too). */
  packages: string[]
  /** Bytes of every file under node_modules. */
  bytes: number
}

/** What a project's install holds, from npm's own record of it (node_modules/.package-lock.json). */
export function installedTree(dir: string): InstalledTree {
  const record = JSON.parse(
    readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8'),
  ) as {packages: Record<string, unknown>}
  const packages = Object.keys(record.packages)
    .filter((path) => path.startsWith('node_modules/'))
    .map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
  return {packages: packages.sort(), bytes: folderBytes(join(dir, 'node_modules'))}
}

function folderBytes(dir: string): number {
  let bytes = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) bytes += folderBytes(path)
    else bytes += lstatSync(path).size
  }
  return bytes
}

/** Versions the repository's own install uses, so a site project's install comes from the cache. */
export function rootVersion(name: string): string {
  for (const manifest of ['package.json', 'widgets/package.json']) {
    const {dependencies = {}, devDependencies = {}} = JSON.parse(
      readFileSync(join(ROOT, manifest), 'utf8'),
    ) as Record<string, Record<string, string> | undefined>
    const version = dependencies[name] ?? devDependencies[name]
    if (version) return `${name}@${version}`
  }
  throw new Error(`${name} is not a dependency of the repository`)
}
