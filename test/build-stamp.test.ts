// `npm start` reuses a widget or Studio build made from the same inputs: the decision on temp
// folders, and the real inputs of this repository (hashed from their contents, imports followed).
import assert from 'node:assert/strict'
import {cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {after, describe, it} from 'node:test'
import {
  decide,
  ensureBuild,
  inputFiles,
  inputsHash,
  writeStamp,
  type BuildInputs,
} from '../scripts/build-stamp'
import {widgetInputs} from '../scripts/widgets-build'
import {ensureLakeStudio, studioInputs, studioStampPath} from '../scripts/studio-build'

const ROOT = join(import.meta.dirname, '..')
const temps: string[] = []
after(() => temps.forEach((dir) => rmSync(dir, {recursive: true, force: true})))

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ck-stamp-'))
  temps.push(dir)
  return dir
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), text)
  }
}

/** A small project: a Studio folder importing a palette outside it, and a built output. */
function project() {
  const root = temp()
  write(root, {
    'studio/config.ts': "import {PALETTE} from '../widgets/palette.js'\nexport default PALETTE\n",
    'studio/config.test.ts': 'test',
    'widgets/palette.ts': "export const PALETTE = '#123'\n",
    'widgets/unused.ts': 'not imported',
    'package-lock.json': '{}',
    'out/index.html': '<html></html>',
    'out/static/app.js': 'app()',
  })
  const inputs = (env: Record<string, string | undefined> = {SANITY_STUDIO_X: '1'}) =>
    ({
      root,
      dirs: ['studio'],
      files: ['package-lock.json', '.env'],
      env,
      skip: (path: string) => path.endsWith('.test.ts'),
    }) satisfies BuildInputs
  const out = join(root, 'out')
  const stamp = join(out, '.build-stamp.json')
  writeStamp(out, stamp, inputsHash(inputs()))
  return {root, inputs, out, stamp}
}

describe('build stamp: the decision', () => {
  it('reuses a build made from the same inputs', () => {
    const {inputs, out, stamp} = project()
    assert.deepEqual(decide(out, stamp, inputsHash(inputs())), {reuse: true})
  })

  it('follows imports out of the folders, leaves out skipped files, notes missing ones', () => {
    const {inputs} = project()
    assert.deepEqual(inputFiles(inputs()), [
      '.env',
      'package-lock.json',
      'studio/config.ts',
      'widgets/palette.ts',
    ])
  })

  it('rebuilds when a source, an imported file, the lock file or a variable changes', () => {
    const changes: Record<string, string>[] = [
      {'studio/config.ts': "import {PALETTE} from '../widgets/palette.js'\nexport default 1\n"},
      {'widgets/palette.ts': "export const PALETTE = '#456'\n"},
      {'package-lock.json': '{"lockfileVersion": 3}'},
      {'.env': 'SANITY_STUDIO_Y=2'},
      {'studio/new.tsx': 'export {}'},
    ]
    for (const change of changes) {
      const {root, inputs, out, stamp} = project()
      write(root, change)
      assert.deepEqual(decide(out, stamp, inputsHash(inputs())), {
        reuse: false,
        reason: 'sources changed',
      })
    }
    const {inputs, out, stamp} = project()
    assert.equal(decide(out, stamp, inputsHash(inputs({SANITY_STUDIO_X: '2'}))).reuse, false)
    assert.equal(decide(out, stamp, inputsHash(inputs({}))).reuse, false)
  })

  it('reuses when only files outside the inputs, or only dates, change', () => {
    const {root, inputs, out, stamp} = project()
    write(root, {
      'studio/config.test.ts': 'another test',
      'widgets/unused.ts': 'changed',
      'widgets/palette.ts': "export const PALETTE = '#123'\n",
    })
    assert.deepEqual(decide(out, stamp, inputsHash(inputs())), {reuse: true})
  })

  it('rebuilds when the stamp or the build is missing, or the build was changed or is incomplete', () => {
    let p = project()
    rmSync(p.stamp)
    assert.deepEqual(decide(p.out, p.stamp, inputsHash(p.inputs())), {
      reuse: false,
      reason: 'no build stamp',
    })
    p = project()
    rmSync(p.out, {recursive: true})
    assert.deepEqual(decide(p.out, p.stamp, inputsHash(p.inputs())), {
      reuse: false,
      reason: 'no build yet',
    })
    for (const damage of [
      (out: string) => rmSync(join(out, 'static/app.js')),
      (out: string) => writeFileSync(join(out, 'static/app.js'), 'other()'),
      (out: string) => writeFileSync(join(out, 'extra.js'), 'x'),
    ]) {
      p = project()
      damage(p.out)
      assert.deepEqual(decide(p.out, p.stamp, inputsHash(p.inputs())), {
        reuse: false,
        reason: 'the build was changed or is incomplete',
      })
    }
    p = project()
    writeFileSync(p.stamp, '{')
    assert.equal(decide(p.out, p.stamp, inputsHash(p.inputs())).reuse, false)
  })

  it('ensureBuild builds once, reuses after, and stamps only a build that succeeded', async () => {
    const {root, inputs, out, stamp} = project()
    write(root, {'widgets/palette.ts': "export const PALETTE = '#789'\n"})
    await assert.rejects(
      ensureBuild(out, stamp, inputs(), () => Promise.reject(new Error('build failed'))),
      /build failed/,
    )
    assert.deepEqual(decide(out, stamp, inputsHash(inputs())), {
      reuse: false,
      reason: 'no build stamp',
    })
    let builds = 0
    const build = async () => {
      builds++
      writeFileSync(join(out, 'static/app.js'), 'app(2)')
    }
    const first = await ensureBuild(out, stamp, inputs(), build)
    assert.equal(first.reused, false)
    assert.equal(first.reason, 'no build stamp')
    const second = await ensureBuild(out, stamp, inputs(), build)
    assert.equal(second.reused, true)
    assert.equal(builds, 1)
  })
})

