// The readability library (schemas/rules/readability): splitting, syllables, the formulas against
// reference texts whose counts and scores are stated with their source, the analysis a panel
// shows, glossary matching, and the validation warnings it drives in Sanity's own validator.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {
  analyzePortableText,
  analyzeText,
  englishSyllables,
  fernandezHuerta,
  fleschKincaid,
  inflesz,
  infleszBand,
  matchGlossary,
  spanishSyllables,
  splitSentences,
  splitWords,
} from '../model/readability'
import {MIN_INFLESZ_SCORE, readingGradeMessage} from '../model/readability/targets'
import {glossaryTerms} from '../content/glossary'
import {errorsAt, startValidationHarness, warningsAt} from './helpers/validation'
import type {ValidationHarness} from './helpers/validation'

const sentencesOf = (text: string) => splitSentences(text).map((s) => s.text)

describe('sentence and word splitting', () => {
  it('does not end a sentence at abbreviations, initials or decimals', () => {
    assert.deepEqual(
      sentencesOf(
        'Dr. Yu gave 2.5 mg at 10 a.m. to the patient. Most people in the U.S. agree, e.g. doctors. Ask J. Smith!',
      ),
      [
        'Dr. Yu gave 2.5 mg at 10 a.m. to the patient.',
        'Most people in the U.S. agree, e.g. doctors.',
        'Ask J. Smith!',
      ],
    )
    assert.deepEqual(
      sentencesOf(
        '¿Le duele? La Dra. Pérez vive en EE. UU. y trabaja allí. Tome 1,5 mg p. ej. hoy.',
      ),
      ['¿Le duele?', 'La Dra. Pérez vive en EE. UU. y trabaja allí.', 'Tome 1,5 mg p. ej. hoy.'],
    )
  })

  it('ends a sentence at each line (list items, headings) and leaves out lines without words', () => {
    assert.deepEqual(sentencesOf('What to do\n1. Drink water.\n2. Rest\n---\n• Call us'), [
      'What to do',
      'Drink water.',
      'Rest',
      '• Call us',
    ])
  })

  it('keeps closing marks and quotes with their sentence, and gives offsets into the text', () => {
    const text = 'He said "Stop." Then he left.  Really?! Yes'
    const sentences = splitSentences(text)
    assert.deepEqual(
      sentences.map((s) => s.text),
      ['He said "Stop."', 'Then he left.', 'Really?!', 'Yes'],
    )
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text)
  })

  it('counts words with letters: numbers are not words, abbreviations are one', () => {
    const text = 'Take 2.5 mg of ibuprofen, e.g. Advil, 3 times a day in the U.S.'
    const words = splitWords(text)
    assert.deepEqual(
      words.map((w) => w.text),
      ['Take', 'mg', 'of', 'ibuprofen', 'e.g', 'Advil', 'times', 'a', 'day', 'in', 'the', 'U.S'],
    )
    for (const w of words) assert.equal(text.slice(w.start, w.end), w.text)
    assert.deepEqual(
      splitWords('¿Qué le pasó a la niña? Está bien.').map((w) => w.text),
      ['Qué', 'le', 'pasó', 'a', 'la', 'niña', 'Está', 'bien'],
    )
  })
})

