// The clinic's rules are a plugin (clinic-rules/index.ts): the same lake with and without it,
// through the real @sanity/client. Without it the lake is a plain Content Lake that takes a
// published review no approval backs, knows no medical reviewer and no partner's site; with it,
// it refuses that publish with Sanity's 409 and knows both.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {clinicRules} from '../../clinic-rules'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

const work = mkdtempSync(join(tmpdir(), 'ck-clinic-plugin-'))
const seed = join(work, 'seed.ndjson')
const YU = 'clinician-sloane-yu'
const PARTNER = 'https://www.riverbend-family.example'
writeFileSync(
  seed,
  [
    {_id: YU, _type: 'clinician', givenName: 'Sloane', familyName: 'Yu', canReview: true},
    {_id: 'partner-riverbend', _type: 'partner', name: 'Riverbend', allowedOrigins: [PARTNER]},
  ]
    .map((doc) => `${JSON.stringify(doc)}\n`)
    .join(''),
)

/** A published article claiming Dr. Yu's review, with no approval record behind it. */
const claimed = {
  _id: 'art-claimed',
  _type: 'article',
  title: 'Headaches',
  medicalReview: {
    _type: 'medicalReview',
    reviewer: {_type: 'reference', _ref: YU},
    reviewedAt: '2026-11-02',
  },
}

async function corsFrom(t: TestLake, origin: string) {
  const response = await fetch(`${t.lake.url}/v2025-02-19/data/query/production?query=1`, {
    headers: {origin},
  })
  await response.arrayBuffer()
  return response.headers.get('access-control-allow-origin')
}

let plain: TestLake
let clinic: TestLake
before(async () => {
  plain = await startTestLake(seed, {plugins: []})
  clinic = await startTestLake(seed, {plugins: [clinicRules()]})
})
after(async () => {
  await plain?.close()
  await clinic?.close()
  rmSync(work, {recursive: true, force: true})
})

describe('the clinic plugin', () => {
  it('refuses a published review no approval backs; a plain lake takes it', async () => {
    await plain.client.create(claimed)
    assert.equal((await plain.client.getDocument('art-claimed'))?.title, 'Headaches')
    const failed = await clinic.client.create(claimed).then(
      () => assert.fail('the clinic lake took an unbacked review'),
      (error: {statusCode: number; response: {body: {error: Record<string, unknown>}}}) => error,
    )
    assert.equal(failed.statusCode, 409)
    const {error} = failed.response.body
    assert.equal(error.type, 'mutationError')
    assert.equal(error.description, 'Mutation(s) failed with 1 error(s)')
    assert.deepEqual(error.items, [
      {
        index: 0,
        error: {
          type: 'medicalReviewMismatchError',
          description:
            'This review was not approved by a clinician in the Studio: request a new review.',
        },
      },
    ])
    assert.equal(await clinic.client.getDocument('art-claimed'), undefined)
  })

  it('adds the medical reviewer role; a plain lake has none', async () => {
    assert.ok(clinic.lake.roles.names.includes('medicalReviewer'))
    assert.ok(!plain.lake.roles.names.includes('medicalReviewer'))
    const add = (t: TestLake) =>
      t.client.request<{token: string}>({
        url: '/lake/users',
        method: 'POST',
        body: {id: YU, name: 'Dr. Sloane Yu', email: 'yu@example.test', role: 'medicalReviewer'},
      })
    await assert.rejects(add(plain), {statusCode: 400})
    const {token} = await add(clinic)
    const acl = await lakeClient(clinic.lake.url, token).request<Array<{filter: string}>>({
      url: '/projects/clinickit/datasets/production/acl',
    })
    assert.ok(acl.some((grant) => grant.filter.includes('reviewRecord')))
  })

  it("lets a published partner's sites read; a plain lake does not", async () => {
    assert.equal(await corsFrom(clinic, PARTNER), PARTNER)
    assert.equal(await corsFrom(plain, PARTNER), null)
  })
})
