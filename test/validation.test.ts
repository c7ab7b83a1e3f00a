// Each schema rule is exercised with a failing and a passing document, through Sanity's own
// validation engine, exactly as the Studio and `npm run content:validate` run it.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {readFileSync} from 'node:fs'
import {SAMPLE_PATH} from '../content/build'
import {fleschKincaidGrade, portableTextToPlainText} from '../model/readability/reading-grade'
import {
  errorsAt,
  startValidationHarness,
  warningsAt,
  type ValidationHarness,
} from './helpers/validation'

const sample = readFileSync(SAMPLE_PATH, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown> & {_id: string; _type: string})
const byId = (id: string) => {
  const doc = sample.find((d) => d._id === id)
  assert.ok(doc, `sample has ${id}`)
  return structuredClone(doc)
}
const FAQ_ID = 'faq-what-is-chronic-migraine'
const ARTICLE_ID = 'article-prevent-headaches-with-botox'
const CLINICIAN_ID = 'clinician-sloane-yu'

function paragraph(key: string, text: string, markDefs: unknown[] = [], marks: string[] = []) {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs,
    children: [{_type: 'span', _key: `${key}s`, text, marks}],
  }
}

let harness: ValidationHarness
before(async () => {
  harness = await startValidationHarness()
})
after(async () => {
  await harness?.close()
})

describe('FAQ question', () => {
  it('must end with a question mark', async () => {
    const faq = {...byId(FAQ_ID), _id: 'faq-test-question', question: 'What is chronic migraine'}
    const errors = errorsAt(await harness.validate(faq), 'question')
    assert.equal(errors.length, 1)
    assert.match(errors[0]!.message, /question mark/)
    faq.question = 'What is chronic migraine?'
    assert.deepEqual(errorsAt(await harness.validate(faq), 'question'), [])
  })
  it('is at most 150 characters', async () => {
    const faq = {...byId(FAQ_ID), _id: 'faq-test-long', question: `${'Why '.repeat(40)}?`}
    assert.match(errorsAt(await harness.validate(faq), 'question')[0]?.message ?? '', /150/)
  })
})

describe('medical review', () => {
  const reviewOf = (doc: Record<string, unknown>) => doc.medicalReview as Record<string, unknown>
  const NOT_REVIEWED =
    'Not reviewed: a clinician must approve this text before it can be published. Request a review.'
  const UNAPPROVED =
    'This review was not approved by a clinician in the Studio: request a new review.'

  it('the text Dr. Yu approved passes; without a review it is an error', async () => {
    const faq = byId(FAQ_ID)
    assert.deepEqual(errorsAt(await harness.validate(faq), 'medicalReview'), [])
    const errors = errorsAt(
      await harness.validate({...faq, medicalReview: undefined}),
      'medicalReview',
    )
    assert.deepEqual(
      errors.map((e) => e.message),
      [NOT_REVIEWED],
    )
  })
  it('a word changed after the approval is an error naming the reviewer and date', async () => {
    const article = byId(ARTICLE_ID)
    const body = article.body as Array<{children: Array<{text: string}>}>
    body[0]!.children[0]!.text += ' Call us.'
    const errors = errorsAt(await harness.validate(article), 'medicalReview')
    assert.deepEqual(
      errors.map((e) => e.message),
      ['Changed after Dr. Sloane Yu approved it on 2 Nov 2026: request a new review.'],
    )
  })
  it('a review typed in, tampered with or copied from another text is an error', async () => {
    const faq = byId(FAQ_ID)
    const review = reviewOf(faq)
    const other = reviewOf(byId('faq-are-headaches-common'))
    const cases: Array<[string, Record<string, unknown>]> = [
      ['typed in', {_type: 'medicalReview', reviewer: review.reviewer, reviewedAt: '2026-11-02'}],
      ['tampered fingerprint', {...review, fingerprint: `v1:${'0'.repeat(64)}`}],
      ['another date', {...review, reviewedAt: '2026-11-01'}],
      ['another approver', {...review, approvedBy: 'editor'}],
      ['missing record', {...review, record: 'reviews.faq-what-is-chronic-migraine.none'}],
      ['another text’s approval', other],
    ]
    for (const [name, medicalReview] of cases) {
      const errors = errorsAt(await harness.validate({...faq, medicalReview}), 'medicalReview')
      assert.deepEqual(
        errors.map((e) => e.message),
        [UNAPPROVED],
        name,
      )
    }
  })
  it('an approval not signed by the reviewer’s linked Studio user is an error', async () => {
    const faq = byId(FAQ_ID)
    const review = reviewOf(faq)
    const record = byId(String(review.record))
    const unlinked = {
      ...byId(CLINICIAN_ID),
      _id: 'clinician-unlinked-reviewer',
      slug: {_type: 'slug', current: 'unlinked-reviewer'},
      linkedUser: undefined,
    }
    const signedByOther = {...record, _id: 'reviews.faq-what-is-chronic-migraine.by-other'}
    const byUnlinked = {
      ...record,
      _id: 'reviews.faq-what-is-chronic-migraine.unlinked',
      reviewer: {_type: 'reference', _ref: unlinked._id, _weak: true},
    }
    await harness.client
      .transaction()
      .createOrReplace(unlinked as never)
      .createOrReplace({...signedByOther, userId: 'editor'} as never)
      .createOrReplace(byUnlinked as never)
      .commit()
    const message =
      'This approval was not signed by the reviewer’s linked Studio user: request a new review.'
    const otherSigner = {...review, record: signedByOther._id, approvedBy: 'editor'}
    const unlinkedReviewer = {
      ...review,
      record: byUnlinked._id,
      reviewer: {_type: 'reference', _ref: unlinked._id},
    }
    for (const medicalReview of [otherSigner, unlinkedReviewer]) {
      const errors = errorsAt(await harness.validate({...faq, medicalReview}), 'medicalReview')
      assert.deepEqual(
        errors.map((e) => e.message),
        [message],
        String(medicalReview.record),
      )
    }
  })
  it('an overdue approval is a warning naming the due date', async () => {
    const faq = byId(FAQ_ID)
    faq.medicalReview = {...reviewOf(faq), nextReviewDue: '2026-11-03'}
    const problems = await harness.validate(faq)
    const warnings = warningsAt(problems, 'medicalReview')
    assert.equal(warnings.length, 1)
    assert.match(warnings[0]!.message, /overdue.*2026-11-03/)
    assert.deepEqual(errorsAt(problems, 'medicalReview'), [])
    assert.deepEqual(warningsAt(await harness.validate(byId(FAQ_ID)), 'medicalReview'), [])
  })
  it('the next review must come after the approval', async () => {
    const faq = byId(FAQ_ID)
    faq.medicalReview = {...reviewOf(faq), nextReviewDue: '2026-11-02'}
    const errors = errorsAt(await harness.validate(faq), 'medicalReview.nextReviewDue')
    assert.match(errors[0]?.message ?? '', /after the approval date/)
  })
  it('a clinician who reviews needs a linked Studio user', async () => {
    const clinician = {...byId(CLINICIAN_ID), linkedUser: undefined}
    assert.deepEqual(
      errorsAt(await harness.validate(clinician), 'linkedUser').map((e) => e.message),
      ['A clinician who reviews needs a linked Studio user.'],
    )
    assert.deepEqual(
      errorsAt(await harness.validate({...clinician, canReview: false}), 'linkedUser'),
      [],
    )
    assert.deepEqual(errorsAt(await harness.validate(byId(CLINICIAN_ID)), 'linkedUser'), [])
  })
  it('an FAQ without sources is an error', async () => {
    const noSources = {...byId(FAQ_ID), sources: []}
    assert.match(errorsAt(await harness.validate(noSources), 'sources')[0]?.message ?? '', /source/)
  })
})

