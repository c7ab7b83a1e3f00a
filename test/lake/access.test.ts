// What a reader without the token sees: listen events, documents by id, export, queries and
// history hold nothing of drafts (`drafts.*`), release versions (`versions.<release>.*`) or any
// other dotted id (`reviews.*`, the review records): public read covers the root path only.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

const API = '/v2025-02-19'

interface SseEvent {
  event: string
  data: Record<string, unknown>
}

/** A raw listen stream: every byte received, and the events parsed from them. */
async function openListen(query: string, options: {token?: string; search?: string} = {}) {
  const controller = new AbortController()
  const url = `${t.lake.url}${API}/data/listen/production?query=${encodeURIComponent(query)}${options.search ?? ''}`
  const response = await fetch(url, {
    signal: controller.signal,
    headers: options.token ? {authorization: `Bearer ${options.token}`} : {},
  })
  assert.equal(response.status, 200)
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  const stream = {raw: '', events: [] as SseEvent[]}
  let buffer = ''
  const waiters: Array<() => void> = []
  void (async () => {
    for (;;) {
      const {done, value} = await reader.read().catch(() => ({done: true, value: undefined}))
      if (done) return
      const text = decoder.decode(value, {stream: true})
      stream.raw += text
      buffer += text
      let end
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (event && data) stream.events.push({event, data: JSON.parse(data) as never})
      }
      for (const wake of waiters.splice(0)) wake()
    }
  })()
  /** Resolves once an event satisfies the predicate (the stream keeps every event). */
  const waitFor = async (predicate: (event: SseEvent) => boolean): Promise<SseEvent> => {
    for (;;) {
      const found = stream.events.find(predicate)
      if (found) return found
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  await waitFor((e) => e.event === 'welcome')
  return {stream, waitFor, close: () => controller.abort()}
}

const mutation = (tx: string) => (e: SseEvent) =>
  e.event === 'mutation' && e.data.transactionId === tx

/** Commits a marker transaction and waits for its event: every earlier event has arrived. */
async function flush(listen: Awaited<ReturnType<typeof openListen>>, id: string) {
  const marker = await t.client.createOrReplace({_id: id, _type: 'faq', question: 'Marker?'})
  await listen.waitFor(mutation(marker._rev))
}

/** One transaction writing a published FAQ, its draft and a release version with secret text. */
const mixedTransaction = () =>
  t.client
    .transaction()
    .createOrReplace({_id: 'faq-mixed', _type: 'faq', question: 'Public question?'})
    .createOrReplace({_id: 'drafts.faq-mixed', _type: 'faq', question: 'DRAFT-SECRET-A?'})
    .createOrReplace({
      _id: 'versions.spring.faq-mixed',
      _type: 'faq',
      question: 'VERSION-SECRET-B?',
    })
    .createOrReplace({_id: 'notes.faq-mixed', _type: 'faq', question: 'DOTTED-SECRET-C?'})

describe('anonymous listen', {timeout: 15_000}, () => {
  it('never carries a draft or version written in the same transaction', async () => {
    const listen = await openListen('*[_type == "faq"]', {
      search: '&includePreviousRevision=true&effectFormat=mendoza',
    })
    const tx = await mixedTransaction()
      .patch('drafts.faq-what-is-chronic-migraine', (p) => p.set({question: 'never'}))
      .commit()
      .catch(() => undefined)
    // The patch of a draft that does not exist fails the whole transaction: nothing is sent.
    assert.equal(tx, undefined)

    const committed = await mixedTransaction().commit()
    // A patch by query that reaches drafts too names them in its query: the published document's
    // event carries it addressed to that document alone, query and draft left out.
    const byQuery = await t.client.mutate(
      [
        {
          patch: {
            query: '*[_id in [$id, "drafts." + $id]]',
            params: {id: 'faq-mixed'},
            set: {answerNote: 'Shared note'},
          },
        },
      ],
      {returnFirst: false, returnDocuments: false},
    )
    const event = await listen.waitFor(mutation(committed.transactionId))
    const queried = await listen.waitFor(mutation(byQuery.transactionId))
    await flush(listen, 'faq-marker-1')
    listen.close()

    for (const secret of [
      'DRAFT-SECRET',
      'VERSION-SECRET',
      'DOTTED-SECRET',
      'drafts.',
      'versions.',
      'notes.',
    ])
      assert.ok(!listen.stream.raw.includes(secret), `the stream holds "${secret}"`)
    const events = listen.stream.events.filter(
      (e) =>
        e.event === 'mutation' &&
        [committed.transactionId, byQuery.transactionId].includes(String(e.data.transactionId)),
    )
    assert.deepEqual(
      events.map((e) => e.data.documentId),
      ['faq-mixed', 'faq-mixed'],
    )
    assert.equal(event.data.transactionTotalEvents, 1)
    assert.deepEqual(event.data.mutations, [
      {createOrReplace: {_id: 'faq-mixed', _type: 'faq', question: 'Public question?'}},
    ])
    assert.equal((event.data.result as {question: string}).question, 'Public question?')
    assert.deepEqual(queried.data.mutations, [
      {patch: {id: 'faq-mixed', set: {answerNote: 'Shared note'}}},
    ])
    // The published document's own change is still whole in result, previous and effects.
    assert.equal((queried.data.result as {answerNote: string}).answerNote, 'Shared note')
    assert.ok(queried.data.previous)
    assert.ok(queried.data.effects)
  })

  it("with the token, the same listener sees drafts, versions and each one's mutations", async () => {
    const listen = await openListen('*[_type == "faq"]', {token: t.lake.token})
    const committed = await t.client
      .transaction()
      .createOrReplace({_id: 'faq-mixed-2', _type: 'faq', question: 'Public?'})
      .createOrReplace({_id: 'drafts.faq-mixed-2', _type: 'faq', question: 'DRAFT-SECRET-D?'})
      .commit()
    const first = await listen.waitFor(mutation(committed.transactionId))
    await flush(listen, 'faq-marker-2')
    listen.close()
    assert.ok(listen.stream.raw.includes('DRAFT-SECRET-D'))
    assert.equal(first.data.transactionTotalEvents, 2)
    // Each event carries the mutations that wrote its own document (Sanity's listener does).
    const events = listen.stream.events.filter(
      (e) => e.event === 'mutation' && e.data.transactionId === committed.transactionId,
    )
    assert.deepEqual(Object.fromEntries(events.map((e) => [e.data.documentId, e.data.mutations])), {
      'faq-mixed-2': [{createOrReplace: {_id: 'faq-mixed-2', _type: 'faq', question: 'Public?'}}],
      'drafts.faq-mixed-2': [
        {createOrReplace: {_id: 'drafts.faq-mixed-2', _type: 'faq', question: 'DRAFT-SECRET-D?'}},
      ],
    })
  })

  it('an unpublish sends the disappearance without the draft it leaves behind', async () => {
    await t.client.createOrReplace({_id: 'faq-unpub', _type: 'faq', question: 'Soon gone?'})
    await t.client.createOrReplace({
      _id: 'drafts.faq-unpub',
      _type: 'faq',
      question: 'DRAFT-SECRET-E?',
    })
    const listen = await openListen('*[_type == "faq"]')
    const result = await t.client.action({
      actionType: 'sanity.action.document.unpublish',
      draftId: 'drafts.faq-unpub',
      publishedId: 'faq-unpub',
    })
    const event = await listen.waitFor(mutation(result.transactionId))
    await flush(listen, 'faq-marker-3')
    listen.close()
    assert.equal(event.data.transition, 'disappear')
    assert.ok(!listen.stream.raw.includes('DRAFT-SECRET-E'))
    assert.deepEqual(event.data.mutations, [{delete: {id: 'faq-unpub'}}])
  })
})

describe('documents, export and history without the token', () => {
  before(async () => {
    await t.client
      .transaction()
      .createOrReplace({_id: 'faq-held', _type: 'faq', question: 'Published?'})
      .createOrReplace({_id: 'drafts.faq-held', _type: 'faq', question: 'DRAFT-SECRET-F?'})
      .createOrReplace({
        _id: 'versions.autumn.faq-held',
        _type: 'faq',
        question: 'VERSION-SECRET-G?',
      })
      .createOrReplace({_id: 'notes.faq-held', _type: 'faq', question: 'DOTTED-SECRET-H?'})
      .commit()
  })

  it('GET /data/doc omits drafts, versions and dotted ids for lack of permission', async () => {
    const ids = 'faq-held,drafts.faq-held,versions.autumn.faq-held,notes.faq-held'
    const anonymous = (await (
      await fetch(`${t.lake.url}${API}/data/doc/production/${ids}`)
    ).json()) as {
      documents: Array<{_id: string}>
      omitted: Array<{id: string; reason: string}>
    }
    assert.deepEqual(
      anonymous.documents.map((d) => d._id),
      ['faq-held'],
    )
    assert.deepEqual(anonymous.omitted, [
      {id: 'drafts.faq-held', reason: 'permission'},
      {id: 'versions.autumn.faq-held', reason: 'permission'},
      {id: 'notes.faq-held', reason: 'permission'},
    ])
    const withToken = (await (
      await fetch(`${t.lake.url}${API}/data/doc/production/${ids}`, {
        headers: {authorization: `Bearer ${t.lake.token}`},
      })
    ).json()) as {documents: unknown[]}
    assert.equal(withToken.documents.length, 4)
  })

  it('export leaves drafts, versions and dotted ids (review records) out', async () => {
    const anonymous = await (await fetch(`${t.lake.url}${API}/data/export/production`)).text()
    assert.ok(anonymous.includes('"faq-held"'))
    assert.ok(!anonymous.includes('SECRET'))
    assert.ok(!/"_id":"[^"]*\./.test(anonymous))
    const withToken = await (
      await fetch(`${t.lake.url}${API}/data/export/production`, {
        headers: {authorization: `Bearer ${t.lake.token}`},
      })
    ).text()
    assert.ok(withToken.includes('DRAFT-SECRET-F') && withToken.includes('VERSION-SECRET-G'))
    assert.ok(withToken.includes('DOTTED-SECRET-H') && withToken.includes('"_id":"reviews.'))
  })

  it('history answers 401, and with the token lists the transaction', async () => {
    const url = `${t.lake.url}${API}/data/history/production/transactions/drafts.faq-held`
    const anonymous = await fetch(url)
    assert.equal(anonymous.status, 401)
    const body = await anonymous.text()
    assert.ok(!body.includes('SECRET'))
    assert.equal((JSON.parse(body) as {error: {type: string}}).error.type, 'unauthorizedError')
    const withToken = await (
      await fetch(url, {headers: {authorization: `Bearer ${t.lake.token}`}})
    ).text()
    assert.ok(withToken.includes('DRAFT-SECRET-F'))
  })

  it('queries in any perspective see neither drafts, versions nor dotted ids', async () => {
    for (const perspective of ['raw', 'drafts', 'published'] as const) {
      const ids = await t.anonymous.fetch<string[]>(
        '*[_id in ["faq-held", "drafts.faq-held", "versions.autumn.faq-held", "notes.faq-held"]]._id',
        {},
        {perspective},
      )
      assert.deepEqual(ids, ['faq-held'], perspective)
      assert.deepEqual(
        await t.anonymous.fetch(
          '*[_type == "reviewRecord" || _id in path("reviews.**")]._id',
          {},
          {perspective},
        ),
        [],
        perspective,
      )
    }
    // The token's published perspective holds dotted ids: they are published documents.
    const published = await t.client.fetch<string[]>(
      '*[_id in ["faq-held", "notes.faq-held"]]._id | order(@ asc)',
      {},
      {perspective: 'published'},
    )
    assert.deepEqual(published, ['faq-held', 'notes.faq-held'])
    assert.ok((await t.client.fetch<number>('count(*[_type == "reviewRecord"])')) > 0)
  })
})
