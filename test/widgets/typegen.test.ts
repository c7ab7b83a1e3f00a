// The widget package's query result types (widgets/content/sanity.types.ts, beside its GROQ
// queries) are what Sanity TypeGen makes of those queries and the committed schema today: run
// `npm run typegen` after changing a query or the schema. (test/sanity-tooling.test.ts checks the
// schema and the project's own sanity.types.ts.)
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {promisify} from 'node:util'

const run = promisify(execFile)
const SANITY = join(process.cwd(), 'node_modules', '.bin', 'sanity')
const quiet = {...process.env, DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0'}
const COMMITTED = 'widgets/content/sanity.types.ts'

describe('the widget package’s TypeGen output', () => {
  it(`${COMMITTED} is up to date (run \`npm run typegen\`)`, async () => {
    // Inside the project, so TypeGen formats its output with the project's Prettier settings.
    mkdirSync('.cache', {recursive: true})
    const dir = mkdtempSync(join('.cache', 'typegen-widgets-'))
    try {
      const types = join(dir, 'sanity.types.ts')
      const {stdout, stderr} = await run(SANITY, ['typegen', 'generate'], {
        env: {...quiet, CK_TYPEGEN: 'widgets', CK_TYPEGEN_OUT: types},
      })
      // The widgets' three queries, found in their own file.
      assert.match(stdout + stderr, /3 queries/)
      const generated = readFileSync(types, 'utf8')
      assert.match(generated, /^\/\/ Source: widgets\/content\/queries\.ts$/m)
      assert.equal(generated, readFileSync(COMMITTED, 'utf8'), `${COMMITTED} is stale`)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
