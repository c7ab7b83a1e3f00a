// The lake's plugin interface (lake/plugin.ts) on real lakes through @sanity/client and fetch: a
// plain lake is Sanity's Content Lake (four roles, no rules of a project's), and a plugin's roles,
// commit problems (Sanity's 409 envelope), write rules, companion documents, reading origins and
// routes reach the lake's users, mutations, CORS and router.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {importNdjson} from '../../lake/datasets/ndjson'
import {startLake} from '../../lake/server/server'
import {insufficientPermissions} from '../../lake/access/roles'
import {sendJson} from '../../lake/http/http'
import {route} from '../../lake/http/route'
import type {LakePlugin} from '../../lake/plugin'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

const work = mkdtempSync(join(tmpdir(), 'ck-plugin-'))
const emptySeed = join(work, 'empty.ndjson')
writeFileSync(emptySeed, '')
after(() => rmSync(work, {recursive: true, force: true}))

const PARTNER = 'https://pages.partner.example'
const QUERY = '/v2025-02-19/data/query/production?query=count(*)'

/** A project's rules, made up for the test: each hook does one visible thing. */
const notesPlugin: LakePlugin = {
  name: 'notes',
  roles: [
    {
      name: 'auditor',
      title: 'Auditor',
      description: 'Reads everything, writes nothing.',
      grants: [{filter: '_id in path("**")', permissions: ['read', 'history']}],
      managesProject: false,
    },
  ],
  checkCommit: ({changes}) =>
    changes
      .filter((change) => change.after?._type === 'note' && change.after.locked === true)
      .map((change) => ({
        index: change.index,
        type: 'noteLockedError',
        description: `Note "${change.id}" is locked`,
      })),
  authorizeWrite: ({changes, managesProject}) => {
    for (const change of changes)
      if (change.after?._type === 'secret' && !managesProject)
        throw insufficientPermissions('create', change.index, change.id)
  },
  companionChanges: (changes, {author, transactionId, timestamp}) =>
    changes
      .filter((change) => change.after?._type === 'note' && !change.before)
      .map((change) => ({
        id: `audit.${change.id}`,
        operation: 'create' as const,
        before: null,
        after: {
          _id: `audit.${change.id}`,
          _type: 'audit',
          note: change.id,
          by: author,
          _rev: transactionId,
          _createdAt: timestamp,
          _updatedAt: timestamp,
        },
        writtenBy: change.writtenBy,
      })),
  readOrigins: (published) =>
    (published.byType.get('site') ?? []).map((site) => String(site.origin)),
  routes: [route('GET', '/v:version/notes/hello', ({res}) => sendJson(res, 200, {hello: 'notes'}))],
}

async function addUser(t: TestLake, role: string, id = `user-${role}`) {
  return t.client.request<{user: {id: string}; token: string}>({
    url: '/lake/users',
    method: 'POST',
    body: {id, name: `A ${role}`, email: `${id}@example.test`, role},
  })
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    const {statusCode, response} = error as {
      statusCode: number
      response: {body: {error: Record<string, unknown>}}
    }
    return {statusCode, body: response.body}
  }
  assert.fail('the lake accepted what it should refuse')
}

async function corsFrom(url: string, origin: string) {
  const response = await fetch(`${url}${QUERY}`, {headers: {origin}})
  await response.arrayBuffer()
  return {
    origin: response.headers.get('access-control-allow-origin'),
    credentials: response.headers.get('access-control-allow-credentials'),
  }
}

describe('a lake without plugins', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake(emptySeed, {plugins: []})
  })
  after(() => t.close())

  it('has the four standard roles and refuses any other', async () => {
    assert.deepEqual(t.lake.roles.names, ['administrator', 'editor', 'contributor', 'viewer'])
    const failed = await refusal(addUser(t, 'medicalReviewer'))
    assert.equal(failed.statusCode, 400)
    assert.equal(
      failed.body.error.description,
      '"role" must be one of administrator, editor, contributor, viewer',
    )
  })

  it('lets a browser read from no origin but its configured ones', async () => {
    await t.client.create({_id: 'site-a', _type: 'site', origin: PARTNER})
    assert.deepEqual(await corsFrom(t.lake.url, PARTNER), {origin: null, credentials: null})
  })
})