describe('syllables', () => {
  it('English: vowel groups, silent endings, and vowel pairs said as two', () => {
    const expected: Record<string, number> = {
      cat: 1,
      headache: 2,
      migraine: 2,
      debilitating: 5,
      makes: 1,
      baked: 1,
      boxes: 2,
      wanted: 2,
      tables: 2,
      Australian: 4,
      reptilian: 4,
      radio: 3,
      nation: 2,
      medium: 3,
      actual: 3,
      quality: 3,
      patient: 2,
    }
    for (const [word, n] of Object.entries(expected)) assert.equal(englishSyllables(word), n, word)
  })

  it('Spanish: diphthongs, triphthongs and hiatus (RAE, Ortografía 2010, §4.1.1)', () => {
    const expected: Record<string, number> = {
      // Diphthongs (closed + open, open + closed, two different closed vowels): one syllable.
      cuidado: 3, // cui-da-do
      ciudad: 2, // ciu-dad
      agua: 2, // a-gua
      hoy: 1,
      muy: 1,
      // Triphthongs: one.
      buey: 1,
      averiguáis: 4, // a-ve-ri-guáis
      // Hiatus: two open vowels, an accented i/u, or the same closed vowel twice.
      leer: 2,
      poeta: 3,
      aéreo: 4, // a-é-re-o
      río: 2,
      país: 2,
      baúl: 2,
      oído: 3,
      chiita: 3, // chi-i-ta
      // The u of que/qui, gue/gui is silent; gü is said; y before a vowel is a consonant.
      que: 1,
      guerra: 2,
      pingüino: 3, // pin-güi-no
      y: 1,
      yo: 1,
      mayo: 2,
      // Everyday and medical words.
      cabeza: 3,
      migraña: 3,
      médico: 3,
      administración: 5,
      especializada: 6,
    }
    for (const [word, n] of Object.entries(expected)) assert.equal(spanishSyllables(word), n, word)
  })
})

describe('formulas against reference texts', () => {
  it('Flesch-Kincaid: Wikipedia’s platypus sentence, 13 words and 26 syllables (reading ease 24.4)', () => {
    // Counts from Wikipedia, "Flesch–Kincaid readability tests", whose reading ease for this
    // sentence (206.835 − 1.015 × 13 − 84.6 × 26/13 = 24.4) confirms them. Grade, Kincaid et al.
    // (1975): 0.39 × 13 + 11.8 × 2 − 15.59 = 13.08.
    const analysis = analyzeText(
      'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.',
      'en',
    )
    assert.deepEqual([analysis.words, analysis.sentences, analysis.syllables], [13, 1, 26])
    assert.equal(analysis.formula, 'Flesch-Kincaid grade level')
    assert.equal(analysis.score, 13.1)
    assert.equal(Math.round((206.835 - 1.015 * 13 - 84.6 * (26 / 13)) * 10) / 10, 24.4)
  })

  it('Flesch-Kincaid: a short patient text, counted by hand (14 words, 3 sentences, 15 syllables)', () => {
    // 0.39 × 14/3 + 11.8 × 15/14 − 15.59 = −1.127: below first grade, as plain as it gets.
    const analysis = analyzeText(
      'Drink water. Rest in a dark room. Call us if the pain gets worse.',
      'en',
    )
    assert.deepEqual([analysis.words, analysis.sentences, analysis.syllables], [14, 3, 15])
    assert.equal(analysis.score, -1.1)
    assert.deepEqual(fleschKincaid({words: 14, sentences: 3, syllables: 15}).value, -1.1)
  })

  it('Spanish: an easy text, syllabified by hand after the RAE (11 words, 2 sentences, 19 syllables)', () => {
    // El(1) do-lor(2) de(1) ca-be-za(3) es(1) muy(1) co-mún(2). Be-ba(2) a-gua(2) y(1) des-can-se(3).
    // INFLESZ: 206.835 − 62.3 × 19/11 − 11/2 = 93.73; Fernández-Huerta: 206.84 − 0.60 × 172.7 −
    // 1.02 × 5.5 = 97.59, "muy fácil", 4th grade in Fernández Huerta's table.
    const analysis = analyzeText('El dolor de cabeza es muy común. Beba agua y descanse.', 'es')
    assert.deepEqual([analysis.words, analysis.sentences, analysis.syllables], [11, 2, 19])
    assert.equal(analysis.formula, 'INFLESZ (Szigriszt-Pazos perspicuity)')
    assert.deepEqual(analysis.scores, [
      {
        formula: 'INFLESZ (Szigriszt-Pazos perspicuity)',
        value: 93.7,
        higherIsEasier: true,
        band: 'muy fácil',
      },
      {
        formula: 'Fernández-Huerta readability',
        value: 97.6,
        higherIsEasier: true,
        band: 'muy fácil',
        grade: '4º grado',
      },
    ])
  })

  it('Spanish: a dense medical sentence, by hand (9 words, 33 syllables): muy difícil on both', () => {
    // La(1) ad-mi-nis-tra-ción(5) in-tra-ve-no-sa(5) de(1) a-nal-gé-si-cos(5) re-quie-re(3)
    // su-per-vi-sión(4) mé-di-ca(3) es-pe-cia-li-za-da(6).
    // INFLESZ: 206.835 − 62.3 × 33/9 − 9 = −30.6; Fernández-Huerta: 206.84 − 0.60 × 366.7 − 1.02 × 9 = −22.3.
    const analysis = analyzeText(
      'La administración intravenosa de analgésicos requiere supervisión médica especializada.',
      'es',
    )
    assert.deepEqual([analysis.words, analysis.sentences, analysis.syllables], [9, 1, 33])
    assert.deepEqual(
      analysis.scores.map((s) => [s.value, s.band, s.grade]),
      [
        [-30.6, 'muy difícil', undefined],
        [-22.3, 'muy difícil', 'universitario (especialización)'],
      ],
    )
  })

  it('Fernández-Huerta scores shorter sentences easier (words per sentence, after Law 2011)', () => {
    const long = fernandezHuerta({words: 100, sentences: 2, syllables: 200})
    const short = fernandezHuerta({words: 100, sentences: 10, syllables: 200})
    assert.ok(short.value > long.value, `${short.value} > ${long.value}`)
    assert.equal(short.value, Math.round((206.84 - 0.6 * 200 - 1.02 * 10) * 10) / 10)
    assert.ok(
      inflesz({words: 100, sentences: 10, syllables: 200}).value >
        inflesz({words: 100, sentences: 2, syllables: 200}).value,
    )
  })

  it('INFLESZ bands (Barrio-Cantalejo et al. 2008), a boundary belonging to the band it starts', () => {
    const bands = [0, 39.9, 40, 54.9, 55, 64.9, 65, 80, 80.1, 100].map(infleszBand)
    assert.deepEqual(bands, [
      'muy difícil',
      'muy difícil',
      'algo difícil',
      'algo difícil',
      'normal',
      'normal',
      'bastante fácil',
      'bastante fácil',
      'muy fácil',
      'muy fácil',
    ])
  })
})

