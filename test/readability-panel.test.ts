// The readability panel's report (studio/readability/report.ts), the Settings target it
// shares with the validation warning, and the FAQ grade table in docs/editors-readability.md.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import {SAMPLE_PATH} from '../content/build'
import {readNdjson} from '../content/validate'
import {readingGradeMessage, readingGradeTarget} from '../model/readability/targets'
import {readabilityReport} from '../studio/readability/report'
import {startValidationHarness, warningsAt, type ValidationHarness} from './helpers/validation'
import {textBlock} from './helpers/portable-text'

interface SampleDoc {
  _id: string
  _type: string
  [field: string]: unknown
}

const sample = readNdjson(SAMPLE_PATH) as SampleDoc[]
const byId = (id: string) => sample.find((doc) => doc._id === id)!
const ARTICLE = byId('article-prevent-headaches-with-botox')
const GLOSSARY = sample
  .filter((doc) => doc._type === 'glossaryTerm')
  .map((doc) => ({
    term: String(doc.term),
    plainAlternative: String(doc.plainAlternative),
    language: String(doc.language),
  }))

describe('readability report', () => {
  it('grades the seed article as the warning does, and names its three hardest sentences', () => {
    const report = readabilityReport(ARTICLE.body, 'en', 8, GLOSSARY)
    const grade = report.figures[0]!.value
    assert.equal(report.figures[0]!.name, 'Flesch-Kincaid grade level')
    assert.ok(
      String(readingGradeMessage(ARTICLE.body, 'en', 8)).includes(
        `Reading grade is ${grade.toFixed(1)}`,
      ),
    )
    assert.equal(report.target?.met, grade <= 8)
    assert.equal(report.hardest.length, 3)
    const keys = new Set((ARTICLE.body as Array<{_key: string}>).map((b) => b._key))
    for (const sentence of report.hardest) {
      assert.ok(sentence.blockKey && keys.has(sentence.blockKey), 'each names its block')
      assert.ok(sentence.score >= grade, 'harder than the whole')
    }
    assert.ok(report.hardest[0]!.score >= report.hardest[2]!.score, 'hardest first')
  })

  it('measures against the target from Settings', () => {
    const body = ARTICLE.body
    assert.equal(readabilityReport(body, 'en', 12, []).target?.met, true)
    assert.equal(readabilityReport(body, 'en', 4, []).target?.met, false)
    assert.equal(readingGradeTarget(10), 10)
    assert.equal(readingGradeTarget(undefined), 8)
    assert.equal(readingGradeTarget(30), 8)
  })

  it('grades Spanish with INFLESZ and Fernández-Huerta, against INFLESZ 55', () => {
    const faq = byId('faq-what-is-chronic-migraine-es')
    const report = readabilityReport(faq.answer, 'es', 8, GLOSSARY)
    assert.deepEqual(
      report.figures.map((figure) => figure.name),
      ['INFLESZ (Szigriszt-Pazos perspicuity)', 'Fernández-Huerta readability'],
    )
    assert.ok(report.figures[0]!.band)
    assert.deepEqual(report.target, {
      value: 55,
      higherIsEasier: true,
      met: report.figures[0]!.value >= 55,
    })
  })

  it('suggests the glossary’s plain words, in the text’s language only', () => {
    const body = [
      textBlock('a', 'Take an analgesic for the pain. Prophylactic treatments help some people.'),
    ]
    const report = readabilityReport(body, 'en', 8, GLOSSARY)
    assert.deepEqual(
      report.suggestions.map((s) => [s.text, s.plainAlternative]),
      [
        ['analgesic', 'pain reliever'],
        ['Prophylactic treatments', 'preventive treatment'],
      ],
    )
    assert.equal(
      report.longWords.find((word) => word.text === 'analgesic')?.plainAlternative,
      'pain reliever',
    )
    const spanish = readabilityReport([textBlock('b', 'La cefalea es común.')], 'es', 8, GLOSSARY)
    assert.deepEqual(
      spanish.suggestions.map((s) => s.plainAlternative),
      ['dolor de cabeza'],
    )
    assert.deepEqual(
      readabilityReport([textBlock('c', 'La cefalea.')], 'en', 8, GLOSSARY).suggestions,
      [],
    )
  })

  it('points into plain text (the summary) by offsets', () => {
    const summary = String(ARTICLE.summary)
    const report = readabilityReport(summary, 'en', 8, [])
    assert.ok(report.words > 0)
    for (const sentence of report.hardest) {
      assert.equal(sentence.blockKey, undefined)
      assert.equal(summary.slice(sentence.start, sentence.end), sentence.text)
    }
  })

  it('has nothing to grade in an empty text', () => {
    const report = readabilityReport(undefined, 'en', 8, GLOSSARY)
    assert.deepEqual([report.figures, report.hardest, report.target], [[], [], null])
  })
})

describe('the validation warning uses the Settings target', () => {
  let harness: ValidationHarness
  before(async () => {
    harness = await startValidationHarness()
  })
  after(() => harness?.close())

  it('warns above the target with the grade the panel shows, and not below it', async () => {
    const grade = readabilityReport(ARTICLE.body, 'en', 8, []).figures[0]!.value
    const warnings = warningsAt(await harness.validate(ARTICLE), 'body')
    assert.equal(warnings.length, 1)
    assert.ok(warnings[0]!.message.includes(`Reading grade is ${grade.toFixed(1)}`))
    assert.ok(warnings[0]!.message.includes('grade 8 or below'))
    await harness.client.patch('siteSettings').set({readingGradeTarget: 11}).commit()
    try {
      assert.deepEqual(warningsAt(await harness.validate(ARTICLE), 'body'), [])
    } finally {
      await harness.client.patch('siteSettings').unset(['readingGradeTarget']).commit()
    }
  })
})

describe('sample FAQs', () => {
  const faqs = sample.filter((doc) => doc._type === 'faq')
  const rows = faqs.map((faq) => {
    const report = readabilityReport(faq.answer, String(faq.language), 8, [])
    return {faq, report, figure: report.figures[0]!}
  })

  it('every sample FAQ reads at our target', () => {
    for (const {faq, report} of rows) assert.equal(report.target?.met, true, faq._id)
  })

  it('docs/editors-readability.md lists each FAQ’s figure as computed', () => {
    const doc = readFileSync(new URL('../docs/editors-readability.md', import.meta.url), 'utf8')
    const table = doc.split('<!-- faq-grades -->')[1]?.split('<!-- /faq-grades -->')[0]
    assert.ok(table, 'the table sits between <!-- faq-grades --> markers')
    const listed = table
      .split('\n')
      .filter((line) => line.startsWith('| ') && !/^\| (Question|-)/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map((cells) => `${cells[1]}|${cells[2]}|${cells[3]}`)
    assert.deepEqual(
      listed,
      rows.map(
        ({faq, figure}) =>
          `${String(faq.question)}|${String(faq.language)}|${figure.value.toFixed(1)} ${figure.name.startsWith('Flesch') ? 'grade' : 'INFLESZ'}`,
      ),
    )
  })
})
