// Users and roles on a real lake: each role's writes through the real @sanity/client with that
// user's token, the Studio's user and grant endpoints, the users CLI and token handling.
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import type {SanityClient} from '@sanity/client'
import {startLake} from '../../lake/server/server'
import {lakeClient, startTestLake, uploadTestImage, type TestLake} from '../helpers/lake'

interface Added {
  user: {id: string; role: string}
  token: string
}

const ROLES = ['administrator', 'editor', 'contributor', 'medicalReviewer', 'viewer'] as const
type Role = (typeof ROLES)[number]
const OPERATIONS = [
  'create draft',
  'edit draft',
  'edit release version',
  'publish',
  'unpublish',
  'delete',
  'upload',
  'dataset create',
] as const
type Operation = (typeof OPERATIONS)[number]

/** What Sanity's roles allow (https://www.sanity.io/docs/content-lake/roles). */
const ALLOWED: Record<Role, Operation[]> = {
  administrator: [...OPERATIONS],
  editor: OPERATIONS.filter((op) => op !== 'dataset create'),
  contributor: ['create draft', 'edit draft', 'upload'],
  // The reviewer also approves a changed text inside a release (lake/access/roles.ts).
  medicalReviewer: ['create draft', 'edit draft', 'edit release version', 'upload'],
  viewer: [],
}

let t: TestLake
const tokens = new Map<Role, Added>()

async function addUser(client: SanityClient, role: string, id = `user-${role}`): Promise<Added> {
  return client.request<Added>({
    url: '/lake/users',
    method: 'POST',
    body: {id, name: `A ${role}`, email: `${id}@example.test`, role},
  })
}

before(async () => {
  t = await startTestLake()
  for (const role of ROLES) tokens.set(role, await addUser(t.client, role))
})
after(() => t.close())

const clientFor = (role: Role) => lakeClient(t.lake.url, tokens.get(role)!.token)

/** Documents each role's operations start from, written with the robot token. */
async function seed(role: Role) {
  const base = {_type: 'faq', question: 'Q?'}
  await t.client
    .transaction()
    .create({...base, _id: `drafts.${role}-edit`})
    .create({...base, _id: `versions.rspring.${role}-edit`})
    .create({...base, _id: `drafts.${role}-pub`})
    .create({...base, _id: `${role}-unpub`})
    .create({...base, _id: `${role}-del`})
    .commit()
}

function operation(role: Role, op: Operation, client: SanityClient, index: number) {
  switch (op) {
    case 'create draft':
      return client.create({_id: `drafts.${role}-new`, _type: 'faq', question: 'New?'})
    case 'edit draft':
      return client.patch(`drafts.${role}-edit`).set({question: 'Edited?'}).commit()
    case 'edit release version':
      return client.patch(`versions.rspring.${role}-edit`).set({question: 'Edited?'}).commit()
    case 'publish':
      return client.action({
        actionType: 'sanity.action.document.publish',
        draftId: `drafts.${role}-pub`,
        publishedId: `${role}-pub`,
      })
    case 'unpublish':
      return client.action({
        actionType: 'sanity.action.document.unpublish',
        draftId: `drafts.${role}-unpub`,
        publishedId: `${role}-unpub`,
      })
    case 'delete':
      return client.delete(`${role}-del`)
    case 'upload':
      // A size per role, so each upload makes a new asset.
      return uploadTestImage(client, 3 + index, 3, `${role}.png`)
    case 'dataset create':
      return client.datasets.create(`ds-${role.toLowerCase()}`)
  }
}

/** Everything a refused write could have changed. */
async function snapshot() {
  return {
    docs: await t.client.fetch(
      '*[!(_id in path("_.**"))]{_id, _rev}|order(_id)',
      {},
      {perspective: 'raw'},
    ),
    datasets: (await t.client.datasets.list()).map((d) => d.name).sort(),
    assetFiles: existsSync(join(t.dir, 'assets')) ? readdirSync(join(t.dir, 'assets')).sort() : [],
  }
}

describe('each role × each write', () => {
  for (const [index, role] of ROLES.entries())
    test(role, async () => {
      await seed(role)
      const client = clientFor(role)
      for (const op of OPERATIONS) {
        const expected = ALLOWED[role].includes(op)
        const before = await snapshot()
        const result = await Promise.resolve(operation(role, op, client, index)).then(
          () => null,
          (error: {statusCode?: number; response?: {body?: unknown}}) => error,
        )
        if (expected) {
          assert.equal(result, null, `${role} may ${op}: ${JSON.stringify(result?.response?.body)}`)
          continue
        }
        assert.equal(result?.statusCode, 403, `${role} may not ${op}`)
        const body = result.response?.body as {error: {type: string; items?: unknown[]}}
        if (op === 'dataset create') assert.equal(body.error.type, 'forbiddenError')
        else {
          assert.equal(body.error.type, 'mutationError')
          const item = body.error.items?.[0] as {error: {type: string; permission: string}}
          assert.equal(item.error.type, 'insufficientPermissionsError')
          assert.match(item.error.permission, /^(create|update)$/)
        }
        assert.deepEqual(await snapshot(), before, `${role}'s refused ${op} changed nothing`)
      }
    })
})

