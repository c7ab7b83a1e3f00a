// One rule for every write, tried as an attacker with an ordinary account would, on a real lake
// with real tokens for every role (lake/access/roles.ts authorizeChanges, lake/actions/scheduler.ts,
// clinic-rules/review-records.ts, clinic-rules/four-eyes.ts, clinic-rules/review-trail.ts): asset-typed documents at
// system and version ids, direct writes of releases, a scheduler that publishes what nobody
// permitted scheduled, an approval not bound to the version it approves, and an editor who links
// a clinician to itself for one transaction. Each is refused with Sanity's error shapes, and
// nothing changes.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {SanityClient} from '@sanity/client'
import {SAMPLE_USERS} from '../../content/sample-users'
import {
  LINK_RECORD_TYPE,
  REVIEW_RECORD_TYPE,
  reviewRecordId,
  type MedicalReviewValue,
  type ReviewRecord,
} from '../../model/review/state'
import {fingerprintOf, medicalText} from '../../model/review/fingerprint'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

const FAQ = 'faq-what-helps-minor-headaches'
const RECORD = `reviews.${FAQ}.sample-approval`
const YU = 'clinician-sloane-yu'
const PAST = '2030-01-01T08:00:00.000Z'

let clock = Date.parse('2030-01-01T09:00:00.000Z')
let t: TestLake
const clients = new Map<string, SanityClient>()
const as = (id: string) => clients.get(id)!

async function addUser(id: string, role: string): Promise<SanityClient> {
  const {token} = await t.client.request<{token: string}>({
    url: '/lake/users',
    method: 'POST',
    body: {id, name: `A ${role}`, email: `${id}@example.test`, role},
  })
  const client = lakeClient(t.lake.url, token)
  clients.set(id, client)
  return client
}

before(async () => {
  t = await startTestLake(undefined, {now: () => new Date(clock)})
  for (const user of SAMPLE_USERS) await addUser(user.id, user.role)
  await addUser('contributor', 'contributor')
  await addUser('viewer', 'viewer')
})
after(() => t?.close())

interface Refusal {
  statusCode: number
  type: string
  items: Array<{index: number; error: {type: string; permission?: string; description: string}}>
}

/** The error of a refused write, as Sanity's body gives it. */
async function refusal(write: Promise<unknown>): Promise<Refusal> {
  const error = await write.then(
    () => assert.fail('the lake accepted the write'),
    (caught: {statusCode?: number; response?: {body?: {error?: Refusal}}}) => caught,
  )
  const body = error.response?.body?.error
  return {statusCode: error.statusCode ?? 0, type: body?.type ?? '', items: body?.items ?? []}
}

/** Sanity's 403 for a write the grants do not allow. */
function assertForbidden(refused: Refusal, permission: 'create' | 'update') {
  assert.equal(refused.statusCode, 403, JSON.stringify(refused))
  assert.equal(refused.type, 'mutationError')
  assert.equal(refused.items[0]?.error.type, 'insufficientPermissionsError')
  assert.equal(refused.items[0]?.error.permission, permission)
}

/** Every document with its revision: what a refused write must leave as it was. */
const snapshot = () =>
  t.client.fetch<Array<{_id: string; _rev: string}>>(
    '*{_id, _rev} | order(_id)',
    {},
    {perspective: 'raw'},
  )

const faqRelease = async (client: SanityClient, releaseId: string, answer: string) => {
  await client.releases.create({releaseId, metadata: {title: releaseId, releaseType: 'scheduled'}})
  await client.createVersion({
    releaseId,
    publishedId: FAQ,
    document: {_type: 'faq', question: 'What helps minor headaches?', answer},
  })
}