describe('analysis for a readability panel', () => {
  const text = [
    'Migraine is common.',
    'Interventional pain management encompasses minimally invasive procedures administered under fluoroscopic guidance.',
    'Rest in a dark room.',
    'Comprehensive multidisciplinary evaluation precedes intervention.',
    'Preventive treatment can reduce how often headaches happen and how severe they are.',
  ].join(' ')

  it('names the three hardest sentences, hardest first, with their grades and offsets', () => {
    const {hardest} = analyzeText(text, 'en')
    assert.equal(hardest.length, 3)
    assert.deepEqual(
      hardest.map((s) => s.text.split(' ')[0]),
      ['Comprehensive', 'Interventional', 'Preventive'],
    )
    for (const s of hardest) assert.equal(text.slice(s.at.start, s.at.end), s.text)
    assert.ok(hardest[0]!.score >= hardest[1]!.score && hardest[1]!.score >= hardest[2]!.score)
    assert.equal(hardest[0]!.score, analyzeText(hardest[0]!.text, 'en').score)
  })

  it('lists long words with their syllables and offsets', () => {
    const {longWords} = analyzeText('Rest helps. Intervention is seldom necessary.', 'en')
    assert.deepEqual(
      longWords.map((w) => [w.text, w.syllables]),
      [
        ['Intervention', 4],
        ['necessary', 4],
      ],
    )
    assert.equal('Rest helps. Intervention is seldom necessary.'.slice(12, 24), 'Intervention')
    assert.deepEqual(longWords[0]!.at, {start: 12, end: 24})
    // Spanish long words start at four syllables: "cabeza" (3) is not one, "medicamento" (5) is.
    assert.deepEqual(
      analyzeText('Me duele la cabeza. Tome el medicamento.', 'es').longWords.map((w) => w.text),
      ['medicamento'],
    )
  })

  it('gives nothing to grade for a text without words', () => {
    const analysis = analyzeText('  2.5 — 10 ', 'en')
    assert.deepEqual([analysis.score, analysis.scores, analysis.hardest], [null, [], []])
  })

  it('reads Portable Text block by block, with offsets in each block’s text', () => {
    const blocks = [
      {
        _type: 'block',
        _key: 'intro',
        children: [
          {_type: 'span', text: 'Rest helps. '},
          {
            _type: 'span',
            text: 'Comprehensive multidisciplinary evaluation precedes intervention.',
          },
        ],
      },
      {_type: 'image', _key: 'img', alt: 'Not text'},
      {_type: 'block', _key: 'end', children: [{_type: 'span', text: 'Call us today'}]},
    ]
    const analysis = analyzePortableText(blocks, 'en')
    assert.deepEqual([analysis.words, analysis.sentences], [10, 3])
    assert.deepEqual(analysis.hardest[0], {
      text: 'Comprehensive multidisciplinary evaluation precedes intervention.',
      at: {blockKey: 'intro', start: 12, end: 77},
      score: analysis.hardest[0]!.score,
    })
    assert.deepEqual(analysis.hardest[1]!.at, {blockKey: 'end', start: 0, end: 13})
    assert.deepEqual(analysis.longWords.at(-1), {
      text: 'intervention',
      syllables: 4,
      at: {blockKey: 'intro', start: 64, end: 76},
    })
  })
})

