// The lake's CORS: the allowlist (credentials), partner sites (read-only, no credentials) and
// everyone else (no CORS headers), as browsers see them.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {originRule} from '../../lake/server/cors'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

const QUERY = '/v2025-02-19/data/query/production?query=count(*%5B_type%3D%3D%22faq%22%5D)'
const RIVERBEND = 'https://www.riverbend-family.example'

/** A request as a page on `origin` makes it; the response's CORS headers. */
async function corsFrom(origin: string, init: RequestInit & {path?: string} = {}) {
  const response = await fetch(`${t.lake.url}${init.path ?? QUERY}`, {
    ...init,
    headers: {origin, ...(init.headers as Record<string, string>)},
  })
  await response.arrayBuffer()
  return {
    status: response.status,
    origin: response.headers.get('access-control-allow-origin'),
    credentials: response.headers.get('access-control-allow-credentials'),
    methods: response.headers.get('access-control-allow-methods'),
  }
}

const preflight = (origin: string) =>
  corsFrom(origin, {
    method: 'OPTIONS',
    path: '/v2025-02-19/data/mutate/production',
    headers: {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  })

describe('CORS', () => {
  it('lets local origins read and write with credentials', async () => {
    const read = await corsFrom('http://localhost:5173')
    assert.deepEqual([read.origin, read.credentials], ['http://localhost:5173', 'true'])
    const write = await preflight('http://localhost:5173')
    assert.equal(write.status, 204)
    assert.match(String(write.methods), /POST/)
  })

  it('lets a partner’s sites read published content, without credentials or writes', async () => {
    const read = await corsFrom(RIVERBEND)
    assert.equal(read.status, 200)
    assert.deepEqual([read.origin, read.credentials], [RIVERBEND, null])
    // No preflight for a partner: a browser there can't send the token or mutate.
    const write = await preflight(RIVERBEND)
    assert.deepEqual([write.origin, write.methods], [null, null])
  })

  it('gives other origins no CORS headers', async () => {
    const read = await corsFrom('https://elsewhere.example')
    assert.deepEqual([read.origin, read.credentials], [null, null])
    const write = await preflight('https://elsewhere.example')
    assert.deepEqual([write.origin, write.methods], [null, null])
  })

  it('follows the partners as editors publish them, not their drafts', async () => {
    const origin = 'https://www.new-partner.example'
    const partner = {
      _type: 'partner',
      name: 'New Partner Clinic',
      slug: {_type: 'slug', current: 'new-partner'},
      allowedOrigins: [origin],
    }
    await t.client.createOrReplace({_id: 'drafts.partner-new', ...partner})
    assert.equal((await corsFrom(origin)).origin, null)
    await t.client.createOrReplace({_id: 'partner-new', ...partner})
    assert.equal((await corsFrom(origin)).origin, origin)
    await t.client.delete('partner-new')
    assert.equal((await corsFrom(origin)).origin, null)
    await t.client.delete('drafts.partner-new')
  })

  it('reads CK_LAKE_CORS_ORIGINS as a comma-separated list with * wildcards', () => {
    const rule = originRule('https://*.clinic.example, http://intranet:8080')
    assert.ok(rule('https://www.clinic.example'))
    assert.ok(rule('http://intranet:8080'))
    assert.ok(!rule('https://clinic.example.evil.example'))
    assert.ok(!rule('http://localhost:5173'))
  })
})
