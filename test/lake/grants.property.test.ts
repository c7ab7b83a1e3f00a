// Property-based: random mutations (ids under `_.`, `versions.`, `drafts.`, `reviews.`, asset-like
// and published ids; content, asset, system, record and clinician types; release states, unpublish
// marks and clinician links) sent to a real lake with each role's real token. Whatever is
// accepted or refused, nothing outside the role's grants changes (lake/access/roles.ts), a published
// text that claims a review is backed by its approval, and the release scheduler, ticked past
// every date in the runs, publishes nothing, since nobody scheduled anything with the schedule
// action. Seeded: set CK_PROPERTY_SEED to replay a failure.
import assert from 'node:assert/strict'
import {after, before, it} from 'node:test'
import type {SanityClient} from '@sanity/client'
import fc from 'fast-check'
import {publishedIdOf} from '../../model/sanity/ids'
import {fingerprintOfSync} from '../../model/review/fingerprint'
import {SAMPLE_USERS} from '../../content/sample-users'
import {reviewState, type MedicalReviewValue, type ReviewRecord} from '../../model/review/state'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

const SEED = Number(process.env.CK_PROPERTY_SEED ?? 20261207)
const RUNS = Number(process.env.CK_PROPERTY_RUNS ?? 150)

const FAQ = 'faq-what-helps-minor-headaches'
const RECORD = `reviews.${FAQ}.sample-approval`
const YU = 'clinician-sloane-yu'
const ROLES = {editor: 'editor', contributor: 'contributor', reviewer: YU, viewer: 'viewer'}
type Role = keyof typeof ROLES

let clock = Date.parse('2030-01-01T09:00:00.000Z')
let t: TestLake
const clients = new Map<Role, SanityClient>()

before(async () => {
  t = await startTestLake(undefined, {now: () => new Date(clock)})
  const people = [
    ...SAMPLE_USERS,
    {id: 'contributor', name: 'C', email: 'c@example.test', role: 'contributor'},
    {id: 'viewer', name: 'V', email: 'v@example.test', role: 'viewer'},
  ]
  for (const person of people) {
    const {token} = await t.client.request<{token: string}>({
      url: '/lake/users',
      method: 'POST',
      body: person,
    })
    for (const [role, id] of Object.entries(ROLES))
      if (id === person.id) clients.set(role as Role, lakeClient(t.lake.url, token))
  }
  // An active release with a version in it, as an editor makes one.
  await t.client.releases.create({releaseId: 'rprop', metadata: {title: 'Property'}})
  await t.client.createVersion({
    releaseId: 'rprop',
    publishedId: FAQ,
    document: {_type: 'faq', question: 'What helps?', answer: 'Rest.'},
  })
})
after(() => t?.close())

const IDS = [
  '_.releases.evil',
  '_.releases.rprop',
  '_.anything.else',
  `versions.evil.${FAQ}`,
  `versions.rprop.${FAQ}`,
  `versions.rprop.${RECORD}`,
  `versions.evil._.releases.rprop`,
  `drafts.${FAQ}`,
  `drafts.${RECORD}`,
  'drafts.new-faq',
  FAQ,
  'new-faq',
  RECORD,
  'reviews.new-faq.made-up',
  'image-0123456789abcdef0123456789abcdef01234567-1x1-png',
  'file-0123456789abcdef0123456789abcdef01234567-txt',
  'sanity.imageAsset-like',
  YU,
  'clinician-new',
]
const TYPES = [
  'faq',
  'sanity.imageAsset',
  'sanity.fileAsset',
  'system.release',
  'reviewRecord',
  'clinician',
]
const PAST = '2029-12-31T00:00:00.000Z'

interface Fields {
  state?: 'scheduled' | 'active'
  publishAt?: string
  _system?: {delete: true}
  linkedUser?: string
  canReview?: boolean
  answer?: string
}
type Op =
  | {
      kind: 'create' | 'createOrReplace' | 'createIfNotExists'
      id: string
      type: string
      fields: Fields
    }
  | {kind: 'delete'; id: string}
  | {kind: 'patch'; id: string; fields: Fields}

const fieldsArb = (role: Role): fc.Arbitrary<Fields> =>
  fc.record(
    {
      state: fc.constantFrom('scheduled' as const, 'active' as const),
      publishAt: fc.constant(PAST),
      _system: fc.constant({delete: true as const}),
      linkedUser: fc.constant(ROLES[role]),
      canReview: fc.constant(true),
      answer: fc.string({maxLength: 8}),
    },
    {requiredKeys: []},
  )