test('a viewer and a contributor read drafts; anonymous reads published only', async () => {
  await t.client.createOrReplace({_id: 'drafts.read-me', _type: 'faq', question: 'Draft?'})
  for (const role of ['viewer', 'contributor'] as const)
    assert.equal(
      await clientFor(role).fetch('count(*[_id == "drafts.read-me"])', {}, {perspective: 'raw'}),
      1,
    )
  assert.equal(
    await t.anonymous.fetch('count(*[_id == "drafts.read-me"])', {}, {perspective: 'raw'}),
    0,
  )
})

test('users/me, users/:ids, members, grants and acl per user', async () => {
  const me = await clientFor('medicalReviewer').request<Record<string, unknown>>({url: '/users/me'})
  assert.equal(me.id, 'user-medicalReviewer')
  assert.equal(me.role, 'medicalReviewer')
  assert.deepEqual(me.roles, [{name: 'medicalReviewer', title: 'Medical reviewer'}])
  assert.deepEqual(await t.anonymous.request({url: '/users/me'}), {})
  const [one, missing] = await clientFor('viewer').request<Array<Record<string, unknown> | null>>({
    url: '/users/user-editor,nobody',
  })
  assert.equal(one?.displayName, 'A editor')
  assert.equal(missing, null)
  const project = await clientFor('contributor').request<{members: Array<Record<string, unknown>>}>(
    {
      url: '/projects/clinickit',
    },
  )
  const member = project.members.find((m) => m.id === 'user-contributor')
  assert.deepEqual(member, {
    id: 'user-contributor',
    role: 'contributor',
    roles: [{name: 'contributor', title: 'Contributor'}],
    isRobot: false,
    isCurrentUser: true,
  })
  assert.equal(project.members.find((m) => m.isRobot)?.role, 'administrator')
  const acl = (role: Role) =>
    clientFor(role).request<Array<{filter: string; permissions: string[]}>>({
      url: '/projects/clinickit/datasets/production/acl',
    })
  assert.deepEqual(await acl('editor'), [
    {filter: '_id in path("**")', permissions: ['read', 'create', 'history', 'update']},
  ])
  const contributor = await acl('contributor')
  assert.deepEqual(contributor[0], {filter: '_id in path("**")', permissions: ['read']})
  assert.ok(
    contributor.some(
      (g) => g.filter === '_id in path("drafts.**")' && g.permissions.includes('update'),
    ),
  )
  assert.deepEqual(await acl('viewer'), [
    {filter: '_id in path("**")', permissions: ['read', 'history']},
  ])
  const grants = (role: Role) =>
    clientFor(role).request<Record<string, Array<{grants: Array<{name: string}>}>>>({
      url: '/projects/clinickit/grants',
    })
  const names = (g: Awaited<ReturnType<typeof grants>>) =>
    g['sanity.project.members']![0]!.grants.map((x) => x.name)
  assert.ok(names(await grants('administrator')).includes('invite'))
  assert.ok(!names(await grants('editor')).includes('invite'))
})

test('only an administrator manages users, and bad input changes nothing', async () => {
  const refused = await addUser(clientFor('editor'), 'viewer', 'sneaky').catch((e) => e)
  assert.equal(refused.statusCode, 403)
  const bad = await addUser(t.client, 'superuser', 'bad-role').catch((e) => e)
  assert.equal(bad.statusCode, 400)
  const list = await t.client.request<Array<{id: string}>>({url: '/lake/users'})
  assert.deepEqual(list.map((u) => u.id).sort(), ROLES.map((r) => `user-${r}`).sort())
})

test('transactions record their author in history and listen identity', async () => {
  const client = clientFor('contributor')
  const id = 'drafts.authored'
  await client.create({_id: id, _type: 'faq', question: 'Who?'})
  const seen = new Promise<string | undefined>((resolve, reject) => {
    const sub = client
      .listen(`*[_id == "${id}"]`, {}, {events: ['mutation', 'welcome']})
      .subscribe({
        next: (event) => {
          if (event.type === 'welcome')
            void client.patch(id).set({question: 'Me'}).commit().catch(reject)
          if (event.type === 'mutation') {
            sub.unsubscribe()
            resolve(event.identity)
          }
        },
        error: reject,
      })
  })
  assert.equal(await seen, 'user-contributor')
  const response = await fetch(
    `${t.lake.url}/v2025-02-19/data/history/production/transactions/${id}`,
    {headers: {authorization: `Bearer ${t.lake.token}`}},
  )
  const entries = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as {author: string})
  assert.ok(entries.length >= 2)
  assert.ok(entries.every((entry) => entry.author === 'user-contributor'))
  // The robot token is the author of its own writes.
  const tx = await t.client.create({_id: 'drafts.robot-wrote', _type: 'faq', question: 'R'})
  const robot = await fetch(
    `${t.lake.url}/v2025-02-19/data/history/production/transactions/${tx._id}`,
    {headers: {authorization: `Bearer ${t.lake.token}`}},
  )
  assert.equal((JSON.parse((await robot.text()).trim()) as {author: string}).author, 'lake-robot')
})

