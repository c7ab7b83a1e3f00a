// The URLs the built-in client asks for, in the shape of Sanity's HTTP API: GROQ queries from the
// API CDN, which serves only /data/query, and the listen stream from the live API.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {DEFAULT_CONFIG, dataUrl, type WidgetConfig} from './config'

const hosted: WidgetConfig = {
  ...DEFAULT_CONFIG,
  apiHost: 'hosted',
  projectId: 'abc123',
  dataset: 'production',
  apiVersion: 'v2025-02-19',
}

describe('content service URLs', () => {
  it('query a hosted project through the API CDN, parameters as JSON', () => {
    const url = new URL(dataUrl(hosted, 'query', '*[slug == $slug]', {slug: 'a b', n: 2}, {}))
    assert.equal(url.origin, 'https://abc123.apicdn.sanity.io')
    assert.equal(url.pathname, '/v2025-02-19/data/query/production')
    assert.equal(url.searchParams.get('query'), '*[slug == $slug]')
    assert.equal(url.searchParams.get('$slug'), '"a b"')
    assert.equal(url.searchParams.get('$n'), '2')
  })

  it('listen to a hosted project on the live API: the CDN does not serve listeners', () => {
    const url = new URL(
      dataUrl(hosted, 'listen', '*[_type == "faq"]', {}, {includeResult: 'false'}),
    )
    assert.equal(url.origin, 'https://abc123.api.sanity.io')
    assert.equal(url.pathname, '/v2025-02-19/data/listen/production')
    assert.equal(url.searchParams.get('includeResult'), 'false')
  })

  it('ask a lake at its own address for both, without a trailing slash doubling', () => {
    const lake = {...DEFAULT_CONFIG, apiHost: 'http://127.0.0.1:3030/'}
    for (const endpoint of ['query', 'listen'] as const)
      assert.equal(
        dataUrl(lake, endpoint, '*', {}, {}).split('?')[0],
        `http://127.0.0.1:3030/v2025-02-19/data/${endpoint}/production`,
      )
  })
})
