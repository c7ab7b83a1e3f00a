// A dataset's aclMode is enforced on every route that reads it: a private dataset (the Studio's
// comments dataset is one) answers no request without a token, a public one stays readable, and
// making a comments dataset needs the project-management grant.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {lakeClient, startTestLake, uploadTestImage, type TestLake} from '../helpers/lake'

let t: TestLake
const tokens: Record<string, string> = {}
let imagePath = ''
let filePath = ''

before(async () => {
  t = await startTestLake()
  for (const role of ['administrator', 'editor', 'viewer'])
    tokens[role] = t.lake.users.add({
      id: `acl-${role}`,
      name: `ACL ${role}`,
      email: `acl-${role}@example.test`,
      role,
    }).token
  t.lake.datasets.create('secret', {aclMode: 'private'})
  const secret = lakeClient(t.lake.url, t.lake.token).withConfig({dataset: 'secret'})
  await secret.create({_id: 'note-1', _type: 'note', text: 'private words'})
  const image = await uploadTestImage(secret, 4, 3, 'secret.png')
  imagePath = new URL(image.url).pathname
  const file = await secret.assets.upload('file', Buffer.from('private file'), {
    filename: 'secret.txt',
    contentType: 'text/plain',
  })
  filePath = new URL(file.url).pathname
})
after(async () => {
  await t?.close()
})

const V = '/v2025-02-19'

function call(path: string, token?: string, init: RequestInit = {}) {
  return fetch(`${t.lake.url}${path}`, {
    ...init,
    headers: {...(token ? {authorization: `Bearer ${token}`} : {}), ...init.headers},
  })
}

/** Every route that reads a dataset's content, as a request for `dataset`. */
function reads(dataset: string) {
  const query = encodeURIComponent('*[_id == "note-1"][0].text')
  return {
    'query (GET)': [`${V}/data/query/${dataset}?query=${query}`, {}],
    'query (POST)': [
      `${V}/data/query/${dataset}`,
      {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({query: '*[_id == "note-1"][0].text'}),
      },
    ],
    doc: [`${V}/data/doc/${dataset}/note-1`, {}],
    export: [`${V}/data/export/${dataset}`, {}],
    listen: [`${V}/data/listen/${dataset}?query=${encodeURIComponent('*')}`, {method: 'HEAD'}],
    history: [`${V}/data/history/${dataset}/transactions/note-1?excludeContent=true`, {}],
    'history documents': [`${V}/data/history/${dataset}/documents/note-1?lastRevision=true`, {}],
    image: [imagePath, {}],
    file: [filePath, {}],
  } as Record<string, [string, RequestInit]>
}

describe('private datasets', () => {
  it('answer no anonymous request on any read route, with Sanity’s 401 body', async () => {
    for (const [name, [path, init]] of Object.entries(reads('secret'))) {
      const res = await call(path, undefined, init)
      assert.equal(res.status, 401, `${name}: ${res.status}`)
      if (init.method !== 'HEAD') {
        const body = (await res.json()) as {error: {type: string; description: string}}
        assert.equal(body.error.type, 'unauthorizedError', name)
        assert.match(body.error.description, /private/, name)
      }
    }
  })

  it('answer the same requests with a viewer’s token', async () => {
    for (const [name, [path, init]] of Object.entries(reads('secret'))) {
      const res = await call(path, tokens.viewer, init)
      assert.equal(res.status, 200, `${name}: ${res.status}`)
      if (name.startsWith('query'))
        assert.equal(((await res.json()) as {result: unknown}).result, 'private words')
      else if (name === 'export') assert.match(await res.text(), /private words/)
      else await res.arrayBuffer()
    }
  })

  it('leave a public dataset readable without a token', async () => {
    const res = await call(`${V}/data/query/production?query=${encodeURIComponent('count(*)')}`)
    assert.equal(res.status, 200)
    assert.ok(((await res.json()) as {result: number}).result > 0)
    const doc = await call(`${V}/data/doc/production/faq-what-is-chronic-migraine`)
    assert.equal(doc.status, 200)
  })

  it('keep comments private: setup makes a private dataset no anonymous query reads', async () => {
    const setup = await call(`${V}/comments/production/setup`, tokens.administrator, {
      method: 'POST',
    })
    assert.equal(setup.status, 200)
    assert.equal(t.lake.datasets.info('production-comments').aclMode, 'private')
    const comments = lakeClient(t.lake.url, tokens.editor).withConfig({
      dataset: 'production-comments',
    })
    await comments.create({_type: 'comment', status: 'open', message: []})
    const anonymous = await call(
      `${V}/data/query/production-comments?query=${encodeURIComponent('*[_type == "comment"]')}`,
    )
    assert.equal(anonymous.status, 401)
    const signedIn = await comments.fetch<number>('count(*[_type == "comment"])')
    assert.equal(signedIn, 1)
  })
})

describe('comments dataset setup', () => {
  it('is refused to a viewer and an editor when the dataset does not exist yet', async () => {
    t.lake.datasets.create('drafting')
    for (const role of ['viewer', 'editor']) {
      const res = await call(`${V}/comments/drafting/setup`, tokens[role], {method: 'POST'})
      assert.equal(res.status, 403, role)
      assert.equal(((await res.json()) as {error: {type: string}}).error.type, 'forbiddenError')
    }
    assert.equal(t.lake.datasets.has('drafting-comments'), false)
  })

  it('is allowed to an administrator, and then names the dataset to an editor', async () => {
    const made = await call(`${V}/comments/drafting/setup`, tokens.administrator, {
      method: 'POST',
    })
    assert.equal(made.status, 200)
    assert.deepEqual(await made.json(), {datasetName: 'drafting-comments'})
    const named = await call(`${V}/comments/drafting/setup`, tokens.editor, {method: 'POST'})
    assert.equal(named.status, 200)
    assert.deepEqual(await named.json(), {datasetName: 'drafting-comments'})
  })
})