describe('asset-typed documents at ids the role may not write', () => {
  for (const role of ['contributor', 'clinician-sloane-yu'])
    it(`refuses ${role} a release, an unpublish version and an asset document by mutation`, async () => {
      const before = await snapshot()
      const asset = {_type: 'sanity.imageAsset'}
      const attacks: Array<[string, () => Promise<unknown>]> = [
        [
          'a scheduled release',
          () =>
            as(role).create({
              ...asset,
              _id: '_.releases.evil',
              name: 'evil',
              state: 'scheduled',
              publishAt: PAST,
              scheduledBy: 'admin',
            }),
        ],
        [
          'a version marked to unpublish',
          () => as(role).create({...asset, _id: `versions.evil.${FAQ}`, _system: {delete: true}}),
        ],
        [
          'a version over a review record',
          () =>
            as(role).create({...asset, _id: `versions.evil.${RECORD}`, _system: {delete: true}}),
        ],
        [
          'an asset document without an upload',
          () =>
            as(role).create({
              ...asset,
              _id: 'image-0123456789abcdef0123456789abcdef01234567-1x1-png',
              url: 'https://example.test/elsewhere.png',
            }),
        ],
      ]
      for (const [name, attack] of attacks) {
        // A reviewer may write release versions (not ones over a record); the rest is refused.
        if (role === YU && name === 'a version marked to unpublish') continue
        assertForbidden(await refusal(attack()), 'create')
      }
      assert.deepEqual(await snapshot(), before, 'nothing changed')
      clock += 60_000
      assert.equal(await t.lake.scheduler.tick(), 0)
      assert.ok(await t.client.getDocument(FAQ), 'the published FAQ is still there')
      assert.ok(await t.client.getDocument(RECORD), 'the record is still there')
    })

  it('still lets a contributor upload an image through the upload route', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwAEAQH/2ZJRmQAAAABJRU5ErkJggg==',
      'base64',
    )
    const uploaded = await as('contributor').assets.upload('image', png, {filename: 'one.png'})
    assert.match(uploaded._id, /^image-[0-9a-f]{40}-1x1-png$/)
  })
})

describe('system documents are written by their actions only', () => {
  it('refuses a release written by mutation, even by an editor or the administrator', async () => {
    const before = await snapshot()
    for (const role of ['editor', 'admin']) {
      const release = {_id: '_.releases.direct', _type: 'system.release', state: 'active'}
      assertForbidden(await refusal(as(role).create(release)), 'create')
    }
    // And a release's system type at another id.
    assertForbidden(
      await refusal(as('editor').create({_id: 'not-a-release', _type: 'system.release'})),
      'create',
    )
    assert.deepEqual(await snapshot(), before)
  })

  it('refuses the release actions to roles that may not publish', async () => {
    const before = await snapshot()
    for (const role of ['contributor', YU, 'viewer'])
      assertForbidden(
        await refusal(as(role).releases.create({releaseId: 'rNope', metadata: {title: 'Nope'}})),
        'create',
      )
    assert.deepEqual(await snapshot(), before)
  })

  it('locks a scheduled release’s versions to mutations', async () => {
    await faqRelease(as('editor'), 'rLocked', 'Rest and water.')
    await as('editor').releases.schedule({
      releaseId: 'rLocked',
      publishAt: new Date(clock + 3600_000).toISOString(),
    })
    const before = await snapshot()
    const refused = await refusal(
      as(YU).patch(`versions.rLocked.${FAQ}`).set({answer: 'Unreviewed text.'}).commit(),
    )
    assert.equal(refused.statusCode, 409)
    assert.match(refused.items[0]!.error.description ?? '', /scheduled/)
    assert.deepEqual(await snapshot(), before)
    await as('editor').releases.unschedule({releaseId: 'rLocked'})
  })
})

describe('the scheduler publishes as the person who scheduled', () => {
  it('records who scheduled, and publishes with their grants at publish time', async () => {
    await faqRelease(as('editor'), 'rOnTime', 'Scheduled by the editor.')
    await as('editor').releases.schedule({
      releaseId: 'rOnTime',
      publishAt: new Date(clock + 60_000).toISOString(),
    })
    const release = await t.client.releases.get({releaseId: 'rOnTime'})
    assert.equal((release as {scheduledBy?: string}).scheduledBy, 'editor')
    clock += 120_000
    assert.equal(await t.lake.scheduler.tick(), 1)
    assert.equal((await t.client.getDocument(FAQ))?.answer, 'Scheduled by the editor.')
  })

  it('does not publish when the person who scheduled is gone or may no longer publish', async () => {
    const editor2 = await addUser('editor-two', 'editor')
    await faqRelease(editor2, 'rGone', 'Scheduled by a removed editor.')
    await editor2.releases.schedule({
      releaseId: 'rGone',
      publishAt: new Date(clock + 60_000).toISOString(),
    })
    const editor3 = await addUser('editor-three', 'editor')
    await faqRelease(editor3, 'rDemoted', 'Scheduled by a demoted editor.')
    await editor3.releases.schedule({
      releaseId: 'rDemoted',
      publishAt: new Date(clock + 60_000).toISOString(),
    })
    await t.client.request({url: '/lake/users/editor-two', method: 'DELETE'})
    // The same id comes back as a contributor: it may no longer publish.
    await t.client.request({url: '/lake/users/editor-three', method: 'DELETE'})
    await addUser('editor-three', 'contributor')
    const answer = (await t.client.getDocument(FAQ))?.answer
    clock += 120_000
    assert.equal(await t.lake.scheduler.tick(), 0)
    assert.equal((await t.client.getDocument(FAQ))?.answer, answer, 'nothing published')
    const gone = (await t.client.releases.get({releaseId: 'rGone'})) as Record<string, unknown>
    assert.equal(gone.state, 'active')
    assert.match(
      (gone.error as {message: string}).message,
      /"editor-two", who scheduled it, is no longer a user/,
    )
    const demoted = (await t.client.releases.get({releaseId: 'rDemoted'})) as Record<
      string,
      unknown
    >
    assert.equal(demoted.state, 'active')
    assert.match((demoted.error as {message: string}).message, /may no longer publish it/)
  })
})

