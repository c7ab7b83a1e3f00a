// Content Releases on the lake through @sanity/client: a release's life (create, edit, publish,
// archive, unarchive, delete), release perspectives (one release, stacked, what anonymous readers
// never see), listen with includeAllVersions, and scheduled publishing on a test clock, across a
// restart, exactly once.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {MutationEvent, SanityClient} from '@sanity/client'
import {startLake} from '../../lake/server/server'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

const raw = {perspective: 'raw'} as const
async function waitFor(done: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
const status = (code: number) => (error: {statusCode?: number}) => error.statusCode === code
/** This file's FAQs (the sample content has others). */
const MINE = ['faq-a', 'faq-b', 'faq-gone']
const ids = (client: SanityClient, options: Record<string, unknown>) =>
  client.fetch<string[]>(
    '*[_type == "faq" && _id in $mine]._id | order(@ asc)',
    {mine: MINE},
    options,
  )

async function faqRelease(client: SanityClient, releaseId: string, question: string) {
  await client.releases.create({releaseId, metadata: {title: releaseId, releaseType: 'asap'}})
  for (const id of ['faq-a', 'faq-b'])
    await client.createVersion({
      releaseId,
      publishedId: id,
      document: {_type: 'faq', question: `${question} ${id}`},
    })
}

describe('releases', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake(undefined)
    await t.client.create({_id: 'faq-a', _type: 'faq', question: 'Published faq-a'})
    await t.client.create({_id: 'faq-gone', _type: 'faq', question: 'To unpublish'})
  })
  after(async () => {
    await t?.close()
  })

  it('stores a release as a system.release document with metadata and state', async () => {
    await faqRelease(t.client, 'rOne', 'One')
    const release = await t.client.releases.get({releaseId: 'rOne'})
    assert.equal(release?._id, '_.releases.rOne')
    assert.equal(release?._type, 'system.release')
    assert.equal(release?.name, 'rOne')
    assert.equal(release?.state, 'active')
    assert.deepEqual(release?.metadata, {title: 'rOne', releaseType: 'asap'})
    await t.client.releases.edit({
      releaseId: 'rOne',
      patch: {set: {metadata: {title: 'Renamed', releaseType: 'undecided'}}},
    })
    assert.equal((await t.client.releases.get({releaseId: 'rOne'}))?.metadata.title, 'Renamed')
    await assert.rejects(
      t.client.releases.edit({releaseId: 'rOne', patch: {set: {state: 'published'}}}),
      status(400),
    )
    await assert.rejects(t.client.releases.create({releaseId: 'rOne'}), status(409))
    // Versions exist in the raw perspective only; the client's default is published.
    const {result: docs} = await t.client
      .withConfig({perspective: 'raw'})
      .releases.fetchDocuments({releaseId: 'rOne'})
    assert.deepEqual(docs.map((doc) => doc._id).sort(), [
      'versions.rOne.faq-a',
      'versions.rOne.faq-b',
    ])
  })

  it('shows a release through its perspective, and never to published, drafts or anonymous', async () => {
    const inRelease = await t.client.fetch<Array<{_id: string; question: string}>>(
      '*[_type == "faq" && _id in $mine]{_id, question} | order(_id asc)',
      {mine: MINE},
      {perspective: ['rOne']},
    )
    assert.deepEqual(inRelease, [
      {_id: 'faq-a', question: 'One faq-a'},
      {_id: 'faq-b', question: 'One faq-b'},
      {_id: 'faq-gone', question: 'To unpublish'},
    ])
    assert.deepEqual(await ids(t.client, {perspective: 'published'}), ['faq-a', 'faq-gone'])
    assert.deepEqual(await ids(t.client, {perspective: 'drafts'}), ['faq-a', 'faq-gone'])
    for (const perspective of ['raw', ['rOne']])
      assert.deepEqual(await ids(t.anonymous, {perspective}), ['faq-a', 'faq-gone'])
    assert.equal(await t.anonymous.fetch('count(*[_id in path("_.releases.**")])', {}, raw), 0)
    await assert.rejects(t.client.fetch('*', {}, {perspective: ['bad.id']} as never), status(400))
  })

  it('stacks perspectives: the first release listed wins, then the next, then published', async () => {
    await t.client.releases.create({releaseId: 'rTwo', metadata: {releaseType: 'asap'}})
    await t.client.createVersion({
      releaseId: 'rTwo',
      publishedId: 'faq-a',
      document: {_type: 'faq', question: 'Two faq-a'},
    })
    const question = (perspective: string[]) =>
      t.client.fetch<string>('*[_id == "faq-a"][0].question', {}, {perspective})
    assert.equal(await question(['rTwo', 'rOne']), 'Two faq-a')
    assert.equal(await question(['rOne', 'rTwo']), 'One faq-a')
    // Through the query string, as a GET sends it.
    const res = await fetch(
      `${t.lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_id == "faq-b"][0].question')}&perspective=rTwo,rOne`,
      {headers: {authorization: `Bearer ${t.lake.token}`}},
    )
    assert.equal(((await res.json()) as {result: string}).result, 'One faq-b')
    // A change to a version shows in a stack already built.
    await t.client.replaceVersion({
      document: {_id: 'versions.rTwo.faq-a', _type: 'faq', question: 'Two again'},
    })
    assert.equal(await question(['rTwo', 'rOne']), 'Two again')
  })

  it('publishes every version of a release in one transaction, unpublishing as marked', async () => {
    await t.client.unpublishVersion({releaseId: 'rOne', publishedId: 'faq-gone'})
    assert.deepEqual(await ids(t.client, {perspective: ['rOne']}), ['faq-a', 'faq-b'])
    const {transactionId} = await t.client.releases.publish({releaseId: 'rOne'})
    const a = await t.client.getDocument('faq-a')
    const b = await t.client.getDocument('faq-b')
    assert.equal(a?._rev, transactionId)
    assert.equal(b?._rev, transactionId)
    assert.equal(a?.question, 'One faq-a')
    assert.equal(await t.client.getDocument('faq-gone'), undefined)
    assert.equal(await t.client.fetch('count(*[_id in path("versions.rOne.**")])', {}, raw), 0)
    const release = await t.client.releases.get({releaseId: 'rOne'})
    assert.equal(release?.state, 'published')
    assert.ok(release?.publishedAt)
    assert.deepEqual(release?.finalDocumentStates?.map((s) => s.id).sort(), [
      'faq-a',
      'faq-b',
      'faq-gone',
    ])
    await assert.rejects(t.client.releases.publish({releaseId: 'rOne'}), status(409))
  })

  it('archives, unarchives and deletes as the release states allow', async () => {
    await assert.rejects(t.client.releases.delete({releaseId: 'rTwo'}), status(409))
    await t.client.releases.archive({releaseId: 'rTwo'})
    assert.equal((await t.client.releases.get({releaseId: 'rTwo'}))?.state, 'archived')
    assert.equal(await t.client.getDocument('versions.rTwo.faq-a'), undefined)
    await t.client.releases.unarchive({releaseId: 'rTwo'})
    assert.equal((await t.client.getDocument('versions.rTwo.faq-a'))?.question, 'Two again')
    await t.client.releases.archive({releaseId: 'rTwo'})
    await t.client.releases.delete({releaseId: 'rTwo'})
    assert.equal(await t.client.releases.get({releaseId: 'rTwo'}), undefined)
    await t.client.releases.delete({releaseId: 'rOne'})
    await assert.rejects(t.client.releases.archive({releaseId: 'rNone'}), status(404))
  })

  it('turns the Studio’s Releases tool on in the features it reads', async () => {
    // Without it the tool shows Sanity's upsell state (sanity/lib `ReleasesUpsellProvider`).
    const features = await t.client.request<string[]>({url: '/features'})
    assert.ok(features.includes('contentReleases'), `features: ${features.join(', ')}`)
  })

  it('answers the Releases tool’s limit check with the count of active releases', async () => {
    const limits = await t.client
      .withConfig({apiVersion: 'vX'})
      .request<{data: Record<string, number>}>({
        url: '/projects/clinickit/new-content-release-allowed',
      })
    const active = await t.client.fetch<number>(
      'count(*[_type == "system.release" && state == "active"])',
      {},
      raw,
    )
    assert.equal(limits.data.orgMeteredActiveReleaseCount, active)
    assert.ok(limits.data.datasetReleaseLimit! > active)
    await assert.rejects(
      t.anonymous
        .withConfig({apiVersion: 'vX'})
        .request({url: '/projects/clinickit/new-content-release-allowed'}),
      status(401),
    )
  })

  it('lets a listener see versions only with includeAllVersions, and anonymous never', async () => {
    await t.client.releases.create({releaseId: 'rListen'})
    const until = async (done: () => boolean) => {
      const deadline = Date.now() + 10_000
      while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
    }
    const seen = (client: SanityClient, includeAllVersions: boolean) => {
      const events: string[] = []
      const listener = {events, welcomed: false, stop: () => subscription.unsubscribe()}
      const subscription = client
        .listen('*[_type == "faq"]', {}, {includeAllVersions, events: ['welcome', 'mutation']})
        .subscribe((event) => {
          if (event.type === 'welcome') listener.welcomed = true
          if (event.type === 'mutation') events.push(event.documentId)
        })
      return listener
    }
    const listeners = [seen(t.client, true), seen(t.client, false), seen(t.anonymous, true)]
    await until(() => listeners.every((l) => l.welcomed))
    await t.client.createVersion({
      releaseId: 'rListen',
      publishedId: 'faq-l',
      document: {_type: 'faq', question: 'Listen?'},
    })
    // A published change after it: once every listener has that, it has had the version's too.
    await t.client.create({_id: 'faq-marker', _type: 'faq', question: 'Marker'})
    await until(() => listeners.every((l) => l.events.includes('faq-marker')))
    for (const l of listeners) l.stop()
    assert.deepEqual(listeners[0]!.events, ['versions.rListen.faq-l', 'faq-marker'])
    assert.deepEqual(listeners[1]!.events, ['faq-marker'])
    assert.deepEqual(listeners[2]!.events, ['faq-marker'])
  })

  it('chains a document’s listener events by revision, through a discarded draft', async () => {
    // As the Studio's document pair listener asks (sanity/lib `getPairListener`).
    const pair = ['faq-chain', 'drafts.faq-chain']
    const events: MutationEvent[] = []
    let welcomed = false
    const subscription = t.client
      .listen(
        '*[_id in $ids]',
        {ids: pair},
        {
          includeResult: false,
          includeAllVersions: true,
          effectFormat: 'mendoza',
          events: ['welcome', 'mutation'],
        },
      )
      .subscribe((event) => {
        if (event.type === 'welcome') welcomed = true
        if (event.type === 'mutation') events.push(event)
      })
    try {
      await waitFor(() => welcomed, 'the welcome event')
      await t.client.create({_id: 'drafts.faq-chain', _type: 'faq', question: 'Draft?'})
      await t.client.patch('drafts.faq-chain').set({question: 'Edited?'}).commit()
      const discard = await t.client.action({
        actionType: 'sanity.action.document.discard',
        draftId: 'drafts.faq-chain',
      })
      await waitFor(() => events.length === 3, 'three mutation events')
      const [created, edited, discarded] = events
      assert.equal(created!.transition, 'appear')
      assert.equal(created!.previousRev, undefined)
      assert.equal(edited!.previousRev, created!.resultRev)
      assert.equal(discarded!.previousRev, edited!.resultRev)
      assert.equal(discarded!.transition, 'disappear')
      // The deletion too names its transaction as the result revision.
      assert.equal(discarded!.resultRev, discard.transactionId)
      assert.deepEqual(discarded!.mutations, [{delete: {id: 'drafts.faq-chain'}}])
      assert.deepEqual(discarded!.effects?.apply, [0, null])
    } finally {
      subscription.unsubscribe()
    }
  })
})