describe('a lake with a plugin', () => {
  let t: TestLake
  let editor: {token: string}
  before(async () => {
    t = await startTestLake(emptySeed, {plugins: [notesPlugin]})
    editor = await addUser(t, 'editor')
  })
  after(() => t.close())

  it("adds the plugin's roles to the users API and the Studio's grants", async () => {
    assert.deepEqual(t.lake.roles.names, [
      'administrator',
      'editor',
      'contributor',
      'auditor',
      'viewer',
    ])
    const auditor = await addUser(t, 'auditor')
    const client = lakeClient(t.lake.url, auditor.token)
    const me = await client.request<{roles: unknown[]}>({url: '/users/me'})
    assert.deepEqual(me.roles, [{name: 'auditor', title: 'Auditor'}])
    const acl = await client.request<unknown[]>({
      url: '/projects/clinickit/datasets/production/acl',
    })
    assert.deepEqual(acl, [{filter: '_id in path("**")', permissions: ['read', 'history']}])
    const failed = await refusal(client.create({_id: 'drafts.x', _type: 'note'}))
    assert.equal(failed.statusCode, 403)
  })

  it("answers the plugin's problems in Sanity's 409 mutationError envelope", async () => {
    const response = await fetch(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: {authorization: `Bearer ${t.lake.token}`, 'content-type': 'application/json'},
      body: JSON.stringify({
        mutations: [
          {create: {_id: 'note-b', _type: 'note', locked: true}},
          {create: {_id: 'note-free', _type: 'note'}},
          {create: {_id: 'note-a', _type: 'note', locked: true}},
        ],
      }),
    })
    assert.equal(response.status, 409)
    assert.deepEqual(await response.json(), {
      error: {
        description: 'Mutation(s) failed with 2 error(s)',
        type: 'mutationError',
        items: [
          {index: 0, error: {type: 'noteLockedError', description: 'Note "note-b" is locked'}},
          {index: 2, error: {type: 'noteLockedError', description: 'Note "note-a" is locked'}},
        ],
      },
    })
    assert.equal(await t.client.getDocument('note-free'), undefined, 'nothing was written')
    // @sanity/client reads it as it reads Sanity's own.
    const failed = await refusal(t.client.create({_id: 'note-c', _type: 'note', locked: true}))
    assert.equal(failed.statusCode, 409)
  })

  it("holds a person's write to the plugin's rules, and not the robot's", async () => {
    const client = lakeClient(t.lake.url, editor.token)
    const failed = await refusal(client.create({_id: 'secret-1', _type: 'secret'}))
    assert.equal(failed.statusCode, 403)
    const items = failed.body.error.items as Array<{error: {type: string}}>
    assert.equal(items[0]!.error.type, 'insufficientPermissionsError')
    await t.client.create({_id: 'secret-2', _type: 'secret'})
    assert.ok(await t.client.getDocument('secret-2'))
  })

  it("commits a person's write with the plugin's companion documents", async () => {
    const client = lakeClient(t.lake.url, editor.token)
    const note = await client.create({_id: 'note-1', _type: 'note'})
    const audit = await t.client.getDocument('audit.note-1')
    assert.equal(audit?.by, 'user-editor')
    assert.equal(audit?._rev, note._rev, 'written in the same transaction')
    // An import is not held to grants: no companion.
    const file = join(work, 'notes.ndjson')
    writeFileSync(file, `${JSON.stringify({_id: 'note-2', _type: 'note'})}\n`)
    await importNdjson(t.lake.store, file)
    assert.ok(await t.client.getDocument('note-2'))
    assert.equal(await t.client.getDocument('audit.note-2'), undefined)
  })

  it('lets the origins the plugin names read without credentials', async () => {
    assert.deepEqual(await corsFrom(t.lake.url, PARTNER), {origin: null, credentials: null})
    await t.client.create({_id: 'site-a', _type: 'site', origin: PARTNER})
    assert.deepEqual(await corsFrom(t.lake.url, PARTNER), {origin: PARTNER, credentials: null})
  })

  it("serves the plugin's routes", async () => {
    const response = await fetch(`${t.lake.url}/v1/notes/hello`)
    assert.deepEqual(await response.json(), {hello: 'notes'})
  })
})

it('refuses to start with two roles of one name', async () => {
  const dir = mkdtempSync(join(work, 'dup-'))
  const twice: LakePlugin = {name: 'twice', roles: [{...notesPlugin.roles![0]!, name: 'editor'}]}
  await assert.rejects(startLake({port: 0, dir, quiet: true, plugins: [twice]}), {
    message: 'Two roles are named "editor"',
  })
})