describe('build stamp: this repository', () => {
  const studioFiles = inputFiles(studioInputs(ROOT))

  it('the Studio inputs are its code, schemas, configs, lock file and what they import', () => {
    for (const file of [
      'sanity.config.ts',
      'sanity.cli.ts',
      'package-lock.json',
      'studio/config.ts',
      'schemas/index.ts',
      // Imported by the Studio and schemas from outside their folders, by the widget package's
      // name (tsconfig paths) or by relative path.
      'widgets/theme.ts',
      'widgets/styles/palette.ts',
      'widgets/content/queries.ts',
      'importer/index.ts',
    ])
      assert.ok(studioFiles.includes(file), file)
    assert.deepEqual(
      studioFiles.filter((f) => f.startsWith('unresolved:') || /\.(test|spec)\.tsx?$/.test(f)),
      [],
    )
  })

  it('a second start reuses the Studio, without building it', async () => {
    // The real input files, copied: the hash depends on their contents, not where or when.
    const root = temp()
    for (const file of studioFiles) cpSync(join(ROOT, file), join(root, file))
    assert.equal(inputsHash(studioInputs(root)), inputsHash(studioInputs(ROOT)))
    // A build in place, stamped as after a successful build.
    const out = join(root, 'dist', 'studio')
    write(out, {'index.html': '<html></html>', 'static/sanity-abc.js': 'studio()'})
    writeStamp(out, studioStampPath(out), inputsHash(studioInputs(root)))
    const second = await ensureLakeStudio(out, root)
    assert.equal(second.reused, true)
    // A change to a file the Studio imports from the widgets means building again.
    writeFileSync(join(root, 'widgets/styles/palette.ts'), '\n', {flag: 'a'})
    assert.deepEqual(decide(out, studioStampPath(out), inputsHash(studioInputs(root))), {
      reuse: false,
      reason: 'sources changed',
    })
  })

  it('the widget inputs leave out tests and take in the build tooling', () => {
    const files = inputFiles(widgetInputs(ROOT))
    for (const file of [
      'widgets/faq/ck-faq.ts',
      'widgets/vite.config.ts',
      'widgets/build/content-location.ts',
    ])
      assert.ok(files.includes(file), file)
    assert.deepEqual(
      files.filter((f) => f.startsWith('widgets/dist/') || /\.(test|spec)\.tsx?$/.test(f)),
      [],
    )
    const hash = (env: NodeJS.ProcessEnv) => inputsHash(widgetInputs(ROOT, env))
    assert.notEqual(hash({SANITY_API_HOST: 'hosted'}), hash({}))
    // The token never goes into a script, so it does not count.
    assert.equal(hash({SANITY_API_TOKEN: 'secret'}), hash({}))
  })
})
