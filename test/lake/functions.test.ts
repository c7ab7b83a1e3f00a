// The lake runs a Blueprint's document functions (lake/functions/) as hosted Sanity does, on a
// real lake with the test functions in test/fixtures/functions: events, delta filters,
// projections, drafts, release versions, robot tokens and their grants, recursion through the
// lineage header, failures and timeouts that leave the commit alone, the invocation log and its
// command, and the Blueprint's CORS origins.
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {
  defineBlueprint,
  defineCorsOrigin,
  defineDocumentFunction,
  defineRobotToken,
} from '@sanity/blueprints'
import {readBlueprint} from '../../lake/functions/blueprint'
import {MAX_CHAIN} from '../../lake/functions/lineage'
import {readInvocations, type InvocationEntry} from '../../lake/functions/log'
import {startTestLake, type TestLake} from '../helpers/lake'

const ROOT = join(import.meta.dirname, '..', '..')
const FIXTURES = join(ROOT, 'test', 'fixtures', 'functions')
const work = mkdtempSync(join(tmpdir(), 'ck-functions-'))
const emptySeed = join(work, 'empty.ndjson')
writeFileSync(emptySeed, '')
after(() => rmSync(work, {recursive: true, force: true}))

const echo = (name: string, event: Parameters<typeof defineDocumentFunction>[0]['event']) =>
  defineDocumentFunction({name, src: 'echo', event})

const blueprint = defineBlueprint({
  resources: [
    echo('on-create', {on: ['create'], filter: "_type == 'ev'"}),
    echo('on-update', {on: ['update'], filter: "_type == 'ev'"}),
    echo('on-delete', {on: ['delete'], filter: "_type == 'ev'"}),
    echo('title-changed', {on: ['update'], filter: "_type == 'delta' && delta::changedAny(title)"}),
    echo('projected', {
      on: ['create', 'update'],
      filter: "_type == 'proj'",
      projection: '{_id, "heading": upper(title), "was": before().title}',
    }),
    echo('published-only', {on: ['create', 'update'], filter: "_type == 'draftable'"}),
    echo('with-drafts', {
      on: ['create', 'update'],
      filter: "_type == 'draftable'",
      includeDrafts: true,
    }),
    echo('without-versions', {on: ['create', 'update'], filter: "_type == 'versioned'"}),
    echo('with-versions', {
      on: ['create', 'update'],
      filter: "_type == 'versioned'",
      includeAllVersions: true,
    }),
    defineRobotToken({name: 'writer-robot', memberships: [{roleNames: ['editor']}]}),
    defineRobotToken({name: 'reader-robot', memberships: [{roleNames: ['viewer']}]}),
    defineDocumentFunction({
      name: 'writer',
      src: 'write',
      robotToken: '$.resources.writer-robot.token',
      event: {on: ['create', 'update'], filter: "_type == 'counter'"},
    }),
    defineDocumentFunction({
      name: 'reader',
      src: 'write',
      robotToken: '$.resources.reader-robot.token',
      event: {on: ['create'], filter: "_type == 'readonly'"},
    }),
    defineDocumentFunction({
      name: 'throws',
      src: 'throws',
      event: {on: ['create'], filter: "_type == 'boom'"},
    }),
    defineDocumentFunction({
      name: 'slow',
      src: 'slow',
      timeout: 1,
      event: {on: ['create'], filter: "_type == 'slow'"},
    }),
    defineCorsOrigin({name: 'site', origin: 'https://site.example', allowCredentials: false}),
    defineCorsOrigin({name: 'studio', origin: 'https://studio.example', allowCredentials: true}),
  ],
})

