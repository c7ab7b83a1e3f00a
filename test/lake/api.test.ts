// The lake's HTTP API through the real @sanity/client: queries, perspectives, documents,
// mutations, listen, assets, export/import, and the errors clients rely on.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {createImageUrlBuilder} from '@sanity/image-url'
import sharp from 'sharp'
import {importNdjson} from '../../lake/datasets/ndjson'
import {startLake} from '../../lake/server/server'
import {LakeStore} from '../../lake/store/store'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

describe('query', () => {
  it('runs GROQ with parameters on the sample', async () => {
    const questions = await t.client.fetch<string[]>(
      '*[_type == "faq" && language == $lang && $slug in conditions[]->slug.current] | order(orderRank asc).question',
      {lang: 'en', slug: 'chronic-migraine'},
    )
    assert.ok(questions.includes('What is chronic migraine?'))
    assert.ok(!questions.includes('What helps a minor headache?'))
  })

  it('answers with {result, ms, query} like Sanity', async () => {
    const response = await fetch(
      `${t.lake.url}/v2025-02-19/data/query/production?query=count(*[_type=="faq"])`,
    )
    const body = (await response.json()) as {result: number; ms: number; query: string}
    assert.equal(body.result, 10)
    assert.equal(typeof body.ms, 'number')
    assert.equal(body.query, 'count(*[_type=="faq"])')
  })

  it('honours the published, drafts and raw perspectives', async () => {
    await t.client.createOrReplace({
      _id: 'drafts.faq-what-is-chronic-migraine',
      _type: 'faq',
      question: 'Draft question?',
    })
    const id = 'faq-what-is-chronic-migraine'
    const q = '*[_id == $id][0]{_id, question, _originalId}'
    const published = await t.client.fetch(q, {id}, {perspective: 'published'})
    const drafts = await t.client.fetch(q, {id}, {perspective: 'drafts'})
    const raw = await t.client.fetch<number>(
      'count(*[_id in [$id, "drafts." + $id]])',
      {id},
      {perspective: 'raw'},
    )
    assert.equal(published.question, 'What is chronic migraine?')
    assert.deepEqual(drafts, {_id: id, question: 'Draft question?', _originalId: `drafts.${id}`})
    assert.equal(raw, 2)
    // Without the token drafts never show, whatever perspective is asked for.
    const anonymous = await t.anonymous.fetch(q, {id}, {perspective: 'drafts'})
    assert.equal(anonymous.question, 'What is chronic migraine?')
    const anonymousRaw = await t.anonymous.fetch<number>(
      'count(*[_id in path("drafts.**")])',
      {},
      {perspective: 'raw'},
    )
    assert.equal(anonymousRaw, 0)
    await t.client.delete(`drafts.${id}`)
  })

  it('rejects malformed GROQ with 400 and the position', async () => {
    const response = await fetch(
      `${t.lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type == ')}`,
    )
    assert.equal(response.status, 400)
    const body = (await response.json()) as {
      error: {type: string; start: number; description: string}
    }
    assert.equal(body.error.type, 'queryParseError')
    assert.equal(body.error.start, 10)
    await assert.rejects(
      t.client.fetch('*[_type =='),
      (error: {statusCode?: number; message: string}) => {
        assert.equal(error.statusCode, 400)
        assert.match(error.message, /position/)
        return true
      },
    )
  })

  it('answers 404 for an unknown dataset', async () => {
    const response = await fetch(`${t.lake.url}/v2025-02-19/data/query/staging?query=1`)
    assert.equal(response.status, 404)
  })
})