describe('glossary matching', () => {
  const terms = [
    {term: 'migraine', plainAlternative: 'bad headache', language: 'en'},
    {term: 'therapy', plainAlternative: 'treatment', language: 'en'},
    {term: 'nerve', plainAlternative: 'nerve', language: 'en'},
    {term: 'nerve block', plainAlternative: 'numbing shot', language: 'en'},
    {
      term: 'occipital nerve block',
      plainAlternative: 'numbing shot at the back of the head',
      language: 'en',
    },
    {term: 'reflex', plainAlternative: 'automatic reaction', language: 'en'},
    {term: 'dolor', plainAlternative: 'molestia', language: 'es'},
    {term: 'migraña', plainAlternative: 'dolor de cabeza fuerte', language: 'es'},
  ]
  const found = (text: string) => matchGlossary(text, terms).map((m) => [m.text, m.entry.term])

  it('matches whole words in any case, with English plurals (-s, -es, -ies)', () => {
    assert.deepEqual(found('Migraines and MIGRAINE; therapies, reflexes. Not migrainers.'), [
      ['Migraines', 'migraine'],
      ['MIGRAINE', 'migraine'],
      ['therapies', 'therapy'],
      ['reflexes', 'reflex'],
    ])
  })

  it('matches Spanish plurals (-s, -es)', () => {
    assert.deepEqual(found('Los dolores y las migrañas; el dolor.'), [
      ['dolores', 'dolor'],
      ['migrañas', 'migraña'],
      ['dolor', 'dolor'],
    ])
  })

  it('matches multi-word terms across any white space, the longest match winning', () => {
    const text = 'An occipital\nnerve blocks pain; a nerve block is quick; the nerve heals.'
    const matches = matchGlossary(text, terms)
    assert.deepEqual(
      matches.map((m) => [m.text, m.entry.term]),
      [
        ['occipital\nnerve blocks', 'occipital nerve block'],
        ['nerve block', 'nerve block'],
        ['nerve', 'nerve'],
      ],
    )
    for (const m of matches) assert.equal(text.slice(m.start, m.end), m.text)
  })

  it('finds the sample glossary’s terms (content/glossary.ts)', () => {
    const matches = matchGlossary(
      'Take an analgesic. Prophylactic treatments help. La cefalea es común.',
      glossaryTerms,
    )
    assert.deepEqual(
      matches.map((m) => m.entry.plainAlternative),
      ['pain reliever', 'preventive treatment', 'dolor de cabeza'],
    )
  })
})