describe('lake: a Blueprint’s document functions', () => {
  let t: TestLake
  const log = (name: string): InvocationEntry[] => readInvocations(t.dir, name)
  const printed = (entry: InvocationEntry) =>
    JSON.parse(entry.logs[0]!) as {
      data: Record<string, unknown>
      clientOptions: Record<string, unknown>
    }
  const settled = () => t.lake.functions!.idle()

  before(async () => {
    t = await startTestLake(emptySeed, {plugins: [], blueprint: {blueprint, root: FIXTURES}})
  })
  after(() => t.close())

  it('create, update and delete each run only the functions on that event', async () => {
    await t.client.create({_id: 'ev1', _type: 'ev', title: 'a'})
    await t.client.patch('ev1').set({title: 'b'}).commit()
    await t.client.delete('ev1')
    await settled()
    assert.deepEqual(
      log('on-create').map((e) => [e.event, e.documentId, e.outcome]),
      [['create', 'ev1', 'ok']],
    )
    assert.deepEqual(
      log('on-update').map((e) => e.event),
      ['update'],
    )
    assert.deepEqual(
      log('on-delete').map((e) => e.event),
      ['delete'],
    )
    // A deletion's data is the document as it was.
    assert.equal(printed(log('on-delete')[0]!).data.title, 'b')
  })

  it('context.clientOptions point at the lake with a token; event.data is the document', async () => {
    const [entry] = log('on-create')
    const {data, clientOptions} = printed(entry!)
    assert.equal(data._id, 'ev1')
    assert.equal(data.title, 'a')
    assert.equal(clientOptions.apiHost, `http://localhost:${new URL(t.lake.url).port}`)
    assert.equal(clientOptions.projectId, 'clinickit')
    assert.equal(clientOptions.dataset, 'production')
    assert.equal(clientOptions.token, 'set')
  })

  it('a delta::changedAny filter runs only when that field changed', async () => {
    await t.client.create({_id: 'd1', _type: 'delta', title: 'a', body: 'x'})
    await t.client.patch('d1').set({body: 'y'}).commit()
    await settled()
    assert.equal(log('title-changed').length, 0, 'a change of body alone ran it')
    await t.client.patch('d1').set({title: 'b'}).commit()
    await settled()
    assert.equal(log('title-changed').length, 1)
  })

  it('the projection shapes event.data, with before() for the previous revision', async () => {
    await t.client.create({_id: 'p1', _type: 'proj', title: 'first', body: 'not projected'})
    await t.client.patch('p1').set({title: 'second'}).commit()
    await settled()
    assert.deepEqual(
      // Functions run concurrently, as hosted: the log is in the order they ended.
      log('projected')
        .map((e) => printed(e).data)
        .sort((a, b) => String(a.heading).localeCompare(String(b.heading))),
      [
        {_id: 'p1', heading: 'FIRST', was: null},
        {_id: 'p1', heading: 'SECOND', was: 'first'},
      ],
    )
  })

  it('drafts run only the functions with includeDrafts', async () => {
    await t.client.create({_id: 'drafts.dr1', _type: 'draftable', title: 'draft'})
    await settled()
    assert.equal(log('published-only').length, 0)
    assert.deepEqual(
      log('with-drafts').map((e) => e.documentId),
      ['drafts.dr1'],
    )
    await t.client.create({_id: 'dr1', _type: 'draftable', title: 'published'})
    await settled()
    assert.deepEqual(
      log('published-only').map((e) => e.documentId),
      ['dr1'],
    )
    assert.equal(log('with-drafts').length, 2)
  })

  it('release versions run only the functions with includeAllVersions', async () => {
    // As the Studio does: a release, then a version of a document in it through the actions API.
    await t.client.releases.create({releaseId: 'rSummer', metadata: {title: 'Summer'}})
    await t.client.createVersion({
      releaseId: 'rSummer',
      publishedId: 'vr1',
      document: {_type: 'versioned', title: 'in summer'},
    })
    await settled()
    await t.client.replaceVersion({
      document: {_id: 'versions.rSummer.vr1', _type: 'versioned', title: 'summer, revised'},
    })
    await settled()
    assert.equal(log('without-versions').length, 0, 'a release version ran it')
    const runs = log('with-versions')
    assert.deepEqual(
      runs.map((e) => [e.event, e.documentId, e.outcome]),
      [
        ['create', 'versions.rSummer.vr1', 'ok'],
        ['update', 'versions.rSummer.vr1', 'ok'],
      ],
    )
    assert.deepEqual(
      runs.map((e) => {
        const {_id, _type, title} = printed(e).data
        return {_id, _type, title}
      }),
      [
        {_id: 'versions.rSummer.vr1', _type: 'versioned', title: 'in summer'},
        {_id: 'versions.rSummer.vr1', _type: 'versioned', title: 'summer, revised'},
      ],
    )
    // The published document runs both.
    await t.client.create({_id: 'vr1', _type: 'versioned', title: 'published'})
    await settled()
    assert.deepEqual(
      log('without-versions').map((e) => e.documentId),
      ['vr1'],
    )
    assert.equal(log('with-versions').at(-1)?.documentId, 'vr1')
  })

  it('the robot token writes with its role; a function writing what it listens to stops after the chain limit', async () => {
    await t.client.create({_id: 'c1', _type: 'counter'})
    await settled()
    const runs = log('writer')
    assert.equal(runs.filter((e) => e.outcome === 'ok').length, MAX_CHAIN)
    assert.equal(runs.filter((e) => e.outcome === 'recursion-limit').length, 1)
    assert.equal((await t.client.getDocument('c1'))?.touched, MAX_CHAIN)
    // Every run of the chain shares one lineage, one step longer each time.
    const chains = new Set(runs.map((e) => e.lineage!.split(':')[0]))
    assert.equal(chains.size, 1)
    // The writes were the robot's, not the lake token's.
    const history = await fetch(
      `${t.lake.url}/v2025-02-19/data/history/production/transactions/c1?excludeContent=true`,
      {
        headers: {authorization: `Bearer ${t.lake.token}`},
      },
    ).then((r) => r.text())
    assert.match(history, /robot-writer-robot/)
  })

  it('a robot token whose role may not write is refused, and that is logged', async () => {
    await t.client.create({_id: 'r1', _type: 'readonly'})
    await settled()
    const [run] = log('reader')
    assert.equal(run?.outcome, 'error')
    assert.match(run!.error!, /permission/i)
    assert.equal((await t.client.getDocument('r1'))?.touched, undefined)
  })

  it('a handler that throws or times out is logged; the commit stands and the lake keeps going', async () => {
    const boom = await t.client.create({_id: 'b1', _type: 'boom'})
    assert.equal(boom._id, 'b1')
    const slow = await t.client.create({_id: 's1', _type: 'slow'})
    assert.equal(slow._id, 's1')
    await settled()
    const [thrown] = log('throws')
    assert.equal(thrown?.outcome, 'error')
    assert.match(thrown!.error!, /boom/)
    assert.deepEqual(thrown!.logs, ['about to fail'])
    const [timedOut] = log('slow')
    assert.equal(timedOut?.outcome, 'timeout')
    assert.ok(timedOut!.durationMs >= 1000, `stopped after ${timedOut!.durationMs} ms`)
    assert.ok(await t.client.getDocument('b1'))
    assert.ok(await t.client.getDocument('s1'))
    await t.client.create({_id: 'ev2', _type: 'ev'})
    await settled()
    assert.equal(log('on-create').at(-1)?.documentId, 'ev2')
  })

  it('npm run lake -- functions logs prints the invocations, by function with --name', () => {
    const run = (...args: string[]) =>
      execFileSync(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        [join(ROOT, 'scripts', 'lake.ts'), 'serve', 'functions', 'logs', '--dir', t.dir, ...args],
        {cwd: ROOT, encoding: 'utf8'},
      )
    const all = run()
    assert.match(all, /on-create {2}create production\/ev1 {2}\d+ ms {2}ok/)
    assert.match(all, /writer .* recursion-limit/)
    const throws = run('--name', 'throws')
    assert.match(
      throws,
      /throws {2}create production\/b1 {2}\d+ ms {2}error\n {4}about to fail\n {4}Error: boom/,
    )
    assert.doesNotMatch(throws, /on-create/)
  })

  it('the Blueprint’s CORS origins: with credentials they write, without they read', async () => {
    const get = (origin: string) =>
      fetch(`${t.lake.url}/v2025-02-19/data/query/production?query=count(*)`, {headers: {origin}})
    const site = await get('https://site.example')
    assert.equal(site.headers.get('access-control-allow-origin'), 'https://site.example')
    assert.equal(site.headers.get('access-control-allow-credentials'), null)
    const studio = await get('https://studio.example')
    assert.equal(studio.headers.get('access-control-allow-credentials'), 'true')
    const other = await get('https://other.example')
    assert.equal(other.headers.get('access-control-allow-origin'), null)
  })
})

describe('lake: reading a Blueprint', () => {
  it('refuses what the lake cannot run as declared, with the resource named', () => {
    const read = (resources: unknown[]) =>
      readBlueprint({blueprint: {resources} as never, root: FIXTURES})
    assert.throws(
      () =>
        read([
          {type: 'sanity.function.document', name: 'x', src: 'missing', event: {on: ['create']}},
        ]),
      /Function "x": no handler at .*missing/,
    )
    assert.throws(
      () =>
        read([
          {type: 'sanity.function.document', name: 'x', src: 'echo', event: {filter: '_type =='}},
        ]),
      /Function "x": the filter is not valid GROQ/,
    )
    assert.throws(
      () =>
        read([
          {
            type: 'sanity.function.document',
            name: 'x',
            src: 'echo',
            robotToken: '$.resources.nope.token',
            event: {},
          },
        ]),
      /robotToken "\$\.resources\.nope\.token" names no robot token/,
    )
    assert.deepEqual(read([{type: 'sanity.project.webhook', name: 'hook'}]).unsupported, [
      'sanity.project.webhook hook',
    ])
  })
})
