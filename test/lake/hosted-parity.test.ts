// `npm run lake -- --hosted-parity` as operators run it: the real command line (scripts/lake.ts
// serve) in its own process on the sample content and the project's Blueprint. Served as hosted,
// an editor's unapproved change of a published FAQ's answer is written, and the review guard puts
// the approved answer back, records it, and `functions logs` prints the repair after the lake
// stopped. Served without the flag, the clinic's commit check refuses the change (409) and the
// guard has nothing to repair.
import assert from 'node:assert/strict'
import {execFile, type ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {SanityClient} from '@sanity/client'
import {readInvocations} from '../../lake/functions/log'
import {REVIEW_GUARD_EVENT_TYPE, type ReviewGuardEvent} from '../../model/review/guard-record'
import {lakeClient, spawnLakeCli} from '../helpers/lake'

const ROOT = join(import.meta.dirname, '..', '..')
const TOKEN = 'hosted-parity-test-token'
/** The CLI's environment: a known write token, no host or origins from the developer's shell. */
const ENV = {
  SANITY_API_TOKEN: TOKEN,
  CK_LAKE_HOST: '',
  CK_STUDIO_PORT: '',
  CLINIC_SITE_ORIGINS: '',
  CLINIC_STUDIO_ORIGINS: '',
}
const FAQ = 'faq-what-is-chronic-migraine'
const ANSWER_TEXT = `*[_id == $id][0].answer[0].children[0].text`

/** `npm run lake -- <args>` to its end. */
function cli(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/lake.ts', ...args],
      {cwd: ROOT, env: {...process.env, ...ENV}},
      (error, stdout, stderr) => done({code: error ? Number(error.code ?? 1) : 0, stdout, stderr}),
    )
  })
}

/** Polls until `check` answers something other than undefined (at most `ms`). */
async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string) {
  const end = Date.now() + 20_000
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A lake served by the CLI in a folder of its own, with an editor added through the CLI. */
class CliLake {
  readonly dir = mkdtempSync(join(tmpdir(), 'ck-hosted-parity-'))
  child: ChildProcess | null = null
  url = ''
  editor!: SanityClient
  admin!: SanityClient
  anonymous!: SanityClient

  async start(flags: string[]) {
    // No --seed: the project's default, the sample content.
    const started = await spawnLakeCli(this.dir, ENV, flags)
    this.child = started.child
    this.url = started.url
    const added = await cli([
      'users',
      'add',
      '--name',
      'Eddie Editor',
      '--email',
      'eddie@example.org',
      '--role',
      'editor',
      '--bare',
      '--url',
      this.url,
    ])
    assert.equal(added.code, 0, added.stderr)
    this.editor = lakeClient(this.url, added.stdout.trim())
    this.admin = lakeClient(this.url, TOKEN)
    this.anonymous = lakeClient(this.url)
  }

  /** SIGTERM, as an operator's Ctrl-C; resolves once the process has exited. */
  async stop() {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const [code] = (await exited) as [number | null]
    assert.equal(code, 0, 'the lake stops cleanly')
  }

  async close() {
    await this.stop()
    rmSync(this.dir, {recursive: true, force: true})
  }

  functionsLogs() {
    return cli(['functions', 'logs', '--name', 'review-guard', '--dir', this.dir])
  }
}

describe('npm run lake -- --hosted-parity: the review guard repairs', () => {
  const lake = new CliLake()
  before(() => lake.start(['--hosted-parity']))
  after(() => lake.close())

  it('an editor’s unapproved answer is put back, recorded, and logged', async () => {
    const approved = await lake.anonymous.fetch<string>(ANSWER_TEXT, {id: FAQ})
    assert.ok(approved, 'the sample FAQ has an answer')
    const tampered = 'Chronic migraine is cured by drinking water.'
    await lake.editor.patch(FAQ).set({'answer[0].children[0].text': tampered}).commit()
    // Nothing refused the write; readers get the approved answer back once the guard ran.
    await until(async () => {
      const text = await lake.anonymous.fetch<string | null>(ANSWER_TEXT, {id: FAQ})
      return text === approved ? true : undefined
    }, 'a tokenless query to return the approved answer')
    const records = await lake.admin.fetch<ReviewGuardEvent[]>(
      `*[_type == $type && documentId == $id]`,
      {type: REVIEW_GUARD_EVENT_TYPE, id: FAQ},
    )
    assert.equal(records.length, 1)
    assert.equal(records[0]!.action, 'restored')
    assert.match(records[0]!.changedText, /drinking water/)
    // The guard logs when its invocation has ended, just after its write.
    await until(
      () =>
        readInvocations(lake.dir, 'review-guard').some((entry) =>
          entry.logs.some((line) => line.includes('"action":"restored"')),
        )
          ? true
          : undefined,
      'the guard’s invocation to be logged',
    )
    await lake.stop()

    const logs = await lake.functionsLogs()
    assert.equal(logs.code, 0, logs.stderr)
    const repair = new RegExp(
      `review-guard {2}update production/${FAQ} {2}\\d+ ms {2}ok\\n {4}review-guard: ${FAQ}@\\S+: ` +
        `\\{"action":"restored","record":"${records[0]!._id}"\\}`,
    )
    assert.match(logs.stdout, repair)
  })
})

describe('npm run lake (the clinic’s commit check): the change is refused', () => {
  const lake = new CliLake()
  before(() => lake.start([]))
  after(() => lake.close())

  it('the unapproved answer is refused with 409 and functions logs shows no repair', async () => {
    const approved = await lake.anonymous.fetch<string>(ANSWER_TEXT, {id: FAQ})
    await assert.rejects(
      lake.editor.patch(FAQ).set({'answer[0].children[0].text': 'Tampered.'}).commit(),
      (error: {statusCode?: number}) => error.statusCode === 409,
    )
    assert.equal(await lake.anonymous.fetch(ANSWER_TEXT, {id: FAQ}), approved)
    // The guard does run here: a change outside the medical text is let through, and the guard
    // leaves it alone. Its logged run shows the log is read, and that nothing was repaired.
    await lake.editor.patch(FAQ).set({category: 'treatments'}).commit()
    await until(
      () => (readInvocations(lake.dir, 'review-guard').length > 0 ? true : undefined),
      'the guard to run on the category change',
    )
    assert.equal(
      await lake.admin.fetch('count(*[_type == $type])', {type: REVIEW_GUARD_EVENT_TYPE}),
      0,
      'no review guard record',
    )
    await lake.stop()

    const logs = await lake.functionsLogs()
    assert.equal(logs.code, 0, logs.stderr)
    assert.match(logs.stdout, new RegExp(`review-guard: ${FAQ}@\\S+: \\{"action":"none"`))
    assert.doesNotMatch(logs.stdout, /"action":"(restored|unpublished)"/)
  })
})
