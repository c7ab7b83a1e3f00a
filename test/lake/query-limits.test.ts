// Every query limit answers with its own error and status; diff:: works in queries, delta:: in
// listen filters (and is refused in queries, as Sanity refuses it).
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {SanityClient} from '@sanity/client'
import {SAMPLE_PATH} from '../../content/build'
import {MAX_GET_SEARCH_BYTES, MAX_PARAMS_BYTES, MAX_QUERY_BYTES} from '../../lake/query/limits'
import {startLake, type RunningLake} from '../../lake/server/server'
import {lakeClient} from '../helpers/lake'

const MAX_RESULT_BYTES = 20_000

let lake: RunningLake
let dir: string
let client: SanityClient

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ck-limits-'))
  lake = await startLake({
    port: 0,
    dir,
    seed: SAMPLE_PATH,
    quiet: true,
    maxResultBytes: MAX_RESULT_BYTES,
  })
  client = lakeClient(lake.url, lake.token)
})
after(async () => {
  await lake?.close()
  rmSync(dir, {recursive: true, force: true})
})

interface Answer {
  result: unknown[]
  error: {type: string; description: string; limit?: number; start: number; end: number}
}

const endpoint = () => `${lake.url}/v2025-02-19/data/query/production`

async function post(body: unknown) {
  const response = await fetch(endpoint(), {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(body),
  })
  return {status: response.status, body: (await response.json()) as Answer}
}

/** A valid query of about `bytes` bytes: a long string literal compared with itself. */
const longQuery = (bytes: number) => `count(*[_type == "${'x'.repeat(bytes)}"])`

describe('query limits', () => {
  it('refuses a GET query string over 11 KB with 414, and serves the same query over POST', async () => {
    const query = longQuery(MAX_GET_SEARCH_BYTES)
    const response = await fetch(`${endpoint()}?query=${encodeURIComponent(query)}`)
    assert.equal(response.status, 414)
    const body = (await response.json()) as {error: {type: string; description: string}}
    assert.equal(body.error.type, 'queryTooLargeError')
    assert.match(body.error.description, /11 KB: send the query with POST/)
    // @sanity/client POSTs a query this long by itself.
    assert.equal(await client.fetch(query), 0)
  })

  it('refuses a query over 300 KB with 413 queryTooLargeError', async () => {
    const {status, body} = await post({query: longQuery(MAX_QUERY_BYTES)})
    assert.equal(status, 413)
    assert.equal(body.error.type, 'queryTooLargeError')
    assert.equal(body.error.limit, MAX_QUERY_BYTES)
    assert.match(body.error.description, /300 KB/)
    const fits = await post({query: longQuery(MAX_QUERY_BYTES - 100)})
    assert.equal(fits.status, 200)
  })

  it('refuses parameters over 1 MB with 413 paramsTooLargeError', async () => {
    const big = 'y'.repeat(MAX_PARAMS_BYTES)
    const {status, body} = await post({query: 'count(*[_id == $id])', params: {id: big}})
    assert.equal(status, 413)
    assert.equal(body.error.type, 'paramsTooLargeError')
    assert.equal(body.error.limit, MAX_PARAMS_BYTES)
  })

  it('refuses a result over the limit with 422 resultTooLargeError, and serves a smaller one', async () => {
    const {status, body} = await post({query: '*'})
    assert.equal(status, 422)
    assert.equal(body.error.type, 'resultTooLargeError')
    assert.equal(body.error.limit, MAX_RESULT_BYTES)
    const small = await post({query: '*[_type == "faq"][0...2]._id'})
    assert.equal(small.status, 200)
    assert.equal(small.body.result.length, 2)
  })

  it('keeps the 400 queryParseError with start and end for malformed GROQ', async () => {
    const {status, body} = await post({query: '*[_type == '})
    assert.equal(status, 400)
    assert.equal(body.error.type, 'queryParseError')
    assert.equal(typeof body.error.start, 'number')
    assert.equal(typeof body.error.end, 'number')
  })
})

describe('diff:: and delta::', () => {
  it('evaluates diff::changedAny and diff::changedOnly in queries', async () => {
    assert.equal(await client.fetch('diff::changedAny({"a":1},{"a":2},(a))'), true)
    assert.equal(await client.fetch('diff::changedAny({"a":1,"b":1},{"a":1,"b":2},(a))'), false)
    assert.equal(await client.fetch('diff::changedOnly({"a":1,"b":1},{"a":2,"b":1},(a))'), true)
    assert.equal(await client.fetch('diff::changedOnly({"a":1,"b":1},{"a":2,"b":2},(a))'), false)
    // Over documents too: every FAQ differs from the first one in its question.
    const changed = await client.fetch<boolean[]>(
      '*[_type == "faq"] | order(_id)[1...3]{"d": diff::changedAny(*[_type == "faq"] | order(_id)[0], @, (question))}.d',
    )
    assert.deepEqual(changed, [true, true])
  })

  it('refuses delta:: in a query with queryParseError pointing at it', async () => {
    const query = '*[_type == "faq" && delta::changedAny(question)]'
    const {status, body} = await post({query})
    assert.equal(status, 400)
    assert.equal(body.error.type, 'queryParseError')
    assert.equal(query.slice(body.error.start, body.error.end), 'delta::changedAny')
    assert.match(body.error.description, /listen filters only/)
  })

  it('evaluates delta:: in listen filters against the change', async () => {
    await client.createOrReplace({_id: 'delta-probe', _type: 'deltaProbe', title: 'A', n: 0})
    const filter = '*[_type == "deltaProbe" && delta::changedAny(title)]'
    const controller = new AbortController()
    const response = await fetch(
      `${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent(filter)}`,
      {headers: {authorization: `Bearer ${lake.token}`}, signal: controller.signal},
    )
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    while (!text.includes('event: welcome')) text += (await reader.read()).value ?? ''
    const untouched = await client.patch('delta-probe').set({n: 1}).commit()
    const retitled = await client.patch('delta-probe').set({title: 'B'}).commit()
    while (!text.includes('event: mutation')) text += (await reader.read()).value ?? ''
    while (!text.slice(text.indexOf('event: mutation')).includes('\n\n'))
      text += (await reader.read()).value ?? ''
    controller.abort()
    const data = /event: mutation\ndata: (.*)\n/.exec(text)![1]!
    // The first event is the title change: the patch of n alone did not match.
    const event = JSON.parse(data) as {transactionId: string; documentId: string}
    assert.equal(event.documentId, 'delta-probe')
    assert.equal(event.transactionId, retitled._rev)
    assert.notEqual(event.transactionId, untouched._rev)
  })
})
