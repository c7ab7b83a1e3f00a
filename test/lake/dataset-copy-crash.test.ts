// kill -9 during a dataset copy: after a restart the target is complete (with the source's ACL
// mode) or absent, no half-built folder is left, and the copy can be run again.
import assert from 'node:assert/strict'
import type {ChildProcess} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, rmSync, watch} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, it} from 'node:test'
import {DatasetRegistry, datasetsRoot} from '../../lake/datasets/datasets'
import {spawnLakeCli} from '../helpers/lake'

const TOKEN = 'copy-crash-test-token'
const DOCUMENTS = 1000

describe('dataset copy and kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-copy-kill-'))
  let child: ChildProcess | undefined
  after(() => {
    child?.kill('SIGKILL')
    rmSync(dir, {recursive: true, force: true})
  })

  const api = (url: string, path: string, init: RequestInit = {}) =>
    fetch(`${url}/v2025-09-16${path}`, {
      ...init,
      headers: {authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json'},
    })
  const count = async (url: string, dataset: string) => {
    const query = encodeURIComponent('count(*[_type == "entry"])')
    const response = await api(url, `/data/query/${dataset}?query=${query}`)
    const text = await response.text()
    assert.equal(response.status, 200, text)
    return (JSON.parse(text) as {result: number}).result
  }
  const aclMode = async (url: string, dataset: string) => {
    const list = (await (await api(url, '/datasets')).json()) as Array<{
      name: string
      aclMode: string
    }>
    return list.find((info) => info.name === dataset)?.aclMode
  }

  it('leaves the target complete or absent, with the source ACL, and a retry succeeds', async () => {
    // A private source of 1,000 documents of 40 KB each, so the copy takes a while.
    const registry = DatasetRegistry.open(dir, 'production')
    try {
      const source = registry.create('source', {aclMode: 'private'})
      const filler = 'x'.repeat(40_000)
      await source.store.commit(
        Array.from({length: DOCUMENTS}, (_, i) => ({
          create: {_id: `entry-${i}`, _type: 'entry', i, filler},
        })),
      )
    } finally {
      registry.close()
    }

    const first = await spawnLakeCli(dir, {SANITY_API_TOKEN: TOKEN})
    child = first.child
    const root = datasetsRoot(dir)
    const before = new Set(readdirSync(root))
    // Kill the lake the moment the copy puts anything into the datasets folder.
    const started = new Promise<void>((resolve) => {
      const watcher = watch(root, () => {
        if (readdirSync(root).some((name) => !before.has(name))) {
          watcher.close()
          resolve()
        }
      })
    })
    const copying = api(first.url, '/datasets/source/copy', {
      method: 'PUT',
      body: JSON.stringify({targetDataset: 'target'}),
    }).catch(() => undefined)
    await started
    first.child.kill('SIGKILL')
    const answer = await copying
    assert.equal(answer, undefined, 'the copy finished before the kill; the test needs more data')

    const second = await spawnLakeCli(dir, {SANITY_API_TOKEN: TOKEN})
    child = second.child
    assert.deepEqual(
      readdirSync(root).filter((name) => name.startsWith('.')),
      [],
      'no half-built dataset folder is left after the restart',
    )
    if (existsSync(join(root, 'target'))) {
      assert.equal(await count(second.url, 'target'), DOCUMENTS)
      assert.equal(await aclMode(second.url, 'target'), 'private')
      const again = await api(second.url, '/datasets/source/copy', {
        method: 'PUT',
        body: JSON.stringify({targetDataset: 'target-again'}),
      })
      assert.equal(again.status, 200, await again.text())
    } else {
      assert.equal(await aclMode(second.url, 'target'), undefined)
      const retry = await api(second.url, '/datasets/source/copy', {
        method: 'PUT',
        body: JSON.stringify({targetDataset: 'target'}),
      })
      const text = await retry.text()
      assert.equal(retry.status, 200, text)
      assert.equal((JSON.parse(text) as {aclMode: string}).aclMode, 'private')
      assert.equal(await count(second.url, 'target'), DOCUMENTS)
      assert.equal(await aclMode(second.url, 'target'), 'private')
    }
  })
})
