// Queries run in worker threads under a time limit: a runaway query ends at the limit with
// queryTimeoutError, its worker is replaced, and nothing else waits for it.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {SanityClient} from '@sanity/client'
import {SAMPLE_PATH} from '../../content/build'
import {startLake, type RunningLake} from '../../lake/server/server'
import {lakeClient} from '../helpers/lake'

const TIMEOUT_MS = 1500
/** 15 s of backtracking in groq-js's glob matcher. */
const BACKTRACKING = '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" match "*a*a*a*a*a*a*a*a*b"'
/** Nested scans: (documents)^7 evaluations, hours over the sample. */
const NESTED_COUNTS =
  'count(*[count(*[count(*[count(*[count(*[count(*[count(*[true])>0])>0])>0])>0])>0])>0])'
/** Nested projections of everything: runs long, then runs out of memory. */
const NESTED_PROJECTIONS = '*{"a":*{"b":*{"c":*{"d":*}}}}'

let lake: RunningLake
let dir: string
let client: SanityClient

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ck-pool-'))
  lake = await startLake({
    port: 0,
    dir,
    seed: SAMPLE_PATH,
    quiet: true,
    queryTimeoutMs: TIMEOUT_MS,
    queryWorkers: 2,
  })
  client = lakeClient(lake.url, lake.token)
  await lake.queries.ready()
})
after(async () => {
  await lake?.close()
  rmSync(dir, {recursive: true, force: true})
})

async function rawQuery(query: string) {
  const started = performance.now()
  const response = await fetch(
    `${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent(query)}`,
  )
  const body = (await response.json()) as {result?: unknown; error?: Record<string, unknown>}
  return {status: response.status, body, ms: performance.now() - started}
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!

describe('query time limit', () => {
  it('answers simple queries promptly while a runaway query runs, and stops that one at the limit', async () => {
    const expected = await client.fetch<number>('count(*[_type == "faq"])')
    const simpleQueries = async (round: string) => {
      const times: number[] = []
      for (let i = 0; i < 50; i++) {
        const started = performance.now()
        // A different query each time, so the result cache cannot answer it.
        const count = await client.fetch<number>(`count(*[_type == "faq" && "${round}${i}" != ""])`)
        times.push(performance.now() - started)
        assert.equal(count, expected)
      }
      return percentile(times, 0.95)
    }
    const alone = await simpleQueries('alone')
    const slow = rawQuery(BACKTRACKING)
    const beside = await simpleQueries('beside')
    // 100 ms on a quiet machine; on a busy one, no worse than 5× the same queries alone (were
    // they queued behind the runaway query, they would wait for the whole 1.5 s).
    const bound = Math.max(100, 5 * alone)
    assert.ok(
      beside < bound,
      `simple query p95 ${beside.toFixed(1)} ms beside a runaway query, ${alone.toFixed(1)} ms alone`,
    )

    const {status, body, ms} = await slow
    assert.equal(status, 504)
    assert.equal(body.error?.type, 'queryTimeoutError')
    assert.match(String(body.error?.description), /longer than the lake's limit of 1\.5 s/)
    assert.equal(body.error?.limit, TIMEOUT_MS)
    assert.ok(ms >= TIMEOUT_MS - 50 && ms < TIMEOUT_MS + 3000, `timed out after ${ms} ms`)
  })

  it('replaces the stopped worker: the lake answers right after, with commits made meanwhile', async () => {
    const slow = rawQuery(NESTED_COUNTS)
    // Committed while the runaway query holds a worker: the fresh worker must see it.
    await client.createOrReplace({_id: 'pool-during', _type: 'poolProbe', n: 1})
    const {status, body} = await slow
    assert.equal(status, 504)
    assert.equal(body.error?.type, 'queryTimeoutError')
    // Once the fresh worker is up, concurrent queries reach both workers.
    await lake.queries.ready()
    const answers = await Promise.all(
      Array.from({length: 4}, () => client.fetch<number[]>('*[_type == "poolProbe"].n')),
    )
    for (const answer of answers) assert.deepEqual(answer, [1])
    await client.patch('pool-during').set({n: 2}).commit()
    assert.deepEqual(await client.fetch('*[_type == "poolProbe"].n'), [2])
  })

  it('stops two runaway queries at once, then serves again', async () => {
    const [first, second] = await Promise.all([
      rawQuery(NESTED_PROJECTIONS),
      rawQuery(BACKTRACKING),
    ])
    assert.equal(first.status, 504)
    assert.equal(second.status, 504)
    const {status, body} = await rawQuery('count(*[_type == "faq"])')
    assert.equal(status, 200)
    assert.equal(body.result, 10)
  })

  it('time-limits listen filters: a runaway filter ends its stream with channelError', async () => {
    const controller = new AbortController()
    const response = await fetch(
      `${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent(`*[${BACKTRACKING}]`)}`,
      {headers: {authorization: `Bearer ${lake.token}`}, signal: controller.signal},
    )
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    while (!text.includes('event: welcome')) text += (await reader.read()).value ?? ''
    await client.createOrReplace({_id: 'pool-listen', _type: 'poolProbe', n: 3})
    for (;;) {
      const {value, done} = await reader.read()
      if (done) break
      text += value
    }
    assert.match(text, /event: channelError\ndata: .*longer than the lake's limit/)
    assert.doesNotMatch(text, /event: mutation/)
    controller.abort()
  })
})

describe('npm run lake -- --query-timeout', () => {
  it('sets the limit, with the workers running under the tsx command line', async () => {
    const cliDir = mkdtempSync(join(tmpdir(), 'ck-cli-'))
    const child = spawn(
      join('node_modules', '.bin', 'tsx'),
      ['scripts/lake.ts', 'serve', '--port', '0', '--dir', cliDir, '--query-timeout', '1'],
      {stdio: ['ignore', 'pipe', 'inherit']},
    )
    try {
      let output = ''
      child.stdout.setEncoding('utf8')
      while (!/listening on \S+\n[^]*queries stop after [^\n]*\n/.test(output)) {
        const [chunk] = (await once(child.stdout, 'data')) as [string]
        output += chunk
      }
      const url = /listening on (\S+)/.exec(output)![1]!
      assert.match(output, /queries stop after 1 s/)
      const response = await fetch(
        `${url}/v2025-02-19/data/query/production?query=${encodeURIComponent(BACKTRACKING)}`,
      )
      const body = (await response.json()) as {error: {type: string; limit: number}}
      assert.equal(response.status, 504)
      assert.deepEqual([body.error.type, body.error.limit], ['queryTimeoutError', 1000])
      const count = await fetch(`${url}/v2025-02-19/data/query/production?query=count(*)`)
      assert.equal(count.status, 200)
    } finally {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
      rmSync(cliDir, {recursive: true, force: true})
    }
  })
})
