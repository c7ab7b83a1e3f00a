// The review guard (functions/review-guard) and the Blueprint that declares it
// (sanity.blueprint.ts): the Blueprint passes the checks `sanity blueprints deploy` runs, the
// decision follows the review model, and the real handler repairs a real lake run as hosted
// Sanity behaves (no commit check plugin).
import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import blueprintParserValidator from '@sanity/blueprints-parser'
import {validateCorsOrigin, validateDocumentFunction, validateRobotToken} from '@sanity/blueprints'
import type {FunctionContext, ResourcesApi} from '@sanity/functions'
import blueprint, {
  REVIEW_GUARD_FILTER,
  REVIEW_GUARD_PROJECTION,
  clinicResources,
} from '../sanity.blueprint'
import {handler} from '../functions/review-guard/index'
import {
  assess,
  changedMedicalFields,
  decide,
  restorePatch,
  type GuardedDocument,
} from '../functions/review-guard/decide'
import {approve} from '../content/approvals'
import {sampleApprover} from '../content/source'
import {contentConfigFromEnv} from '../config/client'
import {REVIEW_GUARD_EVENT_TYPE, type ReviewGuardEvent} from '../model/review/guard-record'
import {lakeClient, startTestLake, type TestLake} from './helpers/lake'
import {writeApproved} from './helpers/approval'

type Raw = Record<string, unknown>

/**
 * What `sanity blueprints deploy` checks before it deploys (@sanity/runtime-cli
 * parseBlueprintContent): the parser, with references to functions refused, then each resource's
 * validator. The messages of every problem found.
 */
function blueprintProblems(raw: unknown): string[] {
  const parsed = blueprintParserValidator(raw as object, {
    invalidReferenceTypes: [
      'sanity.function.document',
      'sanity.function.media-library.asset',
      'sanity.function.cron',
      'sanity.function.durable',
    ],
  })
  if (parsed.result !== 'valid') return parsed.errors.map((error) => error.message)
  const validators: Record<string, (resource: unknown) => {message: string}[]> = {
    'sanity.function.document': validateDocumentFunction,
    'sanity.project.cors': validateCorsOrigin,
    'sanity.access.robot': validateRobotToken,
  }
  return (parsed.blueprint.resources ?? []).flatMap((resource) => {
    const validate = validators[resource.type]
    if (!validate) return [`No validator for ${resource.type}`]
    return validate(resource).map((error) => error.message)
  })
}

const copy = <T>(value: T): T => structuredClone(value)

describe('sanity.blueprint.ts', () => {
  it('passes the checks a deploy runs, with the clinic’s origins from the environment', () => {
    assert.deepEqual(blueprintProblems(blueprint()), [])
    const resources = clinicResources({
      CLINIC_SITE_ORIGINS: 'https://www.example-clinic.org, https://patients.example-clinic.org',
      CLINIC_STUDIO_ORIGINS: 'https://studio.example-clinic.org',
    })
    assert.deepEqual(blueprintProblems({...blueprint(), resources}), [])
    const cors = (resources as unknown as Raw[]).filter((r) => r.type === 'sanity.project.cors')
    assert.deepEqual(
      cors.map((resource) => [resource.origin, resource.allowCredentials]),
      [
        ['https://www.example-clinic.org', false],
        ['https://patients.example-clinic.org', false],
        ['https://studio.example-clinic.org', true],
      ],
    )
    assert.throws(
      () => clinicResources({CLINIC_SITE_ORIGINS: 'www.example-clinic.org/path'}),
      /is not a CORS origin: give protocol:\/\/host\[:port\]/,
    )
  })

  it('refuses a broken copy', () => {
    const raw = blueprint() as unknown as {resources: Raw[]}
    const guardIndex = raw.resources.findIndex((r) => r.type === 'sanity.function.document')
    const badTimeout = copy(raw)
    badTimeout.resources[guardIndex]!.timeout = '30 seconds'
    assert.deepEqual(blueprintProblems(badTimeout), ['`timeout` must be a number'])
    const unnamed = copy(raw)
    delete unnamed.resources[guardIndex]!.name
    assert.notDeepEqual(blueprintProblems(unnamed), [])
    // A function's values are not references a deploy can resolve.
    const selfReference = copy(raw)
    selfReference.resources[guardIndex]!.robotToken = '$.resources.review-guard.name'
    assert.notDeepEqual(blueprintProblems(selfReference), [])
    const twice = copy(raw)
    twice.resources.push(copy(raw.resources[guardIndex]!))
    assert.notDeepEqual(blueprintProblems(twice), [])
  })

  it('points the guard at its handler, for published articles and FAQs only', async () => {
    const resources = (blueprint().resources ?? []) as unknown as Raw[]
    const guard = resources.find((r) => r.name === 'review-guard') as Raw & {
      src: string
      event: Raw
    }
    assert.ok(existsSync(join(guard.src, 'index.ts')))
    const module = (await import(`../${guard.src}/index.ts`)) as {handler?: unknown}
    assert.equal(typeof module.handler, 'function')
    assert.deepEqual(guard.event.on, ['create', 'update'])
    assert.equal(guard.event.includeDrafts, false)
    assert.equal(guard.event.filter, REVIEW_GUARD_FILTER)
    assert.equal(guard.robotToken, '$.resources.review-guard-robot.token')
  })
})

