// Requests that would cost the lake without bound are refused quickly with a client error:
// history for too many ids, and an SVG whose nested <use> would draw billions of shapes (its
// failure remembered, so asking again costs nothing).
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {MAX_HISTORY_IDS} from '../../lake/history/history-route'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

describe('history cost limits', () => {
  it(`answers 400 for more than ${MAX_HISTORY_IDS} ids, and serves ${MAX_HISTORY_IDS}`, async () => {
    const ids = (n: number) => Array.from({length: n}, (_, i) => `doc-${i}`).join(',')
    const history = (n: number) =>
      fetch(`${t.lake.url}/v2025-02-19/data/history/production/transactions/${ids(n)}`, {
        headers: {authorization: `Bearer ${t.lake.token}`},
      })
    const refused = await history(1100)
    assert.equal(refused.status, 400)
    const body = (await refused.json()) as {
      error: {type: string; description: string; limit: number}
    }
    assert.equal(body.error.type, 'validationError')
    assert.equal(body.error.limit, MAX_HISTORY_IDS)
    assert.match(body.error.description, /at most 200 document ids/)
    const served = await history(MAX_HISTORY_IDS)
    assert.equal(served.status, 200)
  })
})

/**
 * 1.2 KB of SVG: six levels of ten <use> each, 10^6 rectangles. librsvg gives up on it after
 * 500,000 references, seconds later.
 */
function nestedUseSvg(): string {
  const levels = ['<rect id="l0" width="10" height="10"/>']
  for (let level = 1; level <= 6; level++)
    levels.push(`<g id="l${level}">${`<use href="#l${level - 1}"/>`.repeat(10)}</g>`)
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">' +
    `<defs>${levels.join('')}</defs><use href="#l6"/></svg>`
  )
}

describe('image render limits', () => {
  it('refuses an SVG of nested <use> quickly with 422, and answers a repeat from the failure cache', async () => {
    const svg = nestedUseSvg()
    assert.ok(svg.length < 1500, `${svg.length} bytes`)
    const asset = await t.client.assets.upload('image', Buffer.from(svg), {
      filename: 'nested.svg',
      contentType: 'image/svg+xml',
    })
    for (const width of [100, 200]) {
      const first = performance.now()
      const refused = await fetch(`${asset.url}?w=${width}&fm=png`)
      const firstMs = performance.now() - first
      assert.equal(refused.status, 422)
      const body = (await refused.json()) as {error: {type: string; description: string}}
      assert.equal(body.error.type, 'imageTooComplexError')
      assert.match(body.error.description, /draws \d+ elements/)
      assert.ok(firstMs < 2000, `refused after ${firstMs.toFixed(0)} ms`)
      const again = performance.now()
      const repeat = await fetch(`${asset.url}?w=${width}&fm=png`)
      const againMs = performance.now() - again
      assert.equal(repeat.status, 422)
      assert.ok(againMs < 200, `repeat answered after ${againMs.toFixed(0)} ms`)
    }
    // A plain SVG still renders.
    const plain = await t.client.assets.upload(
      'image',
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><defs><rect id="r" width="8" height="8"/></defs><use href="#r"/><use href="#r" x="10"/></svg>',
      ),
      {filename: 'plain.svg', contentType: 'image/svg+xml'},
    )
    const rendered = await fetch(`${plain.url}?w=32&fm=png`)
    assert.equal(rendered.status, 200)
    assert.equal(rendered.headers.get('content-type'), 'image/png')
  })
})