describe('NPI', () => {
  it('rejects a bad check digit and accepts a valid number', async () => {
    const clinician = {...byId(CLINICIAN_ID), npi: '1234567890'}
    const errors = errorsAt(await harness.validate(clinician), 'npi')
    assert.equal(errors.length, 1)
    assert.match(errors[0]!.message, /check digit/)
    assert.deepEqual(errorsAt(await harness.validate({...clinician, npi: '1234567893'}), 'npi'), [])
  })
})

describe('reading grade', () => {
  it('warns above grade 8 and names the grade', async () => {
    const hard =
      'Interventional pain management encompasses minimally invasive procedures, including epidural steroid injections, radiofrequency ablation and peripheral nerve stimulation, administered under fluoroscopic guidance by fellowship-trained anesthesiologists. Comprehensive multidisciplinary evaluation precedes intervention.'
    const article = {...byId(ARTICLE_ID), body: [paragraph('p1', hard)]}
    const warnings = warningsAt(await harness.validate(article), 'body')
    assert.equal(warnings.length, 1)
    const grade = fleschKincaidGrade(portableTextToPlainText(article.body))
    assert.ok(grade !== null && grade > 8)
    assert.ok(
      warnings[0]!.message.includes(`Reading grade is ${grade.toFixed(1)}`),
      warnings[0]!.message,
    )
    const easy =
      'Most people get a headache now and then. Drink water and rest. A pain pill can help too. If your head hurts a lot or often, come and see us. We can help you feel better and get back to your day.'
    assert.deepEqual(
      warningsAt(await harness.validate({...article, body: [paragraph('p1', easy)]}), 'body'),
      [],
    )
  })
})

describe('links', () => {
  it('rejects javascript: links and accepts https', async () => {
    const link = (href: string) => ({
      ...byId(ARTICLE_ID),
      body: [paragraph('p1', 'Read more here.', [{_type: 'link', _key: 'l1', href}], ['l1'])],
    })
    const problems = await harness.validate(link('javascript:alert(1)'))
    const linkErrors = problems.filter((p) => p.level === 'error' && p.path.endsWith('.href'))
    assert.equal(linkErrors.length, 1, JSON.stringify(problems))
    assert.match(linkErrors[0]!.message, /web pages|mailto|tel/)
    const ok = await harness.validate(link('https://www.who.int/'))
    assert.deepEqual(
      ok.filter((p) => p.path.endsWith('.href')),
      [],
    )
    const tel = await harness.validate(link('tel:+15555550123'))
    assert.deepEqual(
      tel.filter((p) => p.path.endsWith('.href')),
      [],
    )
  })
})

