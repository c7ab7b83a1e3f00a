// The Studio's check of a clinician's linked user, against a real lake's users endpoint.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {linkedUserExists, noUserMessage} from '../studio/medical-review/inputs/linkedUserRule'
import {lakeClient, startTestLake, type TestLake} from './helpers/lake'

let t: TestLake
let request: (url: string) => Promise<unknown>
before(async () => {
  t = await startTestLake()
  const {token} = t.lake.users.add({
    id: 'clinician-sloane-yu',
    name: 'Dr. Sloane Yu',
    email: 'sloane.yu@example.test',
    role: 'medicalReviewer',
  })
  const client = lakeClient(t.lake.url, token)
  request = (url) => client.request({url})
})
after(() => t?.close())

describe('linkedUserExists', () => {
  it('accepts the id of a lake user, and an empty field', async () => {
    assert.equal(await linkedUserExists('clinician-sloane-yu', request), true)
    assert.equal(await linkedUserExists(' ', request), true)
    assert.equal(await linkedUserExists(undefined, request), true)
  })

  it('names an id that matches no user', async () => {
    assert.equal(await linkedUserExists('dr-nobody', request), noUserMessage('dr-nobody'))
    assert.match(noUserMessage('dr-nobody'), /^No Studio user with id “dr-nobody”/)
  })

  it('does not count an outage against the id', async () => {
    const down = () => Promise.reject(Object.assign(new Error('socket hang up'), {statusCode: 502}))
    assert.equal(await linkedUserExists('clinician-sloane-yu', down), true)
  })
})
