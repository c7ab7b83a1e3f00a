// The widget package's fingerprint (widgets/content/fingerprint.ts, a compact copy for the
// browser: the package cannot import the model) equals the review model's (model/review/
// fingerprint.ts) for generated Portable Text documents, for odd values stored in their place, and
// for every reviewed document of the sample, whose stored approval fingerprint it matches too.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {SAMPLE_PATH} from '../../content/build'
import {
  fingerprintInput as modelInput,
  fingerprintOf as modelFingerprint,
} from '../../model/review/fingerprint'
import {fingerprintInput, fingerprintOf} from '../../widgets/content/fingerprint'

const key = fc.constantFrom('a', 'b', 'k1', 'k2', 'link1', 'cite')
const text = fc.oneof(
  fc.constantFrom('', ' ', 'Botox', 'migraine ', 'ü', '"q"', '\\', '<b>'),
  fc.string(),
)
const mark = fc.oneof(key, fc.constantFrom('strong', 'em', 'code'), fc.anything())

const markDef = fc.oneof(
  fc.record({_key: key, _type: fc.constant('link'), href: fc.webUrl()}),
  fc.record({
    _key: key,
    _type: fc.constant('internalLink'),
    reference: fc.record({_type: fc.constant('reference'), _ref: fc.string(), _weak: fc.boolean()}),
  }),
  fc.record({_key: key, _type: fc.constant('citationMarker'), sourceKey: key}),
  // A definition holding a block, and values no schema allows.
  fc.record({
    _key: key,
    _type: fc.constant('note'),
    body: fc.record({
      _type: fc.constant('block'),
      children: fc.constant([{_type: 'span', text: 'x'}]),
      style: fc.constant('h2'),
    }),
  }),
  fc.anything(),
)

const child = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {_type: fc.constant('span'), _key: key, text, marks: fc.array(mark, {maxLength: 3})},
      {requiredKeys: ['_type']},
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({_type: fc.constant('inlineThing'), _key: key, value: fc.anything()}),
  },
  {weight: 1, arbitrary: fc.anything()},
)

const block = fc.record(
  {
    _type: fc.constant('block'),
    _key: key,
    style: fc.constantFrom('normal', 'h2', 'blockquote'),
    listItem: fc.constantFrom('bullet', 'number'),
    level: fc.oneof(fc.integer({min: 1, max: 3}), fc.double()),
    markDefs: fc.oneof(fc.array(markDef, {maxLength: 4}), fc.anything()),
    children: fc.array(child, {maxLength: 8}),
  },
  {requiredKeys: ['_type', 'children']},
)

const portableText = fc.array(
  fc.oneof(
    {weight: 6, arbitrary: block},
    {
      weight: 1,
      arbitrary: fc.record({
        _type: fc.constant('image'),
        _key: key,
        alt: text,
        asset: fc.record({_type: fc.constant('reference'), _ref: fc.string()}),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        _type: fc.constant('callout'),
        _key: key,
        tone: text,
        body: fc.array(block, {maxLength: 2}),
      }),
    },
    {weight: 1, arbitrary: fc.anything()},
  ),
  {maxLength: 6},
)

const source = fc.record(
  {
    _key: key,
    _type: fc.constant('citation'),
    title: text,
    publisher: text,
    url: fc.webUrl(),
    publishedAt: fc.constant('2026-11-02'),
  },
  {requiredKeys: ['_key']},
)
// A reference's `_ref` is kept; one that is not a string (written through the API) too.
const reference = fc.record({
  _key: key,
  _type: fc.constant('reference'),
  _ref: fc.oneof(fc.string(), fc.anything()),
})

const document = fc.record(
  {
    _id: fc.string(),
    _type: fc.constantFrom('faq', 'article'),
    title: fc.oneof(text, fc.anything()),
    question: text,
    summary: text,
    body: portableText,
    answer: portableText,
    sources: fc.oneof(fc.array(source, {maxLength: 3}), fc.anything()),
    conditions: fc.array(reference, {maxLength: 3}),
    treatments: fc.oneof(fc.array(reference, {maxLength: 2}), fc.anything()),
    medicalReview: fc.anything(),
    seo: fc.anything(),
  },
  {requiredKeys: []},
)

describe('the widget package’s fingerprint', () => {
  it('has the model’s canonical input for generated documents', () => {
    fc.assert(
      fc.property(document, (doc) => {
        assert.equal(fingerprintInput(doc), modelInput(doc))
      }),
      {numRuns: 2000},
    )
  })

  it('is the model’s fingerprint (Web Crypto, v1:)', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        assert.equal(await fingerprintOf(doc), await modelFingerprint(doc))
      }),
      {numRuns: 300},
    )
  })

  it('gives every reviewed sample document the fingerprint its approval holds', async () => {
    const docs = readFileSync(SAMPLE_PATH, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as Record<string, unknown> & {medicalReview?: {fingerprint?: string}},
      )
      .filter((doc) => doc.medicalReview?.fingerprint)
    assert.ok(docs.length >= 10, `reviewed sample documents: ${docs.length}`)
    for (const doc of docs) {
      const fingerprint = await fingerprintOf(doc)
      assert.equal(fingerprint, await modelFingerprint(doc), String(doc._id))
      assert.equal(fingerprint, doc.medicalReview?.fingerprint, String(doc._id))
    }
  })

  it('differs from the approval once a word of the answer changes', async () => {
    const line = readFileSync(SAMPLE_PATH, 'utf8')
      .split('\n')
      .find((l) => l.includes('"_id":"faq-what-is-chronic-migraine"'))
    const faq = JSON.parse(line!) as {
      answer: Array<{children: Array<{text: string}>}>
      medicalReview: {fingerprint: string}
    }
    faq.answer[0]!.children[0]!.text += ' Changed.'
    assert.notEqual(await fingerprintOf(faq), faq.medicalReview.fingerprint)
  })
})
