// Concurrent writers and a hard kill: every acknowledged transaction survives.
import assert from 'node:assert/strict'
import type {ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, it} from 'node:test'
import {datasetDir} from '../../lake/datasets/datasets'
import {LakeStore} from '../../lake/store/store'
import {lakeClient, spawnLakeCli, startTestLake} from '../helpers/lake'

describe('durability', () => {
  it('20 concurrent writers × 100 inc patches leave the counter at exactly 2000', async () => {
    const t = await startTestLake(undefined)
    try {
      await t.client.create({_id: 'counter', _type: 'counter', n: 0})
      await Promise.all(
        Array.from({length: 20}, async () => {
          for (let i = 0; i < 100; i++) await t.client.patch('counter').inc({n: 1}).commit()
        }),
      )
      assert.equal((await t.client.getDocument('counter'))?.n, 2000)
    } finally {
      await t.close()
    }
  })

  const dir = mkdtempSync(join(tmpdir(), 'ck-kill-'))
  let child: ChildProcess | undefined
  after(() => {
    child?.kill('SIGKILL')
    rmSync(dir, {recursive: true, force: true})
  })

  const startCli = () => spawnLakeCli(dir, {SANITY_API_TOKEN: 'durability-test-token'})

  it('kill -9 during a write loop loses no acknowledged transaction', async () => {
    const first = await startCli()
    child = first.child
    const client = lakeClient(first.url, 'durability-test-token')
    const acknowledged: string[] = []
    let stop = false
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const doc = await client.create({_id: `entry-${i}`, _type: 'entry', i})
          acknowledged.push(doc._id)
        } catch {
          return // the lake is gone
        }
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    child.kill('SIGKILL')
    stop = true
    await writer
    assert.ok(acknowledged.length > 10, `only ${acknowledged.length} writes acknowledged`)

    // The store opens cleanly and holds every acknowledged document.
    const store = LakeStore.open(datasetDir(dir, 'production'))
    const ids = new Set([...store.all()].map((doc) => doc._id))
    store.close()
    assert.deepEqual(
      acknowledged.filter((id) => !ids.has(id)),
      [],
    )

    const second = await startCli()
    child = second.child
    const count = await lakeClient(second.url, 'durability-test-token').fetch<number>(
      'count(*[_type == "entry"])',
    )
    assert.ok(count >= acknowledged.length)
  })
})