describe('the readability warning', () => {
  const HARD_ENGLISH =
    'Interventional pain management encompasses minimally invasive procedures, including epidural steroid injections, radiofrequency ablation and peripheral nerve stimulation, administered under fluoroscopic guidance by fellowship-trained anesthesiologists. Comprehensive multidisciplinary evaluation precedes intervention.'
  const HARD_SPANISH =
    'La administración intravenosa de analgésicos opioides requiere supervisión médica especializada y monitorización hemodinámica continuada. La evaluación multidisciplinaria previa determina la idoneidad terapéutica individualizada del procedimiento intervencionista.'
  const EASY_SPANISH =
    'El dolor de cabeza es muy común. Casi todos lo tienen alguna vez. Beba agua y descanse en un lugar oscuro. Si le duele mucho o muy a menudo, venga a vernos. Le ayudamos a sentirse mejor.'
  const blocks = (text: string) => [{_type: 'block', _key: 'p', children: [{_type: 'span', text}]}]

  it('warns English texts above grade 8 with their Flesch-Kincaid grade', () => {
    assert.match(
      String(readingGradeMessage(blocks(HARD_ENGLISH), 'en')),
      /^Reading grade is \d+\.\d \(Flesch-Kincaid\); patient texts should be grade 8 or below\./,
    )
  })

  it(`warns Spanish texts below INFLESZ ${MIN_INFLESZ_SCORE} ("normal") with their score and band`, () => {
    const message = readingGradeMessage(blocks(HARD_SPANISH), 'es')
    const score = analyzeText(HARD_SPANISH, 'es').score!
    assert.ok(score < MIN_INFLESZ_SCORE)
    assert.equal(
      message,
      `INFLESZ readability is ${score.toFixed(1)} (muy difícil); Spanish patient texts should score 55 ("normal") or above. Try shorter sentences and everyday words.`,
    )
    assert.equal(readingGradeMessage(blocks(EASY_SPANISH), 'es'), true)
    assert.ok(analyzeText(EASY_SPANISH, 'es').score! >= MIN_INFLESZ_SCORE)
  })
})

describe('in Sanity’s validation (the Studio’s rules)', () => {
  let harness: ValidationHarness
  before(async () => {
    harness = await startValidationHarness()
  })
  after(async () => {
    await harness?.close()
  })

  const faq = (language: string, text: string) => ({
    _id: `faq-readability-${language}`,
    _type: 'faq',
    question: 'Una pregunta',
    language,
    category: 'conditions',
    answer: [
      {
        _type: 'block',
        _key: 'p',
        style: 'normal',
        markDefs: [],
        children: [{_type: 'span', _key: 's', text, marks: []}],
      },
    ],
  })

  it('warns a hard Spanish FAQ answer by INFLESZ, and not an easy one', async () => {
    const hard = warningsAt(
      await harness.validate(
        faq(
          'es',
          'La administración intravenosa de analgésicos opioides requiere supervisión médica especializada y monitorización hemodinámica continuada. La evaluación multidisciplinaria previa determina la idoneidad terapéutica individualizada del procedimiento intervencionista.',
        ),
      ),
      'answer',
    )
    assert.equal(hard.length, 1)
    assert.match(hard[0]!.message, /^INFLESZ readability is -?\d+\.\d \(muy difícil\)/)
    const easy = warningsAt(
      await harness.validate(
        faq(
          'es',
          'El dolor de cabeza es muy común. Casi todos lo tienen alguna vez. Beba agua y descanse en un lugar oscuro. Si le duele mucho o muy a menudo, venga a vernos. Le ayudamos a sentirse mejor.',
        ),
      ),
      'answer',
    )
    assert.deepEqual(easy, [])
  })

  it('checks glossary terms: a term is required, a definition is short', async () => {
    const term = {_id: 'glossary-test', _type: 'glossaryTerm', language: 'en'}
    const missing = errorsAt(await harness.validate(term), 'term')
    assert.deepEqual(
      missing.map((p) => p.message),
      ['Enter the term to look for.'],
    )
    const long = errorsAt(
      await harness.validate({...term, term: 'analgesic', definition: 'x'.repeat(301)}),
      'definition',
    )
    assert.deepEqual(
      long.map((p) => p.message),
      ['Keep the definition to 300 characters or fewer.'],
    )
    const good = await harness.validate({
      ...term,
      term: 'analgesic',
      plainAlternative: 'pain reliever',
      definition: 'A medicine that eases pain.',
    })
    assert.deepEqual(good, [])
  })
})
