// The lake guards the medical review, through the real @sanity/client with each user's token:
// review records are written once, by their reviewer; a published review must be backed by a
// matching approval (mutations, actions, release publish, import); four-eyes review; and a
// reader without a token never sees a record.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {SanityClient} from '@sanity/client'
import {importOverHttp} from '../../lake/datasets/import-http'
import {importNdjson} from '../../lake/datasets/ndjson'
import {SAMPLE_USERS} from '../../content/sample-users'
import {
  REVIEW_RECORD_TYPE,
  reviewRecordId,
  type MedicalReviewValue,
  type ReviewRecord,
} from '../../model/review/state'
import {fingerprintOf, medicalText} from '../../model/review/fingerprint'
import {publishedIdOf} from '../../model/sanity/ids'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'
import {textBlock} from '../helpers/portable-text'

const YU = 'clinician-sloane-yu'
const work = mkdtempSync(join(tmpdir(), 'ck-review-'))

type Doc = Record<string, unknown> & {_id: string; _type: string}

const article = (id: string, words = 'Rest and fluids help most headaches.'): Doc => ({
  _id: id,
  _type: 'article',
  title: `About ${id}`,
  summary: 'What helps.',
  body: [textBlock('b1', words)],
})

/** An approval record of the draft as read, and the `medicalReview` the Approve action writes. */
async function approvalOf(
  draft: Doc & {_rev?: unknown},
  unique: string,
  options: {userId?: string; at?: string} = {},
): Promise<{record: ReviewRecord; medicalReview: MedicalReviewValue}> {
  const at = options.at ?? new Date().toISOString()
  const userId = options.userId ?? YU
  const documentId = publishedIdOf(draft._id)
  const fingerprint = await fingerprintOf(draft)
  const record: ReviewRecord = {
    _id: reviewRecordId(documentId, unique),
    _type: REVIEW_RECORD_TYPE,
    kind: 'approval',
    documentId,
    documentType: draft._type,
    // The draft or release version read; an imported record of a published text names none.
    ...(draft._id === documentId ? {} : {reviewedId: draft._id}),
    revision: typeof draft._rev === 'string' ? draft._rev : 'imported',
    fingerprint,
    text: medicalText(draft),
    reviewer: {_type: 'reference', _ref: YU, _weak: true},
    reviewerName: 'Dr. Sloane Yu',
    userId,
    at,
    nextReviewDue: '2027-11-02',
  }
  const medicalReview: MedicalReviewValue = {
    _type: 'medicalReview',
    reviewer: {_type: 'reference', _ref: YU},
    reviewerName: 'Dr. Sloane Yu',
    reviewedAt: at.slice(0, 10),
    nextReviewDue: '2027-11-02',
    approvedBy: userId,
    fingerprint,
    record: record._id,
  }
  return {record, medicalReview}
}

interface Refusal {
  statusCode: number
  type: string
  description: string
}

/** The first error item of a refused write (Sanity's `{error: {items: [{error}]}}`). */
async function refusal(write: Promise<unknown>): Promise<Refusal> {
  const error = await write.then(
    () => assert.fail('the lake accepted the write'),
    (caught: {statusCode?: number; details?: {items?: Array<{error: Refusal}>}}) => caught,
  )
  const item = error.details?.items?.[0]?.error
  return {
    statusCode: error.statusCode ?? 0,
    type: item?.type ?? '',
    description: item?.description ?? '',
  }
}

let t: TestLake
const users = new Map<string, SanityClient>()
const as = (id: string) => users.get(id)!
const seedFile = join(work, 'seed.ndjson')

/** Dr. Yu approves the draft as it is now: the record and the draft patch in one transaction. */
async function approve(id: string, unique: string, client = as(YU)) {
  const draft = await t.client.getDocument<Doc>(`drafts.${id}`)
  assert.ok(draft, `drafts.${id} exists`)
  const {record, medicalReview} = await approvalOf(draft, unique)
  await client
    .transaction()
    .create(record)
    .patch(`drafts.${id}`, (patch) => patch.set({medicalReview}).unset(['reviewRequest']))
    .commit()
  return {record, medicalReview}
}

const publish = (id: string, client = as('editor')) =>
  client.action({
    actionType: 'sanity.action.document.publish',
    draftId: `drafts.${id}`,
    publishedId: id,
  })

