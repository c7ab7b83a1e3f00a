// Who changed a draft since its last approval (studio/medical-review/data/records.ts authorsSince), read with a
// real @sanity/client from a real lake’s history API: the authors are right and the client logs no
// warning about the request.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {authorsSince} from '../studio/medical-review/data/records'
import {lakeClient, startTestLake, type TestLake} from './helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(() => t?.close())

/** Runs `fn`, collecting what it logs with console.warn and console.error. */
async function logged<T>(fn: () => Promise<T>): Promise<{value: T; messages: string[]}> {
  const messages: string[] = []
  const {warn, error} = console
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '))
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '))
  try {
    return {value: await fn(), messages}
  } finally {
    console.warn = warn
    console.error = error
  }
}

describe('authorsSince', () => {
  it('names who wrote the draft, from the history API, and logs nothing', async () => {
    const id = 'drafts.faq-history-authors'
    const client = lakeClient(t.lake.url, t.lake.token)
    await client.create({_id: id, _type: 'faq', question: 'Is it a migraine?'})
    await client.patch(id).set({question: 'Is it a migraine or a headache?'}).commit()
    // Every call, so a warning printed once per process cannot hide behind an earlier call.
    for (const fromTime of [undefined, '2000-01-01T00:00:00Z']) {
      const {value, messages} = await logged(() => authorsSince(client, id, fromTime))
      assert.equal(value.length, 1, `one author: ${value.join(', ')}`)
      assert.deepEqual(messages, [], 'the client logs no warning')
    }
    const {value: later} = await logged(() => authorsSince(client, id, '2999-01-01T00:00:00Z'))
    assert.deepEqual(later, [], 'no change after a time to come')
  })
})
