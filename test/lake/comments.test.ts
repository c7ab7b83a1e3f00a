// The add-on dataset Studio comments live in: set up once per content dataset, found by the
// Studio's datasets lookup, and holding comment documents through the ordinary data API.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

const V = '/v2025-02-19'
const LOOKUP = `${V}/projects/clinickit/datasets?datasetProfile=comments&addonFor=production`

function call(path: string, method = 'GET', token: string | undefined = t.lake.token) {
  return fetch(`${t.lake.url}${path}`, {
    method,
    headers: token ? {authorization: `Bearer ${token}`} : {},
  })
}

describe('comments add-on dataset', () => {
  it('turns comments on in the features the Studio reads', async () => {
    const features = (await (await call(`${V}/features`)).json()) as string[]
    assert.ok(features.includes('studioComments'), `features: ${features.join(', ')}`)
  })

  it('has no comments dataset before setup, then one after, and setup is idempotent', async () => {
    assert.deepEqual(await (await call(LOOKUP)).json(), [])
    for (let i = 0; i < 2; i++) {
      const res = await call(`${V}/comments/production/setup`, 'POST')
      assert.equal(res.status, 200)
      assert.deepEqual(await res.json(), {datasetName: 'production-comments'})
    }
    const found = (await (await call(LOOKUP)).json()) as Array<Record<string, unknown>>
    assert.deepEqual(
      found.map((d) => [d.name, d.addonFor, d.datasetProfile]),
      [['production-comments', 'production', 'comments']],
    )
    const all = (await (await call(`${V}/projects/clinickit/datasets`)).json()) as Array<{
      name: string
      datasetProfile: string
    }>
    assert.equal(all.find((d) => d.name === 'production')?.datasetProfile, 'content')
  })

  it('refuses setup without the token and for a dataset that does not exist', async () => {
    assert.equal((await call(`${V}/comments/production/setup`, 'POST', '')).status, 401)
    assert.equal((await call(`${V}/comments/nope/setup`, 'POST')).status, 404)
    assert.equal(t.lake.datasets.has('nope-comments'), false)
  })

  it('stores, resolves and reopens a comment on a field of an FAQ', async () => {
    const comments = lakeClient(t.lake.url, t.lake.token).withConfig({
      dataset: 'production-comments',
    })
    const comment = await comments.create({
      _type: 'comment',
      status: 'open',
      message: [{_type: 'block', _key: 'b', children: [{_type: 'span', _key: 's', text: 'Check'}]}],
      target: {
        path: {field: 'question'},
        // As the Studio writes it: a weak reference into the content dataset.
        document: {
          _type: 'crossDatasetReference',
          _ref: 'faq-what-is-chronic-migraine',
          _dataset: 'production',
          _projectId: 'clinickit',
          _weak: true,
        },
        documentType: 'faq',
      },
    })
    await comments.patch(comment._id).set({status: 'resolved'}).commit()
    await comments.patch(comment._id).set({status: 'open'}).commit()
    const stored = await comments.fetch<{status: string}>('*[_id == $id][0]', {id: comment._id})
    assert.equal(stored.status, 'open')
    const content = await t.client.fetch<number>('count(*[_type == "comment"])')
    assert.equal(content, 0, 'comments stay out of the content dataset')
  })
})