before(async () => {
  // The seed is imported like `lake import`: a published article with its approval record.
  const seeded = article('seeded-article')
  const {record, medicalReview} = await approvalOf(seeded, 'import1', {
    at: '2026-11-02T09:30:00.000Z',
  })
  const lines: Doc[] = [
    {
      _id: YU,
      _type: 'clinician',
      honorificPrefix: 'Dr.',
      givenName: 'Sloane',
      familyName: 'Yu',
      canReview: true,
      linkedUser: YU,
    },
    {_id: 'clinician-ray', _type: 'clinician', givenName: 'Ray', familyName: 'Okafor'},
    {_id: 'siteSettings', _type: 'siteSettings', reviewIntervalMonths: 12},
    record as unknown as Doc,
    {...seeded, medicalReview},
  ]
  writeFileSync(seedFile, lines.map((line) => JSON.stringify(line)).join('\n'))
  t = await startTestLake(seedFile)
  for (const user of [
    ...SAMPLE_USERS,
    {id: 'contributor', name: 'A contributor', email: 'c@example.test', role: 'contributor'},
  ]) {
    const {token} = await t.client.request<{token: string}>({
      url: '/lake/users',
      method: 'POST',
      body: user,
    })
    users.set(user.id, lakeClient(t.lake.url, token))
  }
})
after(async () => {
  await t?.close()
  rmSync(work, {recursive: true, force: true})
})

