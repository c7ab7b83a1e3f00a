// Several datasets per lake: the projects API through @sanity/client and plain HTTP, name rules,
// deletion, the registry's events, the folder lock, migration of an old single-store folder,
// the lake CLI's dataset commands and the real Sanity CLI against the lake.
import assert from 'node:assert/strict'
import {execFile, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {datasetDir, type Dataset} from '../../lake/datasets/datasets'
import {FolderLockedError, lockFile} from '../../lake/server/lock'
import {startLake} from '../../lake/server/server'
import {LakeStore} from '../../lake/store/store'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

interface Run {
  code: number
  stdout: string
  stderr: string
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, {env: {...process.env, ...env}}, (error, stdout, stderr) =>
      done({code: error ? Number(error.code ?? 1) : 0, stdout, stderr}),
    )
  })
}

const lakeCli = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/lake.ts', ...args], {
    SANITY_API_TOKEN: '',
    ...env,
  })

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

const api = (path: string, init: RequestInit & {token?: boolean} = {}) =>
  fetch(`${t.lake.url}/v2025-09-16${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token === false ? {} : {authorization: `Bearer ${t.lake.token}`}),
    },
  })

describe('datasets through the projects API', () => {
  it('creates, lists, copies and deletes with @sanity/client', async () => {
    const created = await t.client.datasets.create('staging', {aclMode: 'private'})
    assert.deepEqual(created, {datasetName: 'staging', aclMode: 'private', description: null})
    const listed = await t.client.datasets.list()
    assert.deepEqual(
      listed.map(({name, aclMode}) => ({name, aclMode})),
      [
        {name: 'production', aclMode: 'public'},
        {name: 'staging', aclMode: 'private'},
      ],
    )
    const staging = t.client.withConfig({dataset: 'staging'})
    assert.equal(await staging.fetch('count(*)'), 0)
    await staging.create({_id: 'only-in-staging', _type: 'note'})
    assert.equal(await t.client.getDocument('only-in-staging'), undefined)

    // The CLI's copy request (@sanity/cli services/datasets.js copyDataset).
    const copy = await t.client.request<{jobId: string; datasetName: string}>({
      method: 'PUT',
      url: '/datasets/production/copy',
      body: {targetDataset: 'production-copy', skipHistory: false},
    })
    assert.equal(copy.datasetName, 'production')
    assert.match(copy.jobId, /^jn/)
    const everything = '*[] | order(_id) {_id, _rev, title, question}'
    const copied = t.client.withConfig({dataset: 'production-copy'})
    const [source, target] = await Promise.all([
      t.client.fetch(everything, {}, {perspective: 'raw'}),
      copied.fetch(everything, {}, {perspective: 'raw'}),
    ])
    assert.ok(source.length > 10)
    assert.deepEqual(target, source)
    // History came along (skipHistory false), and the copy is independent of its source.
    const id = 'faq-what-is-chronic-migraine'
    const history = await fetch(
      `${t.lake.url}/v2025-02-19/data/history/production-copy/transactions/${id}`,
      {headers: {authorization: `Bearer ${t.lake.token}`}},
    )
    assert.equal(history.status, 200)
    assert.ok((await history.text()).trim().length > 0)
    // A field outside the reviewed text: the copy's published FAQ keeps its approval.
    await copied.patch(id).set({seoTitle: 'Changed in the copy'}).commit()
    assert.equal((await copied.getDocument(id))?.seoTitle, 'Changed in the copy')
    assert.equal((await t.client.getDocument(id))?.seoTitle, undefined)

    assert.deepEqual(await t.client.datasets.delete('production-copy'), {deleted: true})
    assert.deepEqual(
      (await t.client.datasets.list()).map(({name}) => name),
      ['production', 'staging'],
    )
  })

  it('serves the /projects/<id>/datasets/<name> form over plain HTTP', async () => {
    const put = await api('/projects/clinickit/datasets/qa-1', {
      method: 'PUT',
      body: JSON.stringify({aclMode: 'public'}),
    })
    assert.equal(put.status, 200)
    assert.deepEqual(await put.json(), {datasetName: 'qa-1', aclMode: 'public', description: null})
    const patched = await api('/projects/clinickit/datasets/qa-1', {
      method: 'PATCH',
      body: JSON.stringify({aclMode: 'private'}),
    })
    assert.equal(((await patched.json()) as {aclMode: string}).aclMode, 'private')
    const copy = await api('/projects/clinickit/datasets/qa-1/copy', {
      method: 'POST',
      body: JSON.stringify({targetDataset: 'qa-2', skipHistory: true}),
    })
    assert.equal(copy.status, 200)
    const {jobId} = (await copy.json()) as {jobId: string}
    const job = (await (await api(`/jobs/${jobId}`)).json()) as {state: string}
    assert.equal(job.state, 'completed')
    const listen = await api(`/jobs/${jobId}/listen`)
    assert.match(await listen.text(), /event: job\ndata: \{.*"state":"completed"/)
    const names = ((await (await api('/datasets')).json()) as Array<{name: string}>).map(
      (d) => d.name,
    )
    assert.ok(names.includes('qa-1') && names.includes('qa-2'))
    for (const name of ['qa-1', 'qa-2'])
      assert.equal(
        (await api(`/projects/clinickit/datasets/${name}`, {method: 'DELETE'})).status,
        200,
      )
    const otherProject = await api('/projects/elsewhere/datasets/qa-3', {method: 'PUT'})
    assert.equal(otherProject.status, 404)
  })

  it('refuses invalid names, taken names, unknown datasets and requests without the token', async () => {
    const cases: Array<[string, RegExp]> = [
      ['Staging', /must be all lowercase/],
      ['-staging', /must start with a letter or a number/],
      ['staging-', /must not end with a dash or an underscore/],
      ['sta.ging', /only contain letters, numbers, dashes and underscores/],
      ['a'.repeat(65), /at most 64 characters/],
    ]
    for (const [name, message] of cases) {
      const response = await api(`/datasets/${name}`, {method: 'PUT'})
      assert.equal(response.status, 400, name)
      const body = (await response.json()) as {error: {description: string; type: string}}
      assert.match(body.error.description, message)
      assert.equal(body.error.type, 'validationError')
    }
    assert.equal((await api(`/datasets/${'a'.repeat(64)}`, {method: 'PUT'})).status, 200)
    await api(`/datasets/${'a'.repeat(64)}`, {method: 'DELETE'})

    const taken = await api('/datasets/production', {method: 'PUT'})
    assert.equal(taken.status, 409)
    assert.match(
      ((await taken.json()) as {error: {description: string}}).error.description,
      /already exists/,
    )
    const unknown = await api('/datasets/nowhere', {method: 'DELETE'})
    assert.equal(unknown.status, 404)
    assert.deepEqual(await unknown.json(), {
      error: {description: 'Dataset "nowhere" not found', type: 'notFoundError'},
    })
    const copyUnknown = await api('/datasets/nowhere/copy', {
      method: 'PUT',
      body: JSON.stringify({targetDataset: 'x2'}),
    })
    assert.equal(copyUnknown.status, 404)
    const badAcl = await api('/datasets/acl-test', {
      method: 'PUT',
      body: JSON.stringify({aclMode: 'secret'}),
    })
    assert.equal(badAcl.status, 400)
    assert.equal((await api('/datasets/no-token', {method: 'PUT', token: false})).status, 401)
    const defaultDelete = await api('/datasets/production', {method: 'DELETE'})
    assert.equal(defaultDelete.status, 409)
    // Nothing was created by any of those.
    const names = ((await (await api('/datasets')).json()) as Array<{name: string}>).map(
      (d) => d.name,
    )
    assert.deepEqual(names, ['production', 'staging'])
  })

  it('answers 404 for a deleted dataset at once, and tells listeners', async () => {
    const added: Dataset[] = []
    const removed: Array<{name: string; folderThere: boolean; stillListed: boolean}> = []
    const onAdded = (dataset: Dataset) => added.push(dataset)
    const onRemoved = (name: string) =>
      removed.push({
        name,
        folderThere: existsSync(datasetDir(t.dir, name)),
        stillListed: t.lake.datasets.has(name),
      })
    t.lake.datasets.on('added', onAdded)
    t.lake.datasets.on('removed', onRemoved)
    try {
      await t.client.datasets.create('events')
      assert.equal(added.length, 1)
      assert.equal(added[0]!.name, 'events')
      // Emitted once the store is open: it can be written straight away.
      await added[0]!.store.commit([{create: {_id: 'e1', _type: 'note'}}])
      const events = lakeClient(t.lake.url, t.lake.token).withConfig({dataset: 'events'})
      assert.equal(await events.fetch('count(*)'), 1)
      await t.client.datasets.delete('events')
      assert.deepEqual(removed, [{name: 'events', folderThere: true, stillListed: false}])
      assert.equal(existsSync(datasetDir(t.dir, 'events')), false)
      const query = await fetch(`${t.lake.url}/v2025-02-19/data/query/events?query=count(*)`)
      assert.equal(query.status, 404)
      assert.deepEqual(await query.json(), {
        error: {description: 'Dataset "events" not found', type: 'notFoundError'},
      })
    } finally {
      t.lake.datasets.off('added', onAdded)
      t.lake.datasets.off('removed', onRemoved)
    }
  })
})

describe('the data folder', () => {
  it('is locked while a lake runs; a lock left by a dead process is taken over', async () => {
    await assert.rejects(startLake({port: 0, dir: t.dir, quiet: true}), FolderLockedError)
    const dir = mkdtempSync(join(tmpdir(), 'ck-stale-'))
    try {
      const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)'])
      writeFileSync(lockFile(dir), JSON.stringify({pid: dead.pid, url: null, startedAt: ''}))
      const lake = await startLake({port: 0, dir, quiet: true})
      try {
        const holder = JSON.parse(readFileSync(lockFile(dir), 'utf8')) as {pid: number; url: string}
        assert.deepEqual(holder.pid, process.pid)
        assert.equal(holder.url, lake.url)
      } finally {
        await lake.close()
      }
      assert.equal(existsSync(lockFile(dir)), false)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('moves an old single-store folder into the default dataset once, WAL included', async () => {
    const old = mkdtempSync(join(tmpdir(), 'ck-old-layout-'))
    const crashed = mkdtempSync(join(tmpdir(), 'ck-migrate-'))
    try {
      // A store written the old way, copied while open: the last commits are only in the WAL.
      const store = LakeStore.open(old)
      await store.commit([{create: {_id: 'kept-1', _type: 'note'}}])
      await store.commit([{create: {_id: 'kept-2', _type: 'note'}}])
      for (const name of readdirSync(old)) copyFileSync(join(old, name), join(crashed, name))
      store.close()
      assert.ok(existsSync(join(crashed, 'lake.sqlite-wal')))

      const lake = await startLake({port: 0, dir: crashed, quiet: true})
      try {
        const ids = await lakeClient(lake.url, lake.token).fetch<string[]>('*[] | order(_id)._id')
        assert.deepEqual(ids, ['kept-1', 'kept-2'])
      } finally {
        await lake.close()
      }
      for (const name of ['lake.sqlite', 'lake.sqlite-wal', 'lake.sqlite-shm'])
        assert.equal(existsSync(join(crashed, name)), false, name)
      assert.ok(existsSync(join(datasetDir(crashed, 'production'), 'lake.sqlite')))
      // A second start finds the new layout and leaves it alone.
      const again = await startLake({port: 0, dir: crashed, quiet: true})
      assert.equal(again.store.size, 2)
      await again.close()
    } finally {
      rmSync(old, {recursive: true, force: true})
      rmSync(crashed, {recursive: true, force: true})
    }
  })
})

describe('npm run lake -- dataset …', () => {
  it('works on a stopped lake, and sends a running one to --url', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-dataset-cli-'))
    try {
      const created = await lakeCli(['serve', 'dataset', 'create', 'staging', '--dir', dir])
      assert.equal(created.code, 0, created.stderr)
      const imported = join(dir, 'one.ndjson')
      writeFileSync(imported, `${JSON.stringify({_id: 'one', _type: 'note'})}\n`)
      assert.equal((await lakeCli(['import', imported, '--dir', dir])).code, 0)
      const copied = await lakeCli([
        'serve',
        'dataset',
        'copy',
        'production',
        'backup',
        '--dir',
        dir,
      ])
      assert.equal(copied.code, 0, copied.stderr)
      const listed = await lakeCli(['serve', 'dataset', 'list', '--dir', dir])
      assert.deepEqual(listed.stdout.trim().split('\n'), ['backup', 'production', 'staging'])
      const deleted = await lakeCli(['serve', 'dataset', 'delete', 'staging', '--dir', dir])
      assert.equal(deleted.code, 0, deleted.stderr)
      const bad = await lakeCli(['serve', 'dataset', 'create', 'Nope', '--dir', dir])
      assert.equal(bad.code, 1)
      assert.match(bad.stderr, /must be all lowercase/)

      const lake = await startLake({port: 0, dir, quiet: true})
      try {
        const backup = lakeClient(lake.url, lake.token).withConfig({dataset: 'backup'})
        assert.equal((await backup.getDocument('one'))?._type, 'note')
        const refused = await lakeCli(['serve', 'dataset', 'list', '--dir', dir])
        assert.equal(refused.code, 1)
        assert.ok(
          refused.stderr.includes(`npm run lake -- dataset list --dir ${dir} --url ${lake.url}`),
        )
        const viaUrl = await lakeCli([
          'serve',
          'dataset',
          'create',
          'live',
          '--dir',
          dir,
          '--url',
          lake.url,
        ])
        assert.equal(viaUrl.code, 0, viaUrl.stderr)
        assert.ok(lake.datasets.has('live'))
      } finally {
        await lake.close()
      }
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('the Sanity CLI against the lake', () => {
  const sanity = (args: string[]) =>
    run(resolve('node_modules/.bin/sanity'), args, {
      DO_NOT_TRACK: '1',
      NO_UPDATE_NOTIFIER: '1',
      SANITY_INTERNAL_ENV: t.lake.url.replace('127.0.0.1', 'localhost'),
      SANITY_AUTH_TOKEN: t.lake.token,
      NODE_OPTIONS: `--import=${resolve('lake/server/localhost-resolver.ts')}`,
    })

  it('creates, lists, copies and deletes datasets with sanity dataset …', async () => {
    const create = await sanity(['dataset', 'create', 'cli-made', '--visibility', 'public'])
    assert.equal(create.code, 0, create.stderr)
    assert.match(create.stdout, /Dataset created successfully/)
    const copy = await sanity(['dataset', 'copy', 'cli-made', 'cli-copy', '--skip-history'])
    assert.equal(copy.code, 0, copy.stderr)
    assert.match(copy.stdout, /Job jn\w+ completed/)
    const list = await sanity(['dataset', 'list'])
    assert.equal(list.code, 0, list.stderr)
    const names = list.stdout.trim().split('\n')
    assert.ok(names.includes('cli-made') && names.includes('cli-copy'), list.stdout)
    const remove = await sanity(['dataset', 'delete', 'cli-copy', '--force'])
    assert.equal(remove.code, 0, remove.stderr)
    assert.equal(t.lake.datasets.has('cli-copy'), false)
    assert.equal(t.lake.datasets.has('cli-made'), true)
  })
})