describe('documents and mutations', () => {
  it('gets documents by id, and reports missing ones', async () => {
    const doc = await t.client.getDocument('clinician-sloane-yu')
    assert.equal(doc?.familyName, 'Yu')
    const docs = await t.client.getDocuments(['clinic-allied-pain-spine', 'no-such-doc'])
    assert.equal(docs[0]?._id, 'clinic-allied-pain-spine')
    assert.equal(docs[1], null)
  })

  it('creates, patches and commits transactions with revisions', async () => {
    const created = await t.client.create({
      _id: 'test-counter',
      _type: 'counter',
      count: 0,
      tags: ['a'],
    })
    assert.equal(created._id, 'test-counter')
    assert.ok(created._rev && created._createdAt)
    const patched = await t.client
      .patch('test-counter')
      .inc({count: 5})
      .set({label: 'x'})
      .insert('after', 'tags[-1]', ['b'])
      .commit()
    assert.equal(patched.count, 5)
    assert.deepEqual(patched.tags, ['a', 'b'])
    assert.notEqual(patched._rev, created._rev)
    const result = await t.client
      .transaction()
      .createIfNotExists({_id: 'test-counter', _type: 'counter', count: 100})
      .patch('test-counter', (p) => p.dec({count: 2}).unset(['label']))
      .commit()
    assert.equal(result.results.length, 1)
    const after = await t.client.getDocument('test-counter')
    assert.equal(after?.count, 3)
    assert.equal(after?.label, undefined)
  })

  it('applies diffMatchPatch', async () => {
    await t.client.createOrReplace({_id: 'test-dmp', _type: 'note', text: 'Hello world'})
    const doc = await t.client
      .patch('test-dmp')
      .diffMatchPatch({text: '@@ -1,11 +1,11 @@\n Hello \n-w\n+W\n orld\n'})
      .commit()
    assert.equal(doc.text, 'Hello World')
  })

  it('answers 409 when ifRevisionID does not match, and changes nothing', async () => {
    const doc = await t.client.createOrReplace({_id: 'test-rev', _type: 'note', text: 'v1'})
    await assert.rejects(
      t.client.patch('test-rev').ifRevisionId('not-the-rev').set({text: 'v2'}).commit(),
      (error: {statusCode?: number}) => error.statusCode === 409,
    )
    assert.equal((await t.client.getDocument('test-rev'))?.text, 'v1')
    const ok = await t.client.patch('test-rev').ifRevisionId(doc._rev).set({text: 'v2'}).commit()
    assert.equal(ok.text, 'v2')
  })

  it('rolls back the whole transaction when one mutation fails', async () => {
    await assert.rejects(
      t.client
        .transaction()
        .create({_id: 'test-atomic', _type: 'note'})
        .create({_id: 'clinic-allied-pain-spine', _type: 'clinic'})
        .commit(),
      (error: {statusCode?: number}) => error.statusCode === 409,
    )
    assert.equal(await t.client.getDocument('test-atomic'), undefined)
  })

  it('deletes by query', async () => {
    await t.client
      .transaction()
      .create({_id: 'tmp-1', _type: 'tmp'})
      .create({_id: 'tmp-2', _type: 'tmp'})
      .commit()
    const result = await t.client.delete({query: '*[_type == "tmp"]'})
    assert.equal(result.results.length, 2)
    assert.equal(await t.client.fetch('count(*[_type == "tmp"])'), 0)
  })

  it('refuses writes without the token (401) and with a wrong token', async () => {
    await assert.rejects(
      t.anonymous.create({_type: 'note'}),
      (error: {statusCode?: number}) => error.statusCode === 401,
    )
    const response = await fetch(`${t.lake.url}/v2025-02-19/data/query/production?query=1`, {
      headers: {authorization: 'Bearer wrong'},
    })
    assert.equal(response.status, 401)
  })

  it('rejects invalid JSON, unknown mutation types and oversized bodies without changing anything', async () => {
    const url = `${t.lake.url}/v2025-02-19/data/mutate/production`
    const headers = {authorization: `Bearer ${t.lake.token}`, 'content-type': 'application/json'}
    const before = await t.client.fetch<number>('count(*)')
    const invalid = await fetch(url, {method: 'POST', headers, body: '{"mutations": ['})
    assert.equal(invalid.status, 400)
    const unknown = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({mutations: [{upsert: {_id: 'x', _type: 'y'}}]}),
    })
    assert.equal(unknown.status, 400)
    assert.match(
      ((await unknown.json()) as {error: {description: string}}).error.description,
      /"upsert"/,
    )
    const big = JSON.stringify({
      mutations: [{create: {_type: 'big', text: 'x'.repeat(11 * 1024 * 1024)}}],
    })
    const oversized = await fetch(url, {method: 'POST', headers, body: big})
    assert.equal(oversized.status, 413)
    assert.equal(await t.client.fetch<number>('count(*)'), before)
  })
})

describe('dry runs and history', () => {
  it('a dry run reports the result and changes nothing', async () => {
    const result = await t.client.create(
      {_id: 'dry', _type: 'note'},
      {dryRun: true, returnDocuments: false},
    )
    assert.equal(result.results[0]?.id, 'dry')
    assert.equal(await t.client.getDocument('dry'), undefined)
  })

  it('lists a document’s transactions with the token, and refuses without', async () => {
    const first = await t.client.createOrReplace({_id: 'hist', _type: 'note', v: 1})
    const second = await t.client.patch('hist').set({v: 2}).commit()
    const path = '/v2025-02-19/data/history/production/transactions/hist'
    const response = await fetch(`${t.lake.url}${path}`, {
      headers: {authorization: `Bearer ${t.lake.token}`},
    })
    const entries = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as {id: string})
    assert.deepEqual(
      entries.map((e) => e.id),
      [first._rev, second._rev],
    )
    assert.equal((await fetch(`${t.lake.url}${path}`)).status, 401)
  })
})

