// docs/widgets-install.md's install recipe, run as written: `npm pack -w @clinic-kit/widgets` in
// the repository, then `npm install ./clinic-kit-widgets-<version>.tgz` in an empty project (from
// the npm cache the repository's install filled), then an import of the installed package.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, it} from 'node:test'
import {npm, NPM_INSTALL_FLAGS} from '../../widgets/build/package-figures'

const ROOT = join(import.meta.dirname, '..', '..')
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'widgets/package.json'), 'utf8')) as {version: string}
).version
const TARBALL = `clinic-kit-widgets-${VERSION}.tgz`
const site = mkdtempSync(join(tmpdir(), 'ck-install-docs-'))
after(() => rmSync(site, {recursive: true, force: true}))

/** The `sh` blocks of the guide's "Installing from a tarball" section, one command a line. */
function recipe(): string[] {
  const text = readFileSync(join(ROOT, 'docs/widgets-install.md'), 'utf8')
  const section = text.slice(text.indexOf('## Installing from a tarball'))
  const body = section.slice(0, section.indexOf('\n## ', 1) >>> 0)
  return [...body.split(/\n### /)[0]!.matchAll(/^```sh\n([^]*?)^```/gm)].flatMap((m) =>
    m[1]!.trim().split('\n'),
  )
}

it('the documented install recipe packs, installs and imports the kit', () => {
  assert.ok(existsSync(join(ROOT, 'widgets/dist/clinic-kit.js')), 'run `npm run build` first')
  const commands = recipe()
  assert.deepEqual(commands, [
    'npm install && npm run build',
    'npm pack -w @clinic-kit/widgets',
    `npm install ./${TARBALL}`,
  ])
  // The first line is the repository's own install and build, which the test run already did.
  const printed = npm(['pack', '-w', '@clinic-kit/widgets'], ROOT).trim().split('\n').pop()
  assert.equal(printed, TARBALL)
  renameSync(join(ROOT, TARBALL), join(site, TARBALL))
  writeFileSync(join(site, 'package.json'), JSON.stringify({name: 'site', private: true}))
  npm(['install', `./${TARBALL}`, ...NPM_INSTALL_FLAGS], site)
  const run = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const pkg = await import('@clinic-kit/widgets/package.json', {with: {type: 'json'}}); console.log(pkg.default.version, import.meta.resolve('@clinic-kit/widgets'))",
    ],
    {cwd: site, encoding: 'utf8'},
  )
  assert.equal(run.status, 0, run.stderr)
  assert.match(
    run.stdout,
    new RegExp(`^${VERSION} file://.*/node_modules/@clinic-kit/widgets/dist/clinic-kit\\.js`),
  )
  const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  assert.equal(manifest.dependencies['@clinic-kit/widgets'], `file:${TARBALL}`)
})