function cli(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/lake.ts', ...args],
      {env: {...process.env, SANITY_API_TOKEN: '', CK_STUDIO_PORT: '', CK_LAKE_HOST: ''}},
      (error, stdout, stderr) => done({code: error ? Number(error.code ?? 1) : 0, stdout, stderr}),
    )
  })
}

/** The token in the Studio sign-in link the CLI prints, as `npm start` prints it. */
const tokenIn = (stdout: string) =>
  /^studio: sign in as \S+: https:\/\/localhost:3443\/studio\/production\/#token=(cku\S+)$/m.exec(
    stdout,
  )?.[1] ?? ''

/** Every file's bytes under the folder, to look for a raw token. */
function folderText(dir: string): string {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n')
}

test('users CLI on a stopped folder and through --url; tokens hashed; removed → 401', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-users-'))
  try {
    const added = await cli([
      'users',
      'add',
      '--name',
      'Dr. Test',
      '--email',
      'dr@example.test',
      '--role',
      'contributor',
      '--id',
      'dr-test',
      '--dir',
      dir,
    ])
    assert.equal(added.code, 0, added.stderr)
    const first = tokenIn(added.stdout)
    assert.ok(first)
    const badRole = await cli([
      'users',
      'add',
      '--name',
      'X',
      '--email',
      'x@example.test',
      '--role',
      'root',
      '--dir',
      dir,
    ])
    assert.notEqual(badRole.code, 0)
    assert.match(badRole.stderr, /role/)
    const listed = await cli(['users', 'list', '--dir', dir])
    assert.match(listed.stdout, /^dr-test\tcontributor\tDr\. Test <dr@example\.test>$/m)
    assert.doesNotMatch(listed.stdout, /x@example/)
    const reissued = await cli(['users', 'token', 'dr-test', '--dir', dir])
    const second = tokenIn(reissued.stdout)
    assert.ok(second && second !== first, reissued.stdout)
    // For scripts, --bare prints the token alone.
    const bare = await cli(['users', 'token', 'dr-test', '--bare', '--dir', dir])
    assert.equal(bare.code, 0, bare.stderr)
    assert.match(bare.stdout, /^cku\S+\n$/)
    const third = bare.stdout.trim()
    assert.notEqual(third, second)

    const lake = await startLake({port: 0, dir, quiet: true})
    try {
      const me = (token: string) =>
        fetch(`${lake.url}/v2025-02-19/users/me`, {headers: {authorization: `Bearer ${token}`}})
      assert.equal((await me(first)).status, 401, 'the replaced token no longer signs in')
      assert.equal((await me(second)).status, 401, 'the replaced token no longer signs in')
      assert.equal(((await (await me(third)).json()) as {id: string}).id, 'dr-test')
      // Through the running lake's API with its robot token (read from the folder).
      const viaUrl = await cli([
        'users',
        'add',
        '--name',
        'Ed',
        '--email',
        'ed@example.test',
        '--role',
        'editor',
        '--id',
        'ed',
        '--url',
        lake.url,
        '--dir',
        dir,
      ])
      assert.equal(viaUrl.code, 0, viaUrl.stderr)
      const edToken = tokenIn(viaUrl.stdout)
      assert.equal(((await (await me(edToken)).json()) as {role: string}).role, 'editor')
      const locked = await cli(['users', 'list', '--dir', dir])
      assert.notEqual(locked.code, 0, 'the offline command refuses a running lake folder')
      const removed = await cli(['users', 'remove', 'dr-test', '--url', lake.url, '--dir', dir])
      assert.equal(removed.code, 0, removed.stderr)
      assert.equal((await me(third)).status, 401, "a removed user's token is refused")
      const raw = folderText(dir)
      for (const token of [first, second, third, edToken])
        assert.ok(!raw.includes(token), 'no raw token in the folder')
    } finally {
      await lake.close()
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
})

test('a viewer is refused an upload even of bytes the lake already holds', async () => {
  // The administrator uploaded this 3×3 image in the matrix above.
  const refused = await uploadTestImage(clientFor('viewer'), 3, 3, 'again.png').catch(
    (error: {statusCode?: number}) => error,
  )
  assert.equal((refused as {statusCode?: number}).statusCode, 403)
  assert.ok(await uploadTestImage(clientFor('contributor'), 3, 3, 'again.png'))
})
