// The sample dataset is generated from the seed, up to date, and holds what the product promises.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import {renderSample, SAMPLE_PATH, SEED_PATH} from '../content/build'
import {parseSeedArticle} from '../content/seedArticle'

type Doc = Record<string, unknown> & {_id: string; _type: string}
const ndjson = readFileSync(SAMPLE_PATH, 'utf8')
const docs: Doc[] = ndjson
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Doc)
const ofType = (type: string) => docs.filter((d) => d._type === type)
const byId = (id: string) => docs.find((d) => d._id === id)
const blockText = (block: {children?: Array<{text: string}>}) =>
  (block.children ?? []).map((c) => c.text).join('')

describe('content/sample.ndjson', () => {
  it('is what `npm run content:build` generates from the seed', () => {
    assert.equal(ndjson, renderSample())
  })

  it('has unique ids and a _type on every line', () => {
    assert.equal(new Set(docs.map((d) => d._id)).size, docs.length)
    for (const doc of docs) assert.equal(typeof doc._type, 'string')
  })

  it('every reference points at a document in the sample', () => {
    const ids = new Set(docs.map((d) => d._id))
    const refs: string[] = []
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk)
      else if (value && typeof value === 'object') {
        const ref = (value as {_ref?: unknown})._ref
        if (typeof ref === 'string') refs.push(ref)
        Object.values(value).forEach(walk)
      }
    }
    walk(docs)
    assert.ok(refs.length > 20)
    assert.deepEqual(
      refs.filter((ref) => !ids.has(ref)),
      [],
    )
  })

  it('holds the seed article with its full text, headings as h2', () => {
    const seed = readFileSync(SEED_PATH, 'utf8')
    const [article] = ofType('article') as Array<
      Doc & {body: Array<{style: string; children: Array<{text: string}>}>}
    >
    assert.ok(article)
    assert.equal(article.title, 'You Can Prevent Headaches with Botox')
    const headings = article.body.filter((b) => b.style === 'h2').map(blockText)
    assert.deepEqual(headings, [
      'What Type of Headaches Can Botox Help?',
      'Choose a Specialist Treatment for Recurring Headaches',
      'The Misconception Regarding Migraines',
    ])
    // Every non-empty line of the seed after the title is one block, word for word.
    const seedLines = seed
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(1)
    assert.deepEqual(article.body.map(blockText), seedLines)
    assert.equal((article.author as {_ref: string})._ref, 'clinician-sloane-yu')
    assert.equal(
      (article.medicalReview as {reviewer: {_ref: string}}).reviewer._ref,
      'clinician-sloane-yu',
    )
  })

  it('holds the clinic, Dr. Sloane Yu, the conditions and the treatment', () => {
    assert.equal(byId('clinic-allied-pain-spine')?.name, 'Allied Pain & Spine Institute')
    const yu = byId('clinician-sloane-yu')
    assert.equal(yu?.honorificPrefix, 'Dr.')
    assert.equal(`${yu?.givenName} ${yu?.familyName}`, 'Sloane Yu')
    assert.equal(yu?.jobTitle, 'Interventional pain medicine physician')
    assert.equal(yu?.canReview, true)
    assert.deepEqual(
      ofType('condition')
        .map((c) => (c.slug as {current: string}).current)
        .sort(),
      ['chronic-migraine', 'headache-disorders'],
    )
    const [botox] = ofType('treatment')
    assert.equal(botox?.brandName, 'Botox')
    assert.equal(botox?.genericName, 'onabotulinumtoxinA')
  })

  it('answers the seed’s questions in at least 6 English FAQs, plus 2 in Spanish', () => {
    const faqs = ofType('faq') as Array<Doc & {question: string; language: string}>
    const english = faqs.filter((f) => f.language === 'en').map((f) => f.question)
    assert.ok(english.length >= 6)
    for (const topic of [
      /headaches can Botox help/,
      /What is chronic migraine/,
      /How does Botox relieve headache pain/,
      /see a specialist/,
      /every headache .* a migraine/,
      /minor headache/,
    ])
      assert.ok(
        english.some((q) => topic.test(q)),
        `an FAQ matches ${topic}`,
      )
    const spanish = faqs.filter((f) => f.language === 'es')
    assert.equal(spanish.length, 2)
    for (const faq of spanish) assert.ok(byId((faq.translationOf as {_ref: string})._ref))
  })

  it('has a themed partner clinic and site settings with a disclaimer', () => {
    const partners = ofType('partner')
    assert.ok(partners.length >= 1)
    assert.match(
      String((partners[0]!.theme as {colorPrimary: string}).colorPrimary),
      /^#[0-9a-f]{6}$/i,
    )
    assert.match(String(byId('siteSettings')?.disclaimer), /not a substitute/)
  })

  it('cites a source for every FAQ and article', () => {
    for (const doc of [...ofType('faq'), ...ofType('article')]) {
      const sources = doc.sources as unknown[]
      assert.ok(Array.isArray(sources) && sources.length > 0, `${doc._id} has sources`)
    }
  })
})

describe('the sample’s medical reviews', () => {
  it('every article and FAQ carries Dr. Sloane Yu’s approval, backed by its own record', () => {
    const reviewed = [...ofType('article'), ...ofType('faq')]
    const records = ofType('reviewRecord')
    assert.equal(records.length, reviewed.length)
    assert.equal(byId('clinician-sloane-yu')?.linkedUser, 'clinician-sloane-yu')
    assert.equal(byId('siteSettings')?.fourEyesReview, true)
    for (const doc of reviewed) {
      const review = doc.medicalReview as Record<string, unknown>
      const record = byId(`reviews.${doc._id}.sample-approval`)
      assert.ok(record, `${doc._id} has its approval record`)
      assert.deepEqual(
        {
          record: review.record,
          reviewer: (review.reviewer as {_ref: string})._ref,
          reviewerName: review.reviewerName,
          reviewedAt: review.reviewedAt,
          nextReviewDue: review.nextReviewDue,
          approvedBy: review.approvedBy,
          fingerprint: review.fingerprint,
        },
        {
          record: record._id,
          reviewer: 'clinician-sloane-yu',
          reviewerName: 'Dr. Sloane Yu',
          reviewedAt: '2026-11-02',
          nextReviewDue: '2027-11-02',
          approvedBy: 'clinician-sloane-yu',
          fingerprint: record.fingerprint,
        },
      )
      assert.equal(record.kind, 'approval')
      assert.equal(record.documentId, doc._id)
      assert.equal(record.documentType, doc._type)
      assert.equal(record.userId, 'clinician-sloane-yu')
      assert.match(String(record.at), /^2026-11-02T/)
    }
  })
})

describe('seed parser', () => {
  it('rejects an empty seed', () => {
    assert.throws(() => parseSeedArticle('\n\n', 'x'), /empty/)
  })
  it('fails loudly when a phrase to annotate is missing', () => {
    assert.throws(
      () =>
        parseSeedArticle('Title\n\nSome text about migraine.\n', 'x', [
          {phrase: 'text about', markDef: {_type: 'citationMarker', sourceKey: 'k'}},
          {phrase: 'not there', markDef: {_type: 'citationMarker', sourceKey: 'k'}},
        ]),
      /not found/,
    )
  })
})
