// `npm run content:validate` on a dataset file runs the Studio's own rules, so a tampered medical
// review is an error with the message an editor sees in the Studio: text changed after the
// approval, a forged or copied review, a missing approval record, a record that does not match
// the published review, and an approval by a reviewer with no linked Studio user.
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {promisify} from 'node:util'
import {SAMPLE_PATH} from '../content/build'
import {readNdjson} from '../content/validate'

const run = promisify(execFile)
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')

type Doc = Record<string, unknown> & {_id: string}
type Review = {fingerprint: string; record: string; reviewer: {_ref: string}; reviewedAt: string}

const CHANGED = 'Changed after Dr. Sloane Yu approved it on 2 Nov 2026: request a new review.'
const UNAPPROVED =
  'This review was not approved by a clinician in the Studio: request a new review.'
const NOT_LINKED =
  'This approval was not signed by the reviewer’s linked Studio user: request a new review.'

let dir: string
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ck-content-validate-test-'))
})
after(() => rmSync(dir, {recursive: true, force: true}))

/** Runs the real command on `docs`; answers its exit code and its error lines. */
async function contentValidate(docs: Doc[]): Promise<{code: number; errors: string[]}> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.ndjson`)
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  const outcome = await run(TSX, ['content/validate.ts', file]).then(
    ({stdout}) => ({code: 0, stdout}),
    (error: {code: number; stdout: string; stderr: string}) => {
      assert.equal(error.code, 1, error.stderr)
      return {code: error.code, stdout: error.stdout}
    },
  )
  const errors = outcome.stdout
    .split('\n')
    .filter((line) => line.startsWith('error'))
    .map((line) => line.replace(/^error\s+/, ''))
  return {code: outcome.code, errors}
}

describe('content:validate and the medical review', () => {
  it('passes the sample, whose every review is a real approval', async () => {
    assert.deepEqual(await contentValidate(readNdjson(SAMPLE_PATH) as Doc[]), {code: 0, errors: []})
  })

  it('fails a dataset whose reviews were tampered with, naming each with the Studio’s message', async () => {
    const docs = readNdjson(SAMPLE_PATH) as Doc[]
    const byId = (id: string) => docs.find((doc) => doc._id === id)!
    const reviewOf = (id: string) => byId(id).medicalReview as Review

    // The text changed after the approval, its review kept.
    const answer = byId('faq-what-is-chronic-migraine').answer as Array<{
      children: Array<{text: string}>
    }>
    answer[0]!.children[0]!.text += ' Or less.'
    // The review's fingerprint replaced (as if to cover another text).
    reviewOf('faq-are-headaches-common').fingerprint = `v1:${'ab'.repeat(32)}`
    // The approval record is missing.
    const gone = reviewOf('faq-when-to-see-a-headache-specialist').record
    docs.splice(docs.indexOf(byId(gone)), 1)
    // The published review does not match its record (another date).
    reviewOf('faq-is-every-headache-a-migraine').reviewedAt = '2026-10-30'
    // The record was edited to another fingerprint.
    const record = byId(reviewOf('faq-which-headaches-can-botox-help').record)
    record.fingerprint = `v1:${'cd'.repeat(32)}`
    // Another FAQ's approval copied onto this one.
    byId('faq-how-does-botox-relieve-headache-pain').medicalReview = structuredClone(
      reviewOf('faq-is-botox-approved-for-chronic-migraine'),
    )
    // Approved by a reviewing clinician who has no linked Studio user.
    const unlinked: Doc = {
      ...byId('clinician-sloane-yu'),
      _id: 'clinician-unlinked',
      slug: {_type: 'slug', current: 'unlinked'},
    }
    delete unlinked.linkedUser
    docs.push(unlinked)
    const minor = reviewOf('faq-what-helps-minor-headaches')
    minor.reviewer = {_ref: unlinked._id}
    byId(minor.record).reviewer = {_type: 'reference', _ref: unlinked._id, _weak: true}

    const {code, errors} = await contentValidate(docs)
    assert.equal(code, 1)
    assert.deepEqual(errors.sort(), [
      'clinician-unlinked linkedUser: A clinician who reviews needs a linked Studio user.',
      `faq-are-headaches-common medicalReview: ${UNAPPROVED}`,
      `faq-how-does-botox-relieve-headache-pain medicalReview: ${UNAPPROVED}`,
      `faq-is-every-headache-a-migraine medicalReview: ${UNAPPROVED}`,
      `faq-what-helps-minor-headaches medicalReview: ${NOT_LINKED}`,
      `faq-what-is-chronic-migraine medicalReview: ${CHANGED}`,
      `faq-when-to-see-a-headache-specialist medicalReview: ${UNAPPROVED}`,
      `faq-which-headaches-can-botox-help medicalReview: ${UNAPPROVED}`,
    ])
  })
})