const opArb = (role: Role): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({
      kind: fc.constantFrom(
        'create' as const,
        'createOrReplace' as const,
        'createIfNotExists' as const,
      ),
      id: fc.constantFrom(...IDS),
      type: fc.constantFrom(...TYPES),
      fields: fieldsArb(role),
    }),
    fc.record({kind: fc.constant('delete' as const), id: fc.constantFrom(...IDS)}),
    fc.record({
      kind: fc.constant('patch' as const),
      id: fc.constantFrom(...IDS),
      fields: fieldsArb(role),
    }),
  )

const runArb = fc
  .constantFrom(...(Object.keys(ROLES) as Role[]))
  .chain((role) =>
    fc.record({role: fc.constant(role), ops: fc.array(opArb(role), {minLength: 1, maxLength: 3})}),
  )

function mutation(op: Op): Record<string, unknown> {
  if (op.kind === 'delete') return {delete: {id: op.id}}
  if (op.kind === 'patch') return {patch: {id: op.id, set: {answer: 'x', ...op.fields}}}
  return {[op.kind]: {_id: op.id, _type: op.type, ...op.fields}}
}

type Doc = Record<string, unknown> & {_id: string; _type: string; _rev: string}

async function snapshot(): Promise<Map<string, Doc>> {
  const docs = await t.client.fetch<Doc[]>('*', {}, {perspective: 'raw'})
  return new Map(docs.map((doc) => [doc._id, doc]))
}

const link = (doc: Doc | undefined) =>
  doc?._type === 'clinician' && typeof doc.linkedUser === 'string' ? doc.linkedUser : null
const isOfContent = (id: string) => !/^(_\.|reviews\.)/.test(publishedIdOf(id))

/**
 * What the role's grants (and the rules beside them) let a mutation change, decided from the
 * documents alone, apart from the lake's code: the oracle of this test.
 */
function mayChange(role: Role, id: string, before: Doc | undefined, after: Doc | undefined) {
  if (role === 'viewer' || id.startsWith('_.')) return false
  if (!isOfContent(id)) {
    // Records: created only by the reviewer they name (these runs never form a valid one).
    return false
  }
  const published = !id.startsWith('drafts.') && !id.startsWith('versions.')
  if (role === 'editor') return !(published && link(before) !== link(after))
  if (id.startsWith('drafts.')) return true
  // Versions are the reviewer's too, of a release that is not locked ("rprop" stays active).
  return role === 'reviewer' && id.startsWith('versions.')
}

it('random mutations under every role change only what its grants allow, and publish nothing unapproved', async () => {
  await fc.assert(
    fc.asyncProperty(runArb, async ({role, ops}) => {
      const before = await snapshot()
      const accepted = await clients
        .get(role)!
        .mutate(ops.map(mutation) as never)
        .then(
          () => true,
          (error: {statusCode?: number}) => {
            assert.ok(
              [400, 403, 409].includes(error.statusCode ?? 0),
              `a refusal is a 400, 403 or 409, not ${String(error.statusCode)}`,
            )
            return false
          },
        )
      const afterWrite = await snapshot()
      for (const id of new Set([...before.keys(), ...afterWrite.keys()])) {
        const was = before.get(id)
        const is = afterWrite.get(id)
        if (was?._rev === is?._rev) continue
        assert.ok(accepted, `${id} changed, yet the write was refused`)
        assert.ok(mayChange(role, id, was, is), `${role} changed ${id}, outside its grants`)
        // A published text claiming a review is backed by a current approval.
        const review = is?.medicalReview as MedicalReviewValue | undefined
        if (is && review && publishedIdOf(id) === id && ['faq', 'article'].includes(is._type)) {
          const record = afterWrite.get(String(review.record)) as unknown as ReviewRecord
          const state = reviewState(is, fingerprintOfSync(is), record ?? null)
          assert.ok(
            ['approved', 'notReviewed'].includes(state.state),
            `${id} went live as ${state.state}`,
          )
        }
      }
      // The scheduler, a day later, finds nothing a permitted person scheduled.
      clock += 24 * 3600_000
      assert.equal(await t.lake.scheduler.tick(), 0)
      const afterTick = await snapshot()
      for (const [id, doc] of afterWrite)
        if (!id.startsWith('_.'))
          assert.equal(afterTick.get(id)?._rev, doc._rev, `the scheduler changed ${id}`)
    }),
    {numRuns: RUNS, seed: SEED, endOnFailure: true},
  )
})
