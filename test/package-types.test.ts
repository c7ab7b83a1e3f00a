// The published declarations (dist/types, through package.json "exports") type a site's code:
// test/fixtures/consumer compiles with tsc, declarations included, after `npm run build`.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {describe, it} from 'node:test'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

describe('published types', () => {
  it('type a site’s use of the elements, events, configure and React wrappers', () => {
    assert.ok(existsSync('dist/types/widgets/index.d.ts'), 'run `npm run build` first')
    const run = spawnSync(process.execPath, [tsc, '-p', 'test/fixtures/consumer'], {
      encoding: 'utf8',
    })
    assert.equal(run.status, 0, run.stdout + run.stderr)
  })
})
