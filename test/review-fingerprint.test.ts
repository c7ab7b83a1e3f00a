// The fingerprint an approval covers (model/review/fingerprint.ts), by property: it stays the
// same for every edit a reader cannot see (key order, `_key`s, span splits and merges, mark
// definition keys, SEO, ordering, sharing), changes with any word, mark, link, source or tag, and
// the build's node:crypto form (content/approvals.ts) equals the Web Crypto one.
import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {SAMPLE_PATH} from '../content/build'
import {fingerprintOf, fingerprintOfSync, medicalText, sha256Hex} from '../model/review/fingerprint'

type Obj = Record<string, unknown>
interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}
interface Block {
  _type: 'block'
  _key: string
  style: string
  markDefs: Array<{_type: 'link'; _key: string; href: string}>
  children: Span[]
}
interface Faq {
  _id: string
  _type: 'faq'
  question: string
  answer: Block[]
  sources: Obj[]
  conditions: Obj[]
  treatments: Obj[]
  [field: string]: unknown
}

const RUNS = {numRuns: 150}
const key = fc.stringMatching(/^[a-z0-9]{4,10}$/)
const word = fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/)
const text = fc.array(word, {minLength: 1, maxLength: 6}).map((words) => words.join(' '))
const ref = (ids: string[]) =>
  fc.record({_type: fc.constant('reference'), _ref: fc.constantFrom(...ids), _key: key})

// A block whose spans each carry decorators and maybe the block's one link.
const block: fc.Arbitrary<Block> = fc
  .record({
    _key: key,
    style: fc.constantFrom('normal', 'h3', 'blockquote'),
    linkKey: key,
    href: fc.webUrl({validSchemes: ['https']}),
    spans: fc.array(
      fc.record({
        _key: key,
        text,
        marks: fc.subarray(['strong', 'em']),
        linked: fc.boolean(),
      }),
      {minLength: 1, maxLength: 4},
    ),
  })
  .map(({_key, style, linkKey, href, spans}) => ({
    _type: 'block',
    _key,
    style,
    markDefs: [{_type: 'link', _key: linkKey, href}],
    children: spans.map((span) => ({
      _type: 'span',
      _key: span._key,
      text: span.text,
      marks: span.linked ? [...span.marks, linkKey] : span.marks,
    })),
  }))

const faq: fc.Arbitrary<Faq> = fc.record({
  _id: fc.constant('faq-property'),
  _type: fc.constant('faq'),
  question: text.map((t) => `${t}?`),
  answer: fc.array(block, {minLength: 1, maxLength: 4}),
  sources: fc.array(
    fc.record({
      _key: key,
      _type: fc.constant('citation'),
      title: text,
      publisher: text,
      url: fc.webUrl({validSchemes: ['https']}),
    }),
    {minLength: 1, maxLength: 3},
  ),
  conditions: fc.uniqueArray(ref(['condition-a', 'condition-b', 'condition-c']), {
    selector: (r) => r._ref,
    maxLength: 3,
  }),
  treatments: fc.uniqueArray(ref(['treatment-a', 'treatment-b']), {
    selector: (r) => r._ref,
    maxLength: 2,
  }),
})

/** Rebuilds every object with its keys in reverse order (arrays keep theirs). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  )
}

/** Gives every `_key` a new value, mark references included. */
function rekey(doc: Faq): Faq {
  const copy = structuredClone(doc)
  for (const [i, item] of copy.answer.entries()) {
    item._key = `new-block-${i}`
    for (const def of item.markDefs) {
      const renamed = `${def._key}-renamed`
      for (const span of item.children)
        span.marks = span.marks.map((mark) => (mark === def._key ? renamed : mark))
      def._key = renamed
    }
    item.children.forEach((span, j) => (span._key = `new-span-${i}-${j}`))
  }
  copy.sources.forEach((source, i) => (source._key = `new-source-${i}`))
  copy.conditions.forEach((c, i) => (c._key = `new-condition-${i}`))
  return copy
}

const same = async (a: Obj, b: Obj) => assert.equal(await fingerprintOf(a), await fingerprintOf(b))
const differs = async (a: Obj, b: Obj) =>
  assert.notEqual(await fingerprintOf(a), await fingerprintOf(b))

describe('fingerprint: edits a reader cannot see', () => {
  it('stays the same across key order', async () => {
    await fc.assert(
      fc.asyncProperty(faq, (doc) => same(doc, reverseKeys(doc) as Obj)),
      RUNS,
    )
  })

  it('stays the same when `_key`s and mark definition keys are renamed', async () => {
    await fc.assert(
      fc.asyncProperty(faq, (doc) => same(doc, rekey(doc))),
      RUNS,
    )
  })

  it('stays the same when a span is split in two, or split spans are merged', async () => {
    await fc.assert(
      fc.asyncProperty(faq, fc.nat(), fc.nat(), async (doc, b, s) => {
        const split = structuredClone(doc)
        const item = split.answer[b % split.answer.length]!
        const index = s % item.children.length
        const span = item.children[index]!
        const at = 1 + (s % Math.max(1, span.text.length - 1))
        item.children.splice(
          index,
          1,
          {...span, text: span.text.slice(0, at)},
          {...span, _key: `${span._key}-b`, text: span.text.slice(at)},
        )
        // Split is the edited text; the original is the merged one.
        await same(doc, split)
      }),
      RUNS,
    )
  })

  it('ignores SEO, ordering, sharing and the review fields', async () => {
    await fc.assert(
      fc.asyncProperty(faq, text, async (doc, other) => {
        await same(doc, {
          ...doc,
          seo: {_type: 'seo', title: other, noindex: true},
          orderRank: other,
          syndication: {_type: 'object', mode: 'own'},
          category: 'treatments',
          medicalReview: {reviewerName: other},
          reviewRequest: {status: 'inReview', note: other},
        })
      }),
      RUNS,
    )
  })
})