const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: []}],
})

const FAQ = {
  _id: 'faq-guarded',
  _type: 'faq',
  question: 'How long does a root canal take?',
  answer: [block('a1', 'Most root canals take one or two visits of about an hour.')],
  category: 'treatments',
}
const CHANGED_ANSWER = [block('a1', 'A root canal always takes five minutes and never hurts.')]

describe('the guard’s decision', () => {
  const {document, record} = approve(FAQ, sampleApprover)
  const approved: GuardedDocument = {...document, _rev: 'rev-approved'}
  const base = {record, author: 'editor-1', guardUser: 'robot-guard'}
  const history = [{revision: 'rev-approved', doc: approved, record}]

  it('leaves an approved text alone', () => {
    assert.equal(decide({...base, doc: {...approved, _rev: 'rev-2'}, history}).action, 'none')
  })

  it('puts the approved revision back when the medical text changed', () => {
    const changed = {...approved, _rev: 'rev-2', answer: CHANGED_ANSWER}
    const plan = decide({...base, doc: changed, history})
    assert.equal(plan.action, 'restore')
    assert.ok(plan.action === 'restore')
    assert.equal(plan.revision.revision, 'rev-approved')
    assert.deepEqual(plan.changedFields, ['answer'])
    assert.match(plan.reason, /^Changed after Dr\. Sloane Yu approved it on 2 Nov 2026/)
  })

  it('unpublishes when no earlier revision was approved', () => {
    const changed = {...approved, _rev: 'rev-2', answer: CHANGED_ANSWER}
    assert.equal(decide({...base, doc: changed, history: []}).action, 'unpublish')
    // An earlier revision that was itself changed after its approval does not count.
    const alsoChanged = {revision: 'rev-1', doc: {...changed, _rev: 'rev-1'}, record}
    assert.equal(decide({...base, doc: changed, history: [alsoChanged]}).action, 'unpublish')
  })

  it('repairs a review no approval record backs', () => {
    const typedIn = {...approved, _rev: 'rev-2'}
    assert.equal(assess({...base, doc: typedIn, record: null}).verdict, 'repair')
    const forged = {...record, _id: 'not-in-the-trail'}
    assert.equal(assess({...base, doc: typedIn, record: forged}).verdict, 'repair')
  })

  it('leaves a change outside the medical text alone', () => {
    const seo = {...approved, _rev: 'rev-2', category: 'appointments', seo: {title: 'Root canal'}}
    assert.equal(decide({...base, doc: seo, history}).action, 'none')
    assert.deepEqual(changedMedicalFields(approved, seo), [])
  })

  it('leaves the guard’s own write alone', () => {
    const changed = {...approved, _rev: 'rev-3', answer: CHANGED_ANSWER}
    const own = {...base, author: 'robot-guard', doc: changed, history}
    assert.deepEqual(decide(own), {action: 'none', reason: 'The guard’s own write.'})
  })

  it('leaves texts that claim no review, drafts and other types alone', () => {
    const unreviewed = {...FAQ, _rev: 'rev-2'}
    assert.equal(assess({...base, doc: unreviewed, record: null}).verdict, 'leave')
    const draft = {...approved, _id: 'drafts.faq-guarded', answer: CHANGED_ANSWER}
    assert.equal(assess({...base, doc: draft}).verdict, 'leave')
    const other = {...approved, _type: 'treatment', answer: CHANGED_ANSWER}
    assert.equal(assess({...base, doc: other}).verdict, 'leave')
  })

  it('restores with a patch that sets the approved fields and unsets the rest', () => {
    const current = {_id: 'x', _type: 'faq', _rev: 'r2', answer: 1, extra: true}
    const old = {_id: 'x', _type: 'faq', _rev: 'r1', _updatedAt: 't', answer: 0, question: 'q'}
    assert.deepEqual(restorePatch(current, old), {
      set: {answer: 0, question: 'q'},
      unset: ['extra'],
    })
  })
})

/** An empty ResourcesApi: the guard looks up no Blueprint resource. */
function noResources(): ResourcesApi {
  const none = () => undefined
  return Object.assign(none, {
    all: () => [],
    [Symbol.iterator]: () => [][Symbol.iterator](),
    cors: none,
    dataset: none,
    function: none,
    project: none,
    role: none,
    webhook: none,
  }) as ResourcesApi
}

/**
 * The context Sanity passes a document function (@sanity/functions FunctionContext), pointed at
 * the lake: its URL as the API host, the dataset, and the robot token the Blueprint declares.
 */
