// Sanity's own CLI accepts the schema, and the committed TypeGen output matches the schema.
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {promisify} from 'node:util'

const run = promisify(execFile)
const SANITY = join(process.cwd(), 'node_modules', '.bin', 'sanity')
const quiet = {...process.env, DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0'}

describe('Sanity tooling', () => {
  it('`sanity schema validate` reports no errors or warnings', async () => {
    const {stdout, stderr} = await run(SANITY, ['schema', 'validate'], {env: quiet})
    const output = stdout + stderr
    assert.match(output, /Errors:\s+0 errors/)
    assert.match(output, /Warnings:\s+0 warnings/)
  })

  it('sanity.types.ts and schema.json are up to date (run `npm run typegen`)', async () => {
    // Inside the project, so TypeGen formats its output with the project's Prettier settings.
    mkdirSync('.cache', {recursive: true})
    const dir = mkdtempSync(join('.cache', 'typegen-'))
    try {
      const schema = join(dir, 'schema.json')
      const types = join(dir, 'sanity.types.ts')
      await run(SANITY, ['schema', 'extract', '--enforce-required-fields', '--path', schema], {
        env: quiet,
      })
      await run(SANITY, ['typegen', 'generate'], {
        env: {...quiet, CK_TYPEGEN_SCHEMA: schema, CK_TYPEGEN_OUT: types},
      })
      assert.equal(
        readFileSync(schema, 'utf8'),
        readFileSync('schema.json', 'utf8'),
        'schema.json is stale',
      )
      // The header names the schema file it was generated from; only that line may differ.
      const generated = readFileSync(types, 'utf8').replace(
        `// Source: ${schema}`,
        '// Source: schema.json',
      )
      assert.equal(generated, readFileSync('sanity.types.ts', 'utf8'), 'sanity.types.ts is stale')
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