describe('other rules editors rely on', () => {
  it('a hero image without alt text is an error', async () => {
    const article = {
      ...byId(ARTICLE_ID),
      heroImage: {_type: 'image', asset: {_type: 'reference', _ref: 'image-abc123-10x10-png'}},
    }
    const problems = await harness.validate(article)
    assert.equal(errorsAt(problems, 'heroImage.alt').length, 1, JSON.stringify(problems))
  })
  it('a summary over 160 characters warns, over 200 is an error', async () => {
    const article = byId(ARTICLE_ID)
    const at170 = await harness.validate({...article, summary: 'a'.repeat(170)})
    assert.equal(warningsAt(at170, 'summary').length, 1)
    assert.equal(errorsAt(at170, 'summary').length, 0)
    const at210 = await harness.validate({...article, summary: 'a'.repeat(210)})
    assert.equal(errorsAt(at210, 'summary').length, 1)
  })
  it('a slug another article uses is an error', async () => {
    const copy = {...byId(ARTICLE_ID), _id: 'article-copy'}
    const errors = errorsAt(await harness.validate(copy), 'slug')
    assert.equal(errors.length, 1, JSON.stringify(errors))
    assert.match(errors[0]!.message, /already in use/)
    assert.deepEqual(errorsAt(await harness.validate(byId(ARTICLE_ID)), 'slug'), [])
  })
  it("a release version keeps its document's slug; another document's slug is still taken", async () => {
    const version = {...byId(ARTICLE_ID), _id: `versions.rSpring.${ARTICLE_ID}`}
    assert.deepEqual(errorsAt(await harness.validate(version), 'slug'), [])
    const other = {...byId(ARTICLE_ID), _id: 'versions.rSpring.article-copy'}
    assert.match(
      errorsAt(await harness.validate(other), 'slug')[0]?.message ?? '',
      /already in use/,
    )
  })
  it('an ICD-10 code with the wrong format is an error', async () => {
    const condition = {...byId('condition-chronic-migraine'), icd10: ['G43.7', 'migraine']}
    const problems = await harness.validate(condition)
    assert.equal(
      problems.filter((p) => p.level === 'error' && p.path.startsWith('icd10')).length,
      1,
    )
  })
})

describe('partner theme', () => {
  it('colours readers could not read are an error naming the pair and its contrast', async () => {
    const partner = byId('partner-riverbend-family-medicine')
    const theme = partner.theme as Record<string, unknown>
    const unreadable = {...partner, theme: {...theme, colorText: '#9aa5b1'}}
    const errors = errorsAt(await harness.validate(unreadable), 'theme')
    assert.equal(errors.length, 1, JSON.stringify(errors))
    assert.match(errors[0]!.message, /Body text \(#9aa5b1\) on #f4faf8 has a contrast of 2\.\d:1/)
    assert.deepEqual(errorsAt(await harness.validate(partner), 'theme'), [])
  })

  it('tokens that are not a hex colour, a font stack or a radius of 0–32 are errors', async () => {
    const partner = byId('partner-riverbend-family-medicine')
    const theme = partner.theme as Record<string, unknown>
    const cases: Array<[field: string, bad: unknown, message: RegExp]> = [
      ['colorBackground', 'url(http://127.0.0.1/beacon)', /Use a colour like #1a5f7a/],
      ['colorText', 'transparent', /Use a colour like #1a5f7a/],
      ['colorPrimary', 'rgb(var(--x), 0, 0)', /Use a colour like #1a5f7a/],
      ['fontFamily', '"Unclosed, serif', /Use font names separated by commas/],
      ['fontFamily', 'Georgia; } :host { display: none', /Use font names separated by commas/],
      ['fontFamily', 'url(http://127.0.0.1/font)', /Use font names separated by commas/],
      ['radius', 1e308, /Use a whole number from 0 to 32/],
      ['radius', 2.5, /Use a whole number from 0 to 32/],
    ]
    for (const [field, bad, message] of cases) {
      const problems = await harness.validate({...partner, theme: {...theme, [field]: bad}})
      const errors = errorsAt(problems, `theme.${field}`)
      assert.equal(errors.length, 1, `${field} ${String(bad)}: ${JSON.stringify(problems)}`)
      assert.match(errors[0]!.message, message)
    }
    const good = {...theme, fontFamily: "'Source Sans 3', system-ui, sans-serif", radius: 0}
    assert.deepEqual(
      (await harness.validate({...partner, theme: good})).filter((p) => p.level === 'error'),
      [],
    )
  })
})

describe('the sample dataset', () => {
  it('has zero validation errors', async () => {
    const errors = (await Promise.all(sample.map((doc) => harness.validate(doc))))
      .flat()
      .filter((p) => p.level === 'error')
    assert.deepEqual(errors, [])
  })
})