describe('fingerprint: edits that change the medical text', () => {
  it('changes with any word of the question or the answer', async () => {
    await fc.assert(
      fc.asyncProperty(faq, fc.nat(), fc.nat(), async (doc, b, s) => {
        const edited = structuredClone(doc)
        const item = edited.answer[b % edited.answer.length]!
        const span = item.children[s % item.children.length]!
        const at = s % span.text.length
        const char = span.text[at] === 'x' ? 'y' : 'x'
        span.text = span.text.slice(0, at) + char + span.text.slice(at + 1)
        await differs(doc, edited)
        await differs(doc, {...doc, question: `${doc.question.slice(0, -1)} now?`})
      }),
      RUNS,
    )
  })

  it('changes with a mark added or removed', async () => {
    await fc.assert(
      fc.asyncProperty(faq, fc.nat(), async (doc, s) => {
        const edited = structuredClone(doc)
        const span = edited.answer[0]!.children[s % edited.answer[0]!.children.length]!
        span.marks = span.marks.includes('strong')
          ? span.marks.filter((mark) => mark !== 'strong')
          : [...span.marks, 'strong']
        await differs(doc, edited)
      }),
      RUNS,
    )
  })

  it('changes with a link’s address, when a span carries the link', async () => {
    await fc.assert(
      fc.asyncProperty(faq, async (doc) => {
        const edited = structuredClone(doc)
        const item = edited.answer[0]!
        item.children[0]!.marks = [...new Set([...item.children[0]!.marks, item.markDefs[0]!._key])]
        const linked = structuredClone(edited)
        linked.answer[0]!.markDefs[0]!.href += '/other'
        await differs(edited, linked)
      }),
      RUNS,
    )
  })

  it('changes with a source, a condition or a treatment', async () => {
    await fc.assert(
      fc.asyncProperty(faq, async (doc) => {
        const source = structuredClone(doc)
        source.sources[0]!.title = `${String(source.sources[0]!.title)} (2nd edition)`
        await differs(doc, source)
        const url = structuredClone(doc)
        url.sources[0]!.url = `${String(url.sources[0]!.url)}/v2`
        await differs(doc, url)
        const fewerSources = {...doc, sources: doc.sources.slice(1)}
        await differs(doc, fewerSources)
        const condition = {...doc, conditions: [...doc.conditions, {_ref: 'condition-new'}]}
        await differs(doc, condition)
        const treatment = {...doc, treatments: [{_ref: 'treatment-new'}]}
        await differs(doc, treatment)
      }),
      RUNS,
    )
  })
})

describe('fingerprint: the synchronous form (list previews, the lake, the sample build)', () => {
  it('equals fingerprintOf for any text', async () => {
    await fc.assert(
      fc.asyncProperty(faq, async (doc) =>
        assert.equal(fingerprintOfSync(doc), await fingerprintOf(doc)),
      ),
      RUNS,
    )
  })

  it('equals fingerprintOf and the record for every reviewed text of the sample', async () => {
    const docs = readFileSync(SAMPLE_PATH, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Obj & {_id: string; _type: string})
    const reviewed = docs.filter((doc) => doc._type === 'article' || doc._type === 'faq')
    assert.ok(reviewed.length >= 10)
    for (const doc of reviewed) {
      const review = doc.medicalReview as {fingerprint: string; record: string}
      const record = docs.find((d) => d._id === review.record)
      assert.ok(record, `${doc._id} has its approval record`)
      assert.match(review.fingerprint, /^v1:[0-9a-f]{64}$/)
      assert.equal(review.fingerprint, await fingerprintOf(doc), doc._id)
      assert.equal(fingerprintOfSync(doc), review.fingerprint, doc._id)
      assert.equal(record.fingerprint, review.fingerprint, doc._id)
      assert.equal(record.text, medicalText(doc), doc._id)
    }
  })
})

describe('fingerprint: the synchronous form list previews compute', () => {
  it('sha256Hex is node:crypto’s SHA-256 for any bytes, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 300}), (bytes) =>
        assert.equal(sha256Hex(bytes), createHash('sha256').update(bytes).digest('hex')),
      ),
      RUNS,
    )
    for (const length of [0, 55, 56, 63, 64, 65, 119, 120, 100_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 255)
      assert.equal(sha256Hex(bytes), createHash('sha256').update(bytes).digest('hex'), `${length}`)
    }
  })
})