type Doc = Record<string, unknown> & {_id: string; _type: string; _rev?: string}

/** An approval of `doc` as read, in Dr. Yu's name unless told, and its `medicalReview`. */
async function approvalOf(doc: Doc, unique: string, fields: Partial<ReviewRecord> = {}) {
  const at = new Date(clock).toISOString()
  const fingerprint = await fingerprintOf(doc)
  const record: ReviewRecord = {
    _id: reviewRecordId(FAQ, unique),
    _type: REVIEW_RECORD_TYPE,
    kind: 'approval',
    documentId: FAQ,
    documentType: 'faq',
    reviewedId: doc._id,
    revision: String(doc._rev),
    fingerprint,
    text: medicalText(doc),
    reviewer: {_type: 'reference', _ref: YU, _weak: true},
    reviewerName: 'Dr. Sloane Yu',
    userId: YU,
    at,
    ...fields,
  }
  const medicalReview: MedicalReviewValue = {
    _type: 'medicalReview',
    reviewer: {_type: 'reference', _ref: YU},
    reviewerName: 'Dr. Sloane Yu',
    reviewedAt: at.slice(0, 10),
    approvedBy: record.userId,
    fingerprint,
    record: record._id,
  }
  return {record, medicalReview}
}

describe('a sign-off is bound to what it approves', () => {
  it("refuses Dr. Yu's approval of her own release text, given in a transaction of its own", async () => {
    await as('editor')
      .createVersion({
        releaseId: 'rLocked',
        publishedId: FAQ,
        document: {_type: 'faq', question: 'What helps minor headaches?', answer: 'Editor text.'},
      })
      .catch(() => undefined)
    const versionId = `versions.rLocked.${FAQ}`
    await as('editor').createOrReplace({
      _id: `drafts.${FAQ}`,
      _type: 'faq',
      question: 'What helps minor headaches?',
      answer: 'Editor text.',
    })
    await as(YU).patch(versionId).set({answer: 'Dr. Yu wrote this in the release.'}).commit()
    const version = (await t.client.getDocument<Doc>(versionId))!
    const before = await snapshot()

    // Named as the version she wrote: four-eyes.
    const own = await approvalOf(version, 'own')
    const fourEyes = await refusal(as(YU).create(own.record))
    assert.equal(fourEyes.statusCode, 409)
    assert.equal(fourEyes.items[0]?.error.type, 'fourEyesError')

    // Naming no document, as the lake used to read as the draft: refused.
    const {reviewedId: _r, ...unbound} = own.record
    const missing = await refusal(as(YU).create({...unbound, _id: reviewRecordId(FAQ, 'none')}))
    assert.equal(missing.statusCode, 409)
    assert.equal(missing.items[0]?.error.type, 'reviewRecordError')
    assert.match(missing.items[0]!.error.description, /reviewedId/)

    // Naming the editor's draft with the version's text: not the text of the draft.
    const draft = (await t.client.getDocument<Doc>(`drafts.${FAQ}`))!
    const mismatch = await refusal(
      as(YU).create({
        ...own.record,
        _id: reviewRecordId(FAQ, 'draft'),
        reviewedId: draft._id,
        revision: String(draft._rev),
      }),
    )
    assert.equal(mismatch.statusCode, 409)
    assert.match(mismatch.items[0]!.error.description, /not the text of "drafts\./)

    // A stale revision of the version: refused.
    const stale = await refusal(
      as(YU).create({...own.record, _id: reviewRecordId(FAQ, 'stale'), revision: 'older'}),
    )
    assert.equal(stale.statusCode, 409)
    assert.match(stale.items[0]!.error.description, /revision "older"/)
    assert.deepEqual(await snapshot(), before, 'nothing changed')
  })

  it('does not let an approval of the draft clear her own edits in the release', async () => {
    const versionId = `versions.rLocked.${FAQ}`
    // She may approve the editor's draft (and does, with its copy on the draft)...
    const draft = (await t.client.getDocument<Doc>(`drafts.${FAQ}`))!
    const ofDraft = await approvalOf(draft, 'of-draft')
    await as(YU)
      .transaction()
      .create(ofDraft.record)
      .patch(draft._id, (patch) =>
        patch.ifRevisionId(String(draft._rev)).set({medicalReview: ofDraft.medicalReview}),
      )
      .commit()
    // ... but that approval is not the version's: her edits there still count.
    const version = (await t.client.getDocument<Doc>(versionId))!
    const own = await approvalOf(version, 'after-draft')
    const refused = await refusal(as(YU).create(own.record))
    assert.equal(refused.items[0]?.error.type, 'fourEyesError')
  })
})

describe('who the clinician was', () => {
  it('refuses an editor linking a clinician to itself to sign, and changes nothing', async () => {
    const draft = (await t.client.getDocument<Doc>(`drafts.${FAQ}`))!
    const {record, medicalReview} = await approvalOf(draft, 'by-editor', {userId: 'editor'})
    const before = await snapshot()
    const refused = await refusal(
      as('editor')
        .transaction()
        .patch(YU, (patch) => patch.set({linkedUser: 'editor'}))
        .create(record)
        .patch(draft._id, (patch) => patch.set({medicalReview}))
        .patch(YU, (patch) => patch.set({linkedUser: YU}))
        .commit(),
    )
    // Set and restored in one transaction, the link still "changed" in it: the approval names a
    // user the clinician was not linked to when the transaction began.
    assert.equal(refused.statusCode, 409)
    assert.equal(refused.items[0]?.error.type, 'reviewRecordError')
    assert.match(refused.items[0]!.error.description, /"editor" is not linked to Dr\. Sloane Yu/)
    // Left linked to the editor, the link change itself is the administrator's.
    assertForbidden(
      await refusal(
        as('editor')
          .transaction()
          .patch(YU, (patch) => patch.set({linkedUser: 'editor'}))
          .create(record)
          .commit(),
      ),
      'update',
    )
    // A new clinician linked to the editor is a link too.
    assertForbidden(
      await refusal(
        as('editor').create({
          _id: 'clinician-new',
          _type: 'clinician',
          givenName: 'New',
          canReview: true,
          linkedUser: 'editor',
        }),
      ),
      'create',
    )
    assert.deepEqual(await snapshot(), before, 'nothing changed')
  })

  it('lets the administrator change a link, recorded in the review trail', async () => {
    await as('admin').patch('clinician-sloane-yu').set({linkedUser: 'editor-two'}).commit()
    await as('admin').patch('clinician-sloane-yu').set({linkedUser: YU}).commit()
    const trail = await t.client.fetch<Array<Record<string, unknown>>>(
      `*[_type == "${LINK_RECORD_TYPE}" && documentId == $id] | order(at asc, _createdAt asc){previousUser, linkedUser, userId, _id}`,
      {id: YU},
      {perspective: 'raw'},
    )
    assert.equal(trail.length, 2, JSON.stringify(trail))
    assert.deepEqual(
      trail.map(({previousUser, linkedUser, userId}) => ({previousUser, linkedUser, userId})),
      [
        {previousUser: YU, linkedUser: 'editor-two', userId: 'admin'},
        {previousUser: 'editor-two', linkedUser: YU, userId: 'admin'},
      ],
    )
    for (const {_id} of trail) assert.match(String(_id), /^reviews\.clinician-sloane-yu\.link-/)
    // Append-only: not even the editor may remove one.
    assertForbidden(await refusal(as('editor').delete(String(trail[0]!._id))), 'update')
  })
})
