// One client cannot hold every query worker: hostile clients running expensive queries (or
// listening with an expensive filter) leave a worker to everyone else, so another client's
// simple queries stay fast; a client's waiting queries are bounded and answered 429 past it.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {RunningLake} from '../../lake/server/server'
import {startTestLake, type TestLake} from '../helpers/lake'

const TIMEOUT_MS = 2000
/** About 0.4 s of backtracking in groq-js's glob matcher (a different query each time). */
const expensive = (nonce: string) => `["${nonce}", "${'a'.repeat(32)}" match "*a*a*a*a*a*a*a*a*b"]`
/** 15 s of backtracking: past the time limit. */
const RUNAWAY = `"${'a'.repeat(45)}" match "*a*a*a*a*a*a*a*a*b"`

let lake: RunningLake
let testLake: TestLake
const tokens: string[] = []

before(async () => {
  testLake = await startTestLake(undefined, {
    queryTimeoutMs: TIMEOUT_MS,
    queryWorkers: 2,
    queryFairness: {maxQueuedPerClient: 4},
  })
  lake = testLake.lake
  for (let i = 0; i < 6; i++)
    tokens.push(
      lake.users.add({name: `Reader ${i}`, email: `reader${i}@example.test`, role: 'viewer'}).token,
    )
  await lake.queries.ready()
})
after(() => testLake?.close())

async function query(text: string, token?: string) {
  const started = performance.now()
  const response = await fetch(
    `${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent(text)}`,
    {headers: token ? {authorization: `Bearer ${token}`} : {}},
  )
  const body = (await response.json()) as Record<string, unknown>
  return {status: response.status, body, headers: response.headers, ms: performance.now() - started}
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!

/** The p95 of 100 simple queries from the last token's client. */
async function simpleP95(round: string): Promise<number> {
  const simple = tokens[5]!
  const times: number[] = []
  for (let i = 0; i < 100; i++) {
    const {status, body, ms} = await query(
      `count(*[_type == "faq" && "${round}${i}" != ""])`,
      simple,
    )
    assert.equal(status, 200)
    assert.equal(body.result, 10)
    times.push(ms)
  }
  return percentile(times, 0.95)
}

/**
 * Each hostile client keeps two expensive queries going until stopped; resolves once every one
 * of them has had two answers (its first long query, which may take the last worker before the
 * lake knows the client as heavy, is behind it), with a function that stops them all.
 */
async function hostile(clients: Array<string | undefined>) {
  let stopped = false
  const answered = clients.map(() => 0)
  let warm!: () => void
  const warmed = new Promise<void>((resolve) => (warm = resolve))
  let n = 0
  const loops = clients.flatMap((token, index) =>
    [0, 1].map(async () => {
      while (!stopped) {
        const {status} = await query(expensive(`h${index}-${n++}`), token)
        assert.ok([200, 429, 504].includes(status), `hostile query answered ${status}`)
        answered[index]!++
        if (answered.every((count) => count > 1)) warm()
      }
    }),
  )
  await warmed
  return async () => {
    stopped = true
    await Promise.all(loops)
  }
}

describe('fair query service', () => {
  for (const [name, clients] of [
    ['two hostile signed-in clients', [tokens, 2] as const],
    ['five hostile clients (four tokens and anonymous)', [tokens, 5] as const],
  ] as const) {
    it(`keeps another client's simple-query p95 under 100 ms beside ${name}`, async () => {
      const [all, count] = clients
      const hostileClients: Array<string | undefined> = all.slice(0, Math.min(count, 4))
      if (count === 5) hostileClients.push(undefined)
      const alone = await simpleP95(`alone-${count}-`)
      const stop = await hostile(hostileClients)
      let beside: number
      try {
        beside = await simpleP95(`beside-${count}-`)
      } finally {
        await stop()
      }
      console.log(
        `simple-query p95: ${alone.toFixed(1)} ms alone, ${beside.toFixed(1)} ms beside ${name}`,
      )
      assert.ok(beside < 100, `simple-query p95 ${beside.toFixed(1)} ms beside ${name}`)
    })
  }

  it("answers 429 with Retry-After and Sanity's rate-limit body past the per-client queue", async () => {
    const answers = await Promise.all(
      Array.from({length: 8}, (_, i) => query(expensive(`burst-${i}`))),
    )
    const limited = answers.filter((answer) => answer.status === 429)
    // One runs, four wait: the other three are refused at once.
    assert.equal(limited.length, 3)
    assert.equal(answers.filter((answer) => answer.status === 200).length, 5)
    for (const {body, headers, ms} of limited) {
      assert.equal(body.message, 'API rate limit exceeded')
      assert.equal((body.error as {type: string}).type, 'rateLimitError')
      assert.ok(Number(headers.get('retry-after')) >= 1)
      assert.ok(ms < 1000, `refused after ${ms} ms`)
    }
  })
})

describe('listen filters share the workers fairly', () => {
  it('closes listeners whose filter runs past the limit with channelError, while other clients are served', async () => {
    const open = async () => {
      const controller = new AbortController()
      const response = await fetch(
        `${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent(`*[_type == "fairProbe" && ${RUNAWAY}]`)}`,
        {signal: controller.signal},
      )
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
      let text = ''
      while (!text.includes('event: welcome')) text += (await reader.read()).value ?? ''
      const rest = (async () => {
        for (;;) {
          const {value, done} = await reader.read()
          if (done) return text
          text += value
        }
      })()
      return {rest, controller}
    }
    // Three anonymous listeners with an expensive filter: each commit costs them 2 s apiece.
    const listeners = await Promise.all([open(), open(), open()])
    const robot = lake.token
    const commit = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: {authorization: `Bearer ${robot}`, 'content-type': 'application/json'},
      body: JSON.stringify({mutations: [{createOrReplace: {_id: 'fair-1', _type: 'fairProbe'}}]}),
    })
    assert.equal(commit.status, 200)
    // Simple queries from a signed-in client for as long as the listeners' filters run.
    let closed = false
    const texts = Promise.all(listeners.map(({rest}) => rest)).finally(() => (closed = true))
    const times: number[] = []
    while (!closed) {
      const {status, body, ms} = await query(
        `count(*[_type == "faq" && "listening${times.length}" != ""])`,
        tokens[5],
      )
      assert.equal(status, 200)
      assert.equal(body.result, 10)
      times.push(ms)
    }
    const slowest = Math.max(...times)
    console.log(
      `beside three expensive listeners: ${times.length} simple queries, p95 ${percentile(times, 0.95).toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms`,
    )
    assert.ok(slowest < 250, `a simple query waited ${slowest.toFixed(1)} ms`)
    for (const text of await texts) {
      assert.match(text, /event: channelError\ndata: .*longer than the lake's limit of 2 s/)
      assert.doesNotMatch(text, /event: mutation/)
    }
  })
})
