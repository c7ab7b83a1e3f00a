// The review guard end to end, run by the lake from the project's Blueprint (sanity.blueprint.ts)
// on the sample content: served as hosted Sanity behaves (`--hosted-parity`: no clinic commit
// check) an editor's change of a published FAQ's answer reaches the dataset and the guard puts the
// approved text back within seconds, records it, and leaves its own write and other fields alone;
// with the clinic's plugin on, the change is refused at commit and the guard has nothing to do.
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {SanityClient} from '@sanity/client'
import {SAMPLE_PATH} from '../content/build'
import {readInvocations, type InvocationEntry} from '../lake/functions/log'
import {REVIEW_GUARD_EVENT_TYPE, type ReviewGuardEvent} from '../model/review/guard-record'
import {lakeClient, startTestLake, type TestLake} from './helpers/lake'

const BLUEPRINT = join(import.meta.dirname, '..', 'sanity.blueprint.ts')
const FAQ = 'faq-what-is-chronic-migraine'
const ANSWER_TEXT = `*[_id == $id][0].answer[0].children[0].text`

/** Polls until `check` answers something other than undefined (at most `ms`). */
async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 15_000) {
  const end = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The guard's decisions in the log: what each invocation printed it did. */
const guardActions = (entries: InvocationEntry[]) =>
  entries.map((entry) => {
    const line = entry.logs.find((l) => l.startsWith('review-guard: '))
    const outcome = line
      ? (JSON.parse(line.slice(line.indexOf(': {') + 2)) as {action: string})
      : null
    return {documentId: entry.documentId, outcome: entry.outcome, action: outcome?.action ?? null}
  })

async function editorOf(t: TestLake): Promise<SanityClient> {
  const {token} = t.lake.users.add({
    name: 'Eddie Editor',
    email: 'eddie@example.org',
    role: 'editor',
  })
  return lakeClient(t.lake.url, token)
}

describe('review guard e2e: a lake run as hosted Sanity (--hosted-parity)', () => {
  let t: TestLake
  let editor: SanityClient
  let approved: string

  before(async () => {
    t = await startTestLake(SAMPLE_PATH, {plugins: [], blueprint: BLUEPRINT})
    editor = await editorOf(t)
    approved = await t.anonymous.fetch<string>(ANSWER_TEXT, {id: FAQ})
    assert.ok(approved, 'the sample FAQ has an answer')
  })
  after(() => t.close())

  it('an editor’s unapproved answer is put back, recorded, and the guard’s own write left alone', async () => {
    const tampered = 'Chronic migraine is cured by drinking water.'
    await editor.patch(FAQ).set({'answer[0].children[0].text': tampered}).commit()
    // Hosted parity: nothing refused the write, so readers saw it until the guard ran.
    const shown = await until(async () => {
      const text = await t.anonymous.fetch<string | null>(ANSWER_TEXT, {id: FAQ})
      return text === tampered ? undefined : text
    }, 'the guard to repair the answer')
    // Put back to the approved text, or unpublished (no published text left).
    assert.ok(shown === approved || shown === null, `readers see "${shown}"`)
    const records = await t.client.fetch<ReviewGuardEvent[]>(
      `*[_type == $type && documentId == $id]`,
      {type: REVIEW_GUARD_EVENT_TYPE, id: FAQ},
    )
    assert.equal(records.length, 1)
    assert.ok(['restored', 'unpublished'].includes(records[0]!.action))
    assert.match(records[0]!.changedText, /drinking water/)
    await t.lake.functions!.idle()
    const runs = guardActions(readInvocations(t.dir, 'review-guard')).filter(
      (run) => run.documentId === FAQ,
    )
    // The editor's write ran it once and it repaired; the repair ran it again and it did nothing.
    assert.equal(
      runs.filter((run) => run.action === 'restored' || run.action === 'unpublished').length,
      1,
    )
    assert.ok(
      runs.every((run) => run.outcome === 'ok'),
      JSON.stringify(runs),
    )
    assert.ok(runs.length <= 2, `the guard ran ${runs.length} times for one change`)
  })

  it('a change outside the medical text is left alone', async () => {
    const before = readInvocations(t.dir, 'review-guard').length
    await editor.patch(FAQ).set({category: 'treatments'}).commit()
    await until(
      async () => (readInvocations(t.dir, 'review-guard').length > before ? true : undefined),
      'the guard to run',
    )
    await t.lake.functions!.idle()
    const latest = guardActions(readInvocations(t.dir, 'review-guard').slice(before))
    assert.deepEqual(
      latest.map((run) => run.action),
      ['none'],
    )
    assert.equal(await t.anonymous.fetch(`*[_id == $id][0].category`, {id: FAQ}), 'treatments')
  })
})

describe('review guard e2e: the clinic lake (commit check plugin on)', () => {
  let t: TestLake

  before(async () => {
    t = await startTestLake(SAMPLE_PATH, {blueprint: BLUEPRINT})
  })
  after(() => t.close())

  it('the unapproved answer is refused at commit (409) and the guard never repairs', async () => {
    const editor = await editorOf(t)
    const approved = await t.anonymous.fetch<string>(ANSWER_TEXT, {id: FAQ})
    await assert.rejects(
      editor.patch(FAQ).set({'answer[0].children[0].text': 'Tampered.'}).commit(),
      (error: {statusCode?: number}) => error.statusCode === 409,
    )
    await t.lake.functions!.idle()
    assert.equal(await t.anonymous.fetch(ANSWER_TEXT, {id: FAQ}), approved)
    assert.deepEqual(readInvocations(t.dir, 'review-guard'), [])
  })
})