function functionContext(lakeUrl: string, token: string): FunctionContext {
  const {projectId, dataset} = contentConfigFromEnv({})
  return {
    clientOptions: {apiHost: lakeUrl, projectId, dataset, token},
    eventResourceType: 'dataset',
    eventResourceId: `${projectId}.${dataset}`,
    functionResourceType: 'project',
    functionResourceId: projectId,
    resources: noResources(),
  }
}

describe('the guard on a lake run as hosted Sanity behaves (no commit check)', () => {
  let t: TestLake
  let editorToken: string
  let editorId: string
  let robotToken: string
  let robotId: string
  const work = mkdtempSync(join(tmpdir(), 'ck-guard-'))
  const emptySeed = join(work, 'empty.ndjson')
  writeFileSync(emptySeed, '')

  /** What Sanity delivers for the published document now: the Blueprint's projection of it. */
  const eventFor = async (id: string) => ({
    data: await t.client.fetch<GuardedDocument>(`*[_id == $id][0]${REVIEW_GUARD_PROJECTION}`, {
      id,
    }),
  })
  const run = async (id: string) =>
    handler({context: functionContext(t.lake.url, robotToken), event: await eventFor(id)})
  const guardEvents = (id: string) =>
    t.client.fetch<ReviewGuardEvent[]>(`*[_type == $type && documentId == $id] | order(at asc)`, {
      type: REVIEW_GUARD_EVENT_TYPE,
      id,
    })

  before(async () => {
    t = await startTestLake(emptySeed, {plugins: []})
    await t.client.create({
      _id: sampleApprover.clinicianId,
      _type: 'clinician',
      name: sampleApprover.name,
    })
    const editor = t.lake.users.add({
      name: 'Content editor',
      email: 'e@example.org',
      role: 'editor',
    })
    const robot = t.lake.users.add({name: 'Review guard', email: 'g@example.org', role: 'editor'})
    ;({token: editorToken} = editor)
    editorId = editor.user.id
    ;({token: robotToken} = robot)
    robotId = robot.user.id
  })
  after(() => t.close())

  it('puts the approved answer back after an editor’s token changed it, and records it', async () => {
    await writeApproved(t.client, FAQ)
    const editor = lakeClient(t.lake.url, editorToken)
    await editor.patch(FAQ._id).set({answer: CHANGED_ANSWER}).commit()
    const changed = await t.anonymous.getDocument(FAQ._id)
    assert.deepEqual(changed?.answer, CHANGED_ANSWER, 'the plain lake takes the write')

    await run(FAQ._id)

    const shown = await t.anonymous.fetch<{answer: unknown} | null>(`*[_id == $id][0]{answer}`, {
      id: FAQ._id,
    })
    assert.deepEqual(shown?.answer, FAQ.answer)
    const [event, ...more] = await guardEvents(FAQ._id)
    assert.equal(more.length, 0)
    assert.equal(event?.action, 'restored')
    assert.equal(event?.changedBy, editorId)
    assert.equal(event?.guardUser, robotId)
    assert.deepEqual(event?.changedFields, ['answer'])
    assert.match(event?.changedText ?? '', /five minutes/)
    assert.match(event?.approvalRecord ?? '', /^reviews\.faq-guarded\./)
    assert.ok(event?.restoredRevision && event.changedRevision)
    assert.equal(
      await t.anonymous.fetch(`count(*[_type == $type])`, {type: REVIEW_GUARD_EVENT_TYPE}),
      0,
      'readers never see the guard’s records',
    )

    // The guard's own write triggers it again (as on Sanity): it leaves it alone.
    await run(FAQ._id)
    assert.equal((await guardEvents(FAQ._id)).length, 1)
  })

  it('leaves a change outside the medical text alone', async () => {
    const editor = lakeClient(t.lake.url, editorToken)
    await editor.patch(FAQ._id).set({category: 'appointments'}).commit()
    const before = await t.client.getDocument(FAQ._id)
    await run(FAQ._id)
    const afterRun = await t.client.getDocument(FAQ._id)
    assert.equal(afterRun?._rev, before?._rev)
    assert.equal(afterRun?.category, 'appointments')
    assert.equal((await guardEvents(FAQ._id)).length, 1)
  })

  it('unpublishes a text no approval ever backed and keeps it as a draft', async () => {
    const editor = lakeClient(t.lake.url, editorToken)
    const {document} = approve({...FAQ, _id: 'faq-typed-in'}, sampleApprover)
    // A review typed in by hand: it names a record that does not exist.
    await editor.create({...document, answer: CHANGED_ANSWER})
    await run('faq-typed-in')

    assert.equal(await t.anonymous.getDocument('faq-typed-in'), undefined)
    const draft = await t.client.getDocument('drafts.faq-typed-in')
    assert.deepEqual(draft?.answer, CHANGED_ANSWER)
    const [event] = await guardEvents('faq-typed-in')
    assert.equal(event?.action, 'unpublished')
    assert.equal(event?.draftId, 'drafts.faq-typed-in')
    assert.match(event?.reason ?? '', /not approved by a clinician/)
  })
})
