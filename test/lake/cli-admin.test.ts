// The lake CLI's admin port (lake/cli/admin.ts): every admin command is written once, so the same
// commands must give the same result on a stopped lake's folder and through a running lake's HTTP
// API, with the project's plugins (their roles, their commit checks) held in both.
import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, test} from 'node:test'
import type {AdminPort} from '../../lake/cli/admin'
import {httpAdmin} from '../../lake/cli/admin-http'
import {openOfflineAdmin} from '../../lake/cli/admin-offline'
import type {LakeUser} from '../../lake/access/users'
import type {LakePlugin} from '../../lake/plugin'
import {startLake} from '../../lake/server/server'

/** A plugin of the test's own: one role, and a check refusing any document of type `banned`. */
const plugin: LakePlugin = {
  name: 'admin-port-test',
  roles: [
    {
      name: 'auditor',
      title: 'Auditor',
      description: 'Reads everything',
      grants: [{filter: '_id in path("**")', permissions: ['read']}],
      managesProject: false,
    },
  ],
  checkCommit: ({changes}) =>
    changes
      .filter((change) => change.after?._type === 'banned')
      .map((change) => ({
        index: change.index,
        type: 'bannedTypeError',
        description: `${change.id} is banned`,
      })),
}

const work = mkdtempSync(join(tmpdir(), 'ck-admin-port-'))
after(() => rmSync(work, {recursive: true, force: true}))

function ndjson(name: string, docs: Array<Record<string, unknown>>): string {
  const file = join(work, name)
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'))
  return file
}

const first = ndjson('first.ndjson', [
  {_id: 'a', _type: 'note', title: 'A'},
  {_id: 'b', _type: 'note', title: 'B', see: {_type: 'reference', _ref: 'a'}},
])
const banned = ndjson('banned.ndjson', [
  {_id: 'c', _type: 'note'},
  {_id: 'd', _type: 'banned'},
])
const second = ndjson('second.ndjson', [{_id: 'a', _type: 'note', title: 'A again'}])

const failure = (work: Promise<unknown>) =>
  work.then(
    () => 'succeeded',
    (error: Error) => error.message,
  )

/** One run of admin commands; what it answers is what the port did, stripped of what varies. */
async function script(admin: AdminPort, out: string) {
  await admin.createDataset('staging', {aclMode: 'private'})
  const imported = await admin.importFile(first, {dataset: 'staging', mode: 'fail'})
  const existing = await failure(admin.importFile(first, {dataset: 'staging', mode: 'fail'}))
  const refused = await failure(admin.importFile(banned, {dataset: 'staging', mode: 'replace'}))
  const replaced = await admin.importFile(second, {dataset: 'staging', mode: 'replace'})
  await admin.copyDataset('staging', 'backup', {skipHistory: true})
  await admin.deleteDataset('staging')
  const missing = await failure(admin.deleteDataset('staging'))
  const datasets = await admin.listDatasets()

  const ana = await admin.addUser({
    id: 'ana',
    name: 'Ana',
    email: 'ana@example.test',
    role: 'auditor',
  })
  const badRole = await failure(admin.addUser({name: 'X', email: 'x@example.test', role: 'root'}))
  const reissued = await admin.issueToken('ana')
  await admin.addUser({id: 'bo', name: 'Bo', email: 'bo@example.test', role: 'editor'})
  await admin.removeUser('bo')
  const withoutDate = ({createdAt: _, ...user}: LakeUser) => user
  const users = (await admin.listUsers()).map(withoutDate)

  await admin.exportTo(out, 'backup')
  const exported = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((line): Record<string, unknown> => {
      const {_rev, _createdAt, _updatedAt, ...doc} = JSON.parse(line) as Record<string, unknown>
      return {...doc, stamped: [_rev, _createdAt, _updatedAt].every(Boolean)}
    })
    .sort((x, y) => String(x._id).localeCompare(String(y._id)))

  return {
    imported,
    replaced,
    existing: existing !== 'succeeded',
    // All or nothing: the plugin's refusal of `d` keeps `c` out too (the export below).
    refusedByPlugin: refused !== 'succeeded',
    missing: missing !== 'succeeded',
    datasets: [...datasets].sort(),
    ana: withoutDate(ana.user),
    tokens:
      [ana.token, reissued].every((token) => token.startsWith('cku')) && ana.token !== reissued,
    badRole: /"role" must be one of administrator, editor, contributor, auditor, viewer/.test(
      badRole,
    ),
    users,
    exported,
  }
}

test('the admin commands give the same result offline and through a running lake', async () => {
  const offlineDir = join(work, 'offline')
  mkdirSync(offlineDir)
  const admin = openOfflineAdmin({
    dir: offlineDir,
    defaultDataset: 'production',
    projectId: 'admin-port',
    plugins: [plugin],
    lockedHint: (error) => error.message,
  })
  let offline
  try {
    offline = await script(admin, join(work, 'offline.ndjson'))
  } finally {
    admin.close()
  }

  const lake = await startLake({
    port: 0,
    dir: join(work, 'online'),
    projectId: 'admin-port',
    plugins: [plugin],
    quiet: true,
    token: 'admin-port-token',
  })
  let online
  try {
    online = await script(
      httpAdmin({url: lake.url, token: lake.token, projectId: 'admin-port'}),
      join(work, 'online.ndjson'),
    )
  } finally {
    await lake.close()
  }

  assert.deepEqual(online, offline)
  // And what both did is what the commands asked for.
  assert.deepEqual(offline, {
    imported: {documents: 2, assets: 0},
    replaced: {documents: 1, assets: 0},
    existing: true,
    refusedByPlugin: true,
    missing: true,
    datasets: ['backup', 'production'],
    ana: {id: 'ana', name: 'Ana', email: 'ana@example.test', role: 'auditor', imageUrl: null},
    tokens: true,
    badRole: true,
    users: [{id: 'ana', name: 'Ana', email: 'ana@example.test', role: 'auditor', imageUrl: null}],
    exported: [
      {_id: 'a', _type: 'note', title: 'A again', stamped: true},
      {_id: 'b', _type: 'note', title: 'B', see: {_type: 'reference', _ref: 'a'}, stamped: true},
    ],
  })
})
