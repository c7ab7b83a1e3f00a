// The widget build as `npm start` runs it: reused when widgets/dist was built from the same
// inputs, else `npm run build` with its report kept back unless the build fails.
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {dropInSizes} from '../widgets/build/budgets'
import {ensureBuild, type BuildInputs, type Ensured} from './build-stamp'

export const WIDGETS_DIST = join('widgets', 'dist')
/** Outside dist/, which `npm pack` ships. */
export const widgetsStampPath = (root: string) => join(root, '.cache', 'widgets-build.json')

/**
 * What goes into widgets/dist: the package's sources and build scripts (not its tests), whatever
 * they import, the locked dependencies and the variables the build reads (SANITY_* but the token,
 * which never goes into a script).
 */
export function widgetInputs(root: string, env: NodeJS.ProcessEnv = process.env): BuildInputs {
  return {
    root,
    dirs: ['widgets'],
    files: ['package.json', 'package-lock.json', 'tsconfig.json'],
    env: Object.fromEntries(
      Object.entries(env).filter(
        ([key]) => (key.startsWith('SANITY_') && key !== 'SANITY_API_TOKEN') || key === 'NODE_ENV',
      ),
    ),
    skip: (path) =>
      path === 'widgets/dist' ||
      path === 'widgets/testing' ||
      /\.(test|spec)\.tsx?$/.test(path) ||
      path.endsWith('.md'),
  }
}

/** Runs `npm run build` in `root`; its output is shown only if it fails. */
function buildWidgets(root: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'build', '--silent'], {cwd: root})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)))
    child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)))
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`npm run build failed (exit ${code}):\n${output}`)),
    )
  })
}

export function ensureWidgets(root = process.cwd()): Promise<Ensured> {
  return ensureBuild(join(root, WIDGETS_DIST), widgetsStampPath(root), widgetInputs(root), () =>
    buildWidgets(root),
  )
}

/** One line: each drop-in script's gzip size against its budget. */
export function sizeSummary(dist: string): string {
  const kb = (n: number) => (n / 1024).toFixed(1)
  const sizes = dropInSizes(dist)
  const over = sizes.filter((s) => s.gzip > s.budget)
  return `scripts (gzip): ${sizes
    .map((s) => `${s.file.replace('.iife.js', '')} ${kb(s.gzip)} of ${kb(s.budget)} KB`)
    .join(
      ', ',
    )}; ${over.length ? `OVER BUDGET: ${over.map((s) => s.file).join(', ')}` : 'all within budget'}`
}

/** The line `npm start` prints for a build it reused or ran. */
export function buildLine(name: string, dir: string, result: Ensured): string {
  return result.reused
    ? `${name}: reused ${dir}/ (built from the same sources)`
    : `${name}: built ${dir}/ in ${result.seconds.toFixed(1)} s (${result.reason})`
}
