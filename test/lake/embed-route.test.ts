// The fragment route the project mounts on the lake (scripts/embed-route.ts), over real HTTP on a
// real lake with the sample content: `GET /embed/v1/<dataset>/<element>?<attributes>` answers the
// element's server-rendered HTML of published content, with the dataset's revision as ETag (304
// while nothing was committed), Cache-Control, the data routes' CORS, and 4xx for bad requests.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {clinicRules} from '../../clinic-rules'
import {embedFragments} from '../../scripts/embed-route'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake(undefined, {plugins: [clinicRules(), embedFragments()]})
})
after(async () => {
  await t?.close()
})

const FAQ_PATH = '/embed/v1/production/ck-faq?topic=chronic-migraine&lang=en'
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${t.lake.url}${path}`, {method, headers})

/** A published FAQ on the topic, as stored. */
async function publishedFaq() {
  const [faq] = await t.client.fetch<Array<Record<string, unknown> & {_id: string}>>(
    `*[_type == "faq" && !(_id in path("drafts.**")) && "chronic-migraine" in conditions[]->slug.current] | order(_id)[0...1]`,
  )
  assert.ok(faq, 'a published FAQ on the topic')
  return faq
}

const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

describe('GET /embed/v1/<dataset>/<element> on the lake', () => {
  it("answers the fragment with a published question's text, the revision as ETag and Cache-Control", async () => {
    const faq = await publishedFaq()
    const response = await get(FAQ_PATH)
    assert.equal(response.status, 200)
    assert.match(String(response.headers.get('content-type')), /^text\/html; charset=utf-8/)
    assert.equal(
      response.headers.get('cache-control'),
      'public, max-age=60, stale-while-revalidate=86400',
    )
    const revision = t.lake.store.lastTransactionId
    assert.ok(revision, 'the seeded dataset has a revision')
    assert.match(String(response.headers.get('etag')), new RegExp(`^"${revision}\\.[\\w-]+"$`))
    const html = await response.text()
    assert.match(html, /<ck-faq [^>]*topic="chronic-migraine"/)
    assert.match(html, /<template shadowroot="open" shadowrootmode="open">/)
    assert.ok(html.includes(escaped(String(faq.question))), 'the question is in the fragment')
    assert.equal(Number(response.headers.get('content-length')), Buffer.byteLength(html))

    const head = await get(FAQ_PATH, {}, 'HEAD')
    assert.equal(head.status, 200)
    assert.equal(head.headers.get('etag'), response.headers.get('etag'))
    assert.equal(await head.text(), '')
  })

  it('answers 304 for If-None-Match while nothing was committed, and a new ETag after a commit', async () => {
    const first = await get(FAQ_PATH)
    const etag = first.headers.get('etag')!
    await first.text()
    const unchanged = await get(FAQ_PATH, {'if-none-match': etag})
    assert.equal(unchanged.status, 304)
    assert.equal(unchanged.headers.get('etag'), etag)
    assert.match(String(unchanged.headers.get('cache-control')), /max-age=60/)
    assert.equal(await unchanged.text(), '')

    // Any commit to the dataset is a new revision (here a draft's): the same URL renders again.
    const faq = await publishedFaq()
    const draft = {...faq, _id: `drafts.${faq._id}`, question: 'A draft question?'}
    delete (draft as Record<string, unknown>)._rev
    const tx = await t.client
      .transaction()
      .createOrReplace(draft as never)
      .commit({returnDocuments: false})
    try {
      const changed = await get(FAQ_PATH, {'if-none-match': etag})
      assert.equal(changed.status, 200)
      const newTag = String(changed.headers.get('etag'))
      assert.notEqual(newTag, etag)
      assert.ok(newTag.startsWith(`"${tx.transactionId}.`), `${newTag} names the commit`)
      assert.ok((await changed.text()).includes(escaped(String(faq.question))))
      const again = await get(FAQ_PATH, {'if-none-match': newTag})
      assert.equal(again.status, 304)
    } finally {
      await t.client.delete(draft._id)
    }
  })

  it('answers 404 for an unknown element and 400 for an unknown attribute, with the reason', async () => {
    const element = await get('/embed/v1/production/ck-quiz?topic=chronic-migraine')
    assert.equal(element.status, 404)
    assert.match(await element.text(), /unknown element <ck-quiz>/)
    const attribute = await get('/embed/v1/production/ck-faq?topik=chronic-migraine')
    assert.equal(attribute.status, 400)
    assert.match(await attribute.text(), /no attribute “topik”/)
    // A known ETag does not turn a bad request into a 304.
    const etag = (await get(FAQ_PATH)).headers.get('etag')!
    const stale = await get('/embed/v1/production/ck-faq?topik=x', {'if-none-match': etag})
    assert.equal(stale.status, 400)
    const dataset = await get('/embed/v1/no-such-dataset/ck-faq?topic=chronic-migraine')
    assert.equal(dataset.status, 404)
    assert.match(
      await dataset.text(),
      /notFoundError.*no-such-dataset|no-such-dataset.*notFoundError/,
    )
    const post = await fetch(`${t.lake.url}${FAQ_PATH}`, {method: 'POST'})
    assert.equal(post.status, 405)
  })

  it("never shows a draft's text, not even to a request with the lake token", async () => {
    const faq = await publishedFaq()
    const draft: Record<string, unknown> = {
      ...faq,
      _id: `drafts.${faq._id}`,
      question: 'An unpublished draft question?',
    }
    delete draft._rev
    await t.client.createOrReplace(draft as never)
    try {
      for (const headers of [{}, {authorization: `Bearer ${t.lake.token}`}] as Array<
        Record<string, string>
      >) {
        const response = await get(FAQ_PATH, headers)
        assert.equal(response.status, 200)
        const html = await response.text()
        assert.ok(html.includes(escaped(String(faq.question))), 'the published text is served')
        assert.ok(!html.includes('An unpublished draft question?'), 'the draft is not')
      }
    } finally {
      await t.client.delete(String(draft._id))
    }
  })

  it("gives an allowed origin the data routes' CORS headers, and others none", async () => {
    const origin = 'http://localhost:5173'
    const data = await get('/v2025-02-19/data/query/production?query=1', {origin})
    await data.text()
    const fragment = await get(FAQ_PATH, {origin})
    await fragment.text()
    for (const name of ['access-control-allow-origin', 'access-control-allow-credentials'])
      assert.equal(fragment.headers.get(name), data.headers.get(name), name)
    assert.equal(fragment.headers.get('access-control-allow-origin'), origin)
    assert.match(String(fragment.headers.get('vary')), /Origin/)
    const stranger = await get(FAQ_PATH, {origin: 'https://elsewhere.example'})
    await stranger.text()
    assert.equal(stranger.headers.get('access-control-allow-origin'), null)
  })
})