describe('listen', () => {
  it('delivers a mutation event for documents the query matches', async () => {
    const events: Array<{documentId: string; transition: string; result?: {question?: string}}> = []
    const received = new Promise<void>((resolve, reject) => {
      const subscription = t.anonymous
        .listen('*[_type == "faq"]', {}, {events: ['welcome', 'mutation']})
        .subscribe({
          next: (event) => {
            if (event.type === 'welcome') {
              void t.client
                .createOrReplace({_id: 'note-ignored', _type: 'note'})
                .then(() =>
                  t.client.createOrReplace({_id: 'faq-live', _type: 'faq', question: 'Live?'}),
                )
            } else if (event.type === 'mutation') {
              events.push(event as never)
              subscription.unsubscribe()
              resolve()
            }
          },
          error: reject,
        })
    })
    await received
    assert.equal(events[0]?.documentId, 'faq-live')
    assert.equal(events[0]?.transition, 'appear')
    assert.equal(events[0]?.result?.question, 'Live?')
  })
})

describe('assets', () => {
  it('stores an uploaded image and resizes it for @sanity/image-url URLs', async () => {
    const png = await sharp({create: {width: 400, height: 200, channels: 3, background: '#0b5cad'}})
      .png()
      .toBuffer()
    const asset = await t.client.assets.upload('image', png, {filename: 'portrait.png'})
    assert.match(asset._id, /^image-[a-f0-9]{40}-400x200-png$/)
    assert.equal(asset.metadata.dimensions.width, 400)
    const again = await t.client.assets.upload('image', png, {filename: 'same.png'})
    assert.equal(again._id, asset._id)
    const url = createImageUrlBuilder({
      projectId: 'clinickit',
      dataset: 'production',
      baseUrl: t.lake.url,
    })
      .image(asset._id)
      .width(100)
      .url()
    const response = await fetch(url)
    assert.equal(response.status, 200)
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
    assert.equal(meta.width, 100)
    assert.equal(meta.height, 50)
  })
})

describe('export and import', () => {
  it('round-trips every document', async () => {
    const response = await fetch(`${t.lake.url}/v2025-02-19/data/export/production`, {
      headers: {authorization: `Bearer ${t.lake.token}`},
    })
    const exported = await response.text()
    const dir = mkdtempSync(join(tmpdir(), 'ck-roundtrip-'))
    try {
      const file = join(dir, 'export.ndjson')
      writeFileSync(file, exported)
      const store = LakeStore.open(join(dir, 'lake'))
      await importNdjson(store, file)
      const strip = ({_rev: _r, _updatedAt: _u, ...doc}: Record<string, unknown>) => doc
      const original = exported
        .trim()
        .split('\n')
        .map((line) => strip(JSON.parse(line)))
      const imported = [...store.all()].map((doc) => strip(doc))
      const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a._id).localeCompare(String(b._id))
      assert.deepEqual(imported.sort(byId), original.sort(byId))
      // Importing again without --replace fails on existing ids and changes nothing.
      await assert.rejects(importNdjson(store, file), /already exists/)
      assert.equal(store.size, original.length)
      store.close()
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('the Studio document pane', () => {
  it('gets an answer to its dataset ping, without credentials', async () => {
    const response = await fetch(`${t.lake.url}/v2025-02-19/data/ping/production`)
    assert.equal(response.status, 200)
    assert.equal(await response.json(), 'PONG')
  })
})

describe('the lake’s plain-HTTP origin, for the Studio’s embed code', () => {
  it('names where the lake answers over plain HTTP, to anyone, with nothing else', async () => {
    const response = await fetch(`${t.lake.url}/v2025-02-19/lake/origin`)
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), {http: t.lake.url})
    assert.match(t.lake.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('a lake on every address is named by the host the request came to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-origin-'))
    const lake = await startLake({port: 0, host: '0.0.0.0', dir, quiet: true})
    try {
      const port = new URL(lake.url).port
      const response = await fetch(`http://127.0.0.1:${port}/v2025-02-19/lake/origin`)
      assert.deepEqual(await response.json(), {http: `http://127.0.0.1:${port}`})
    } finally {
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
