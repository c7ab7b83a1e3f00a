// Builds the Studio to be served by the local lake (Node only, so it lives with the entry points
// rather than in studio/, which goes into the Studio bundle).
import {execFile} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import ts from 'typescript'
import {ensureBuild, type BuildInputs, type Ensured} from './build-stamp'

/** The environment `sanity build` gets for the lake: API at the origin it is served from, under /studio. */
export function lakeStudioEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...env,
    DO_NOT_TRACK: '1',
    NO_UPDATE_NOTIFIER: '1',
    SANITY_STUDIO_API_HOST: 'origin',
    SANITY_STUDIO_BASE_PATH: '/studio',
  }
}

/** Builds the Studio the way `npm start` does: API at the origin it is served from, under /studio. */
export async function buildLakeStudio(outDir: string): Promise<void> {
  await promisify(execFile)(join('node_modules', '.bin', 'sanity'), ['build', outDir, '--yes'], {
    env: lakeStudioEnv(),
  })
}

/**
 * What goes into the Studio bundle: its code and schemas (and whatever they import, followed by
 * the hash), the CLI's config, the locked dependencies, the `.env` files Sanity reads and the
 * variables that reach the bundle (`SANITY_STUDIO_*`, NODE_ENV).
 */
export function studioInputs(root: string, env: NodeJS.ProcessEnv = lakeStudioEnv()): BuildInputs {
  return {
    root,
    dirs: ['studio', 'schemas'],
    files: [
      'sanity.config.ts',
      'sanity.cli.ts',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      ...readdirSync(root).filter((name) => /^\.env(\.|$)/.test(name)),
    ],
    env: Object.fromEntries(
      Object.entries(env).filter(([key]) => key.startsWith('SANITY_STUDIO_') || key === 'NODE_ENV'),
    ),
    // Tests do not go into the bundle.
    skip: (path) => /\.(test|spec)\.tsx?$/.test(path),
    aliases: tsconfigAliases(root),
  }
}

/** The tsconfig `paths` with one target (`@clinic-kit/widgets/theme` → its source file). */
function tsconfigAliases(root: string): Record<string, string> {
  const file = join(root, 'tsconfig.json')
  if (!existsSync(file)) return {}
  const {config} = ts.readConfigFile(file, (path) => readFileSync(path, 'utf8'))
  const paths = (config?.compilerOptions?.paths ?? {}) as Record<string, string[]>
  return Object.fromEntries(
    Object.entries(paths)
      .filter(([, targets]) => targets.length === 1)
      .map(([specifier, [target]]) => [specifier, target!.replace(/^\.\//, '')]),
  )
}

/** The stamp sits inside the build, so `sanity build` emptying the folder also drops it. */
export const studioStampPath = (outDir: string) => join(outDir, '.build-stamp.json')

/** Builds the lake's Studio into `outDir` unless the build there was made from the same inputs. */
export function ensureLakeStudio(outDir: string, root = process.cwd()): Promise<Ensured> {
  return ensureBuild(outDir, studioStampPath(outDir), studioInputs(root), () =>
    buildLakeStudio(outDir),
  )
}