describe('scheduled releases', () => {
  let clock = Date.parse('2030-01-01T09:00:00.000Z')
  const now = () => new Date(clock)
  const dir = mkdtempSync(join(tmpdir(), 'ck-lake-releases-'))
  after(() => rmSync(dir, {recursive: true, force: true}))

  const open = async () => {
    const lake = await startLake({port: 0, dir, quiet: true, now})
    return {lake, client: lakeClient(lake.url, lake.token)}
  }
  /** Transactions the scheduler committed (the log is the store's). */
  const schedulerCommits = (lake: Awaited<ReturnType<typeof open>>['lake']) =>
    lake.store.transactionsTouching(['faq-a']).filter((tx) => tx.author === 'lake-scheduler').length

  it('publishes at publishAt by the lake clock, once, across a restart', async () => {
    let {lake, client} = await open()
    try {
      await client.create({_id: 'faq-a', _type: 'faq', question: 'Before'})
      await faqRelease(client, 'rLater', 'Later')
      await assert.rejects(
        client
          .createVersion({
            releaseId: 'rLater',
            publishedId: 'faq-c',
            document: {_type: 'faq'},
          })
          .then(async () => {
            await client.releases.schedule({releaseId: 'rLater', publishAt: 'not a date'})
          }),
        status(400),
      )
      const publishAt = new Date(clock + 60 * 60_000).toISOString()
      await client.releases.schedule({releaseId: 'rLater', publishAt})
      const release = await client.releases.get({releaseId: 'rLater'})
      assert.equal(release?.state, 'scheduled')
      assert.equal(release?.publishAt, publishAt)
      // Scheduled: its documents are locked.
      await assert.rejects(
        client.discardVersion({releaseId: 'rLater', publishedId: 'faq-b'}),
        status(409),
      )
      clock += 30 * 60_000
      assert.equal(await lake.scheduler.tick(), 0)
      assert.equal((await client.getDocument('faq-a'))?.question, 'Before')
      await lake.close()

      // Down past the time; on start the overdue release publishes.
      clock += 60 * 60_000
      ;({lake, client} = await open())
      assert.equal((await client.getDocument('faq-a'))?.question, 'Later faq-a')
      assert.equal((await client.getDocument('faq-b'))?.question, 'Later faq-b')
      assert.equal((await client.releases.get({releaseId: 'rLater'}))?.state, 'published')
      assert.equal(await lake.scheduler.tick(), 0)
      assert.equal(schedulerCommits(lake), 1)
      await lake.close()
      ;({lake, client} = await open())
      assert.equal(schedulerCommits(lake), 1)
    } finally {
      await lake.close()
    }
  })

  it('publishes at once a schedule in the past, and unschedules back to active', async () => {
    const {lake, client} = await open()
    try {
      await faqRelease(client, 'rPast', 'Past')
      await client.releases.schedule({
        releaseId: 'rPast',
        publishAt: new Date(clock - 1000).toISOString(),
      })
      assert.equal((await client.releases.get({releaseId: 'rPast'}))?.state, 'published')
      await faqRelease(client, 'rUndo', 'Undo')
      await client.releases.schedule({
        releaseId: 'rUndo',
        publishAt: new Date(clock + 1000).toISOString(),
      })
      await client.releases.unschedule({releaseId: 'rUndo'})
      const release = await client.releases.get({releaseId: 'rUndo'})
      assert.equal(release?.state, 'active')
      assert.equal(release?.publishAt, undefined)
      clock += 5000
      assert.equal(await lake.scheduler.tick(), 0)
      assert.equal((await client.getDocument('faq-a'))?.question, 'Past faq-a')
    } finally {
      await lake.close()
    }
  })
})