describe('review records', () => {
  it('the reviewer records an approval and patches the draft in one transaction', async () => {
    await as('editor').create(article('drafts.art-approve'))
    const {record} = await approve('art-approve', 'a1')
    const stored = await t.client.getDocument<ReviewRecord>(record._id)
    assert.equal(stored?.userId, YU)
    assert.equal(stored?.kind, 'approval')
    const draft = await t.client.getDocument<Doc>('drafts.art-approve')
    assert.equal((draft?.medicalReview as MedicalReviewValue).record, record._id)
  })

  it("refuses a record an editor writes in Dr. Yu's name", async () => {
    await as('editor').create(article('drafts.art-forged'))
    const failed = await refusal(approve('art-forged', 'f1', as('editor')))
    assert.equal(failed.statusCode, 409)
    assert.equal(failed.type, 'reviewRecordError')
    assert.match(failed.description, /^Only Dr\. Sloane Yu's linked user can record/)
    assert.equal(await t.client.getDocument(reviewRecordId('art-forged', 'f1')), undefined)
    assert.equal(
      (await t.client.getDocument<Doc>('drafts.art-forged'))?.medicalReview,
      undefined,
      'the draft patch of the refused transaction is not applied',
    )
  })

  it('refuses a record for a clinician who does not review, or with a bad shape', async () => {
    const draft = {...article('drafts.art-shape'), _rev: 'r1'}
    const {record} = await approvalOf(draft, 's1')
    const notReviewer = await refusal(
      as(YU).create({...record, reviewer: {_type: 'reference', _ref: 'clinician-ray'}}),
    )
    assert.equal(notReviewer.statusCode, 409)
    assert.match(notReviewer.description, /^Ray Okafor is not a medical reviewer/)
    const badFingerprint = await refusal(as(YU).create({...record, fingerprint: 'abc'}))
    assert.equal(badFingerprint.type, 'reviewRecordError')
    assert.match(badFingerprint.description, /"fingerprint" is "v1:"/)
    const elsewhere = await refusal(t.client.create({...record, _id: 'reviews.other-doc.s1'}))
    assert.match(elsewhere.description, /lives at "reviews\.art-shape\.<unique>"/)
    const otherType = await refusal(t.client.create({_id: 'reviews.x.y', _type: 'article'}))
    assert.match(otherType.description, /_type must be "reviewRecord"/)
  })

  it('keeps records append-only: Dr. Yu may not edit or delete hers, an administrator may', async () => {
    await as('editor').create(article('drafts.art-append'))
    const {record} = await approve('art-append', 'p1')
    for (const write of [
      as(YU).patch(record._id).set({note: 'Changed my mind'}).commit(),
      as(YU).delete(record._id),
      as('editor').createOrReplace({...record, fingerprint: `v1:${'0'.repeat(64)}`}),
    ]) {
      const failed = await refusal(write)
      assert.equal(failed.statusCode, 403)
      assert.equal(failed.type, 'insufficientPermissionsError')
    }
    assert.equal((await t.client.getDocument<ReviewRecord>(record._id))?.note, undefined)
    await as('admin').patch(record._id).set({note: 'Corrected by the administrator'}).commit()
    assert.equal(
      (await t.client.getDocument<ReviewRecord>(record._id))?.note,
      'Corrected by the administrator',
    )
    await as('admin').delete(record._id)
    assert.equal(await t.client.getDocument(record._id), undefined)
  })

  it('lets neither a contributor nor a viewer-like role create records', async () => {
    const draft = {...article('drafts.art-contrib'), _rev: 'r1'}
    const {record} = await approvalOf(draft, 'c1', {userId: 'contributor'})
    const failed = await refusal(as('contributor').create(record))
    assert.equal(failed.statusCode, 403)
    assert.equal(failed.type, 'insufficientPermissionsError')
  })
})

describe('published reviews are backed by approvals', () => {
  it('refuses publishing a typed review that no record backs', async () => {
    await as('editor').create({
      ...article('drafts.art-typed'),
      medicalReview: {
        _type: 'medicalReview',
        reviewer: {_type: 'reference', _ref: YU},
        reviewedAt: '2026-11-02',
      },
    })
    const failed = await refusal(publish('art-typed'))
    assert.equal(failed.statusCode, 409)
    assert.equal(failed.type, 'medicalReviewMismatchError')
    assert.equal(
      failed.description,
      'This review was not approved by a clinician in the Studio: request a new review.',
    )
    assert.equal(await t.client.getDocument('art-typed'), undefined)
  })

  it('refuses a review whose fingerprint was tampered with', async () => {
    await as('editor').create(article('drafts.art-tamper'))
    const {medicalReview} = await approve('art-tamper', 't1')
    const forged = {...medicalReview, fingerprint: `v1:${'f'.repeat(64)}`}
    const failed = await refusal(
      as('editor').createOrReplace({...article('art-tamper'), medicalReview: forged}),
    )
    assert.equal(failed.statusCode, 409)
    assert.equal(failed.type, 'medicalReviewMismatchError')
    assert.equal(
      failed.description,
      'This review was not approved by a clinician in the Studio: request a new review.',
    )
  })

  it('refuses text changed after the approval, with the date of the approval', async () => {
    await as('editor').create(article('drafts.art-changed'))
    const {record} = await approve('art-changed', 'ch1')
    await as('editor')
      .patch('drafts.art-changed')
      .set({body: [textBlock('b1', 'Rest, fluids and a new claim.')]})
      .commit()
    const failed = await refusal(publish('art-changed'))
    assert.equal(failed.statusCode, 409)
    assert.equal(failed.type, 'medicalReviewMismatchError')
    const day = new Date(record.at)
    const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')
    assert.equal(
      failed.description,
      `Changed after Dr. Sloane Yu approved it on ${day.getUTCDate()} ${months[day.getUTCMonth()]} ${day.getUTCFullYear()}: request a new review.`,
    )
  })

  it('publishes a real approval, and edits outside the medical text keep it valid', async () => {
    await as('editor').create(article('drafts.art-real'))
    await approve('art-real', 'r1')
    await publish('art-real')
    const published = await t.anonymous.getDocument<Doc>('art-real')
    assert.equal((published?.medicalReview as MedicalReviewValue).record, 'reviews.art-real.r1')
    await as('editor').patch('art-real').set({seoTitle: 'Headache help'}).commit()
    const failed = await refusal(
      as('editor').patch('art-real').set({title: 'A new title'}).commit(),
    )
    assert.equal(failed.type, 'medicalReviewMismatchError')
  })

  it('lets a published text drop its review, and drafts carry any review', async () => {
    await as('editor').patch('art-real').unset(['medicalReview']).commit()
    await as('editor').create({
      ...article('drafts.art-free'),
      medicalReview: {reviewer: {_type: 'reference', _ref: YU}, reviewedAt: '2026-01-01'},
    })
  })

  it('refuses a release whose version carries a stale review', async () => {
    await as('editor').create(article('drafts.art-release'))
    const {medicalReview} = await approve('art-release', 'rel1')
    await publish('art-release')
    await t.client.releases.create({
      releaseId: 'rStale',
      metadata: {title: 'Stale', releaseType: 'asap'},
    })
    await t.client.createVersion({
      releaseId: 'rStale',
      publishedId: 'art-release',
      document: {
        ...article('art-release', 'A sentence nobody approved.'),
        _id: undefined,
        medicalReview,
      },
    })
    const failed = await refusal(t.client.releases.publish({releaseId: 'rStale'}))
    assert.equal(failed.statusCode, 409)
    assert.equal(failed.type, 'medicalReviewMismatchError')
    assert.match(failed.description, /^Changed after Dr\. Sloane Yu approved it on /)
    const live = await t.client.getDocument<Doc>('art-release')
    assert.deepEqual(live?.body, article('x').body)
  })

  it('checks imports: the seed was accepted, a typed review in a file is refused whole', async () => {
    const seeded = await t.anonymous.getDocument<Doc>('seeded-article')
    assert.equal(
      (seeded?.medicalReview as MedicalReviewValue).record,
      'reviews.seeded-article.import1',
    )
    const file = join(work, 'typed.ndjson')
    const lines = [
      {_id: 'import-ok', _type: 'faq', question: 'Fine?'},
      {
        ...article('import-typed'),
        medicalReview: {reviewer: {_type: 'reference', _ref: YU}, reviewedAt: '2026-11-02'},
      },
    ]
    writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'))
    await assert.rejects(importNdjson(t.lake.store, file), (error: {statusCode?: number}) => {
      assert.equal(error.statusCode, 409)
      return true
    })
    // `lake import --url`: the same refusal through the HTTP API, with the robot token.
    await assert.rejects(
      importOverHttp(file, {
        url: t.lake.url,
        token: t.lake.token,
        dataset: 'production',
        projectId: t.client.config().projectId!,
        mode: 'fail',
      }),
      /The import failed \(409\): Mutation\(s\) failed with 1 error\(s\):\n- This review was not approved by a clinician/,
    )
    assert.equal(await t.client.getDocument('import-ok'), undefined)
  })
})

describe('four-eyes review', () => {
  it('refuses an approval by the reviewer who changed the text since the last approval', async () => {
    await as('editor').create(article('drafts.art-four'))
    await approve('art-four', 'e1')
    // Dr. Yu's own approval is not a change of the text: a second approval is hers to give.
    await as('editor').patch('drafts.art-four').set({summary: 'Edited by the editor.'}).commit()
    await approve('art-four', 'e2')
    await as(YU).patch('drafts.art-four').set({summary: 'Edited by Dr. Yu.'}).commit()
    const failed = await refusal(approve('art-four', 'e3'))
    assert.equal(failed.statusCode, 409)
    assert.equal(failed.type, 'fourEyesError')
    assert.equal(
      failed.description,
      'You wrote changes in this draft since its last approval. With four-eyes review on (Settings), another reviewer must approve it.',
    )
    await t.client.patch('siteSettings').set({fourEyesReview: false}).commit()
    try {
      await approve('art-four', 'e3')
    } finally {
      await t.client.patch('siteSettings').unset(['fourEyesReview']).commit()
    }
  })

  it('counts an edit made in the same transaction as the approval', async () => {
    await as('editor').create(article('drafts.art-same'))
    const draft = await t.client.getDocument<Doc>('drafts.art-same')
    const edited = {...draft!, summary: 'Rewritten while approving.'}
    const {record, medicalReview} = await approvalOf(edited, 's1')
    const failed = await refusal(
      as(YU)
        .transaction()
        .create(record)
        .patch('drafts.art-same', (patch) => patch.set({summary: edited.summary, medicalReview}))
        .commit(),
    )
    assert.equal(failed.type, 'fourEyesError')
  })

  it('reads the release version being approved: Dr. Yu may not approve a version she edited', async () => {
    await as('editor').create(article('drafts.art-version'))
    await approve('art-version', 'v1')
    await publish('art-version')
    await t.client.releases.create({
      releaseId: 'rFour',
      metadata: {title: 'Four eyes', releaseType: 'asap'},
    })
    const versionId = 'versions.rFour.art-version'
    await as('editor').createVersion({
      releaseId: 'rFour',
      publishedId: 'art-version',
      document: {...article('art-version', 'Written by the editor.'), _id: undefined},
    })
    /** Dr. Yu approves the version as it is now, as her Approve action does. */
    const approveVersion = async (unique: string) => {
      const version = await t.client.getDocument<Doc>(versionId)
      assert.ok(version, `${versionId} exists`)
      const {record, medicalReview} = await approvalOf(version, unique)
      return as(YU)
        .transaction()
        .create(record)
        .patch(versionId, (patch) => patch.set({medicalReview}))
        .commit()
    }
    // The editor wrote the version's text: Dr. Yu may approve it.
    await approveVersion('v2')
    await as(YU)
      .patch(versionId)
      .set({body: article('x', 'Changed by Dr. Yu in the release.').body})
      .commit()
    // The draft is untouched, yet the version she approves carries her change.
    assert.equal(await t.client.getDocument('drafts.art-version'), undefined)
    const failed = await refusal(approveVersion('v3'))
    assert.equal(failed.statusCode, 409)
    assert.equal(failed.type, 'fourEyesError')
    const stored = await t.client.getDocument<Doc>(versionId)
    assert.equal((stored?.medicalReview as MedicalReviewValue).record, 'reviews.art-version.v2')
    assert.equal(await t.client.getDocument('reviews.art-version.v3'), undefined)
  })
})

describe('who sees the records', () => {
  it('answers a tokenless query for records with nothing, while the token sees them', async () => {
    const query = `*[_type == "${REVIEW_RECORD_TYPE}"]._id`
    const mine = await t.client.fetch<string[]>(query)
    assert.ok(mine.includes('reviews.seeded-article.import1'))
    assert.deepEqual(await t.anonymous.fetch(query), [])
    assert.deepEqual(await t.anonymous.fetch('*[_id in path("reviews.**")]'), [])
    assert.equal(await t.anonymous.getDocument('reviews.seeded-article.import1'), undefined)
    // The published text itself stays public.
    assert.equal(await t.anonymous.fetch('count(*[_id == "seeded-article"])'), 1)
  })
})
