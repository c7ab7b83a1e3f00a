// The lake evaluates a query over one type's documents only when that cannot change the result.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parse} from 'groq-js'
import {singleTypeScanned} from '../../lake/query/groq-plan'

const scanned = (query: string) => singleTypeScanned(parse(query, {params: {slug: 'x', n: 2}}))

describe('single-type prefilter', () => {
  it('applies to a filter led by _type == "x", through order, projection and slices', () => {
    assert.equal(
      scanned(
        '*[_type == "faq" && $slug in conditions[]->slug.current] | order(orderRank asc){question}',
      ),
      'faq',
    )
    assert.equal(scanned('*["article" == _type && slug.current == $slug][0]'), 'article')
    assert.equal(scanned('*[_type == "faq"][0...$n]'), 'faq')
  })
  it('does not apply when another * or a different filter shape could see other types', () => {
    assert.equal(scanned('*[_type == "faq" && references(*[_type == "condition"]._id)]'), null)
    assert.equal(scanned('*[_type == "faq"]{"count": count(*)}'), null)
    assert.equal(scanned('*[_type == "faq" || _type == "article"]'), null)
    assert.equal(scanned('*[slug.current == $slug && _type == "faq"]'), null)
    assert.equal(scanned('count(*[_type == "faq"])'), null)
  })
})
