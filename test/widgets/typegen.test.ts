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
import * as prettier from 'prettier'
import {trimToQueries} from '../../widgets/build/typegen-trim'

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
      const generated = await prettier.format(trimToQueries(readFileSync(types, 'utf8')), {
        ...(await prettier.resolveConfig(COMMITTED)),
        filepath: COMMITTED,
      })
      assert.match(generated, /^\/\/ Source: widgets\/content\/queries\.ts$/m)
      assert.equal(generated, readFileSync(COMMITTED, 'utf8'), `${COMMITTED} is stale`)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('keeps only the query result types and the schema types they name', () => {
    const committed = readFileSync(COMMITTED, 'utf8')
    // The project's schema types live in the root sanity.types.ts; none is repeated here unless
    // a query result names it.
    for (const unused of [
      'Article',
      'Faq',
      'Clinician',
      'SanityImageAsset',
      'AllSanitySchemaTypes',
    ])
      assert.doesNotMatch(committed, new RegExp(`^export type ${unused} =`, 'm'), unused)
    for (const used of [
      'FAQ_QUERY_RESULT',
      'ARTICLE_QUERY_RESULT',
      'CLINICIANS_QUERY_RESULT',
      'PostalAddress',
    ])
      assert.match(committed, new RegExp(`^export type ${used} =`, 'm'), used)
    const trimmed = trimToQueries(
      'export type Unused = {a: string}\nexport type Named = {b: number}\nexport type X_QUERY_RESULT = {n: Named}\n',
    )
    assert.equal(
      trimmed,
      'export type Named = {b: number}\nexport type X_QUERY_RESULT = {n: Named}\n',
    )
  })
})
