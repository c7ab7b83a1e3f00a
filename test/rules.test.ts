// Unit tests of the rule helpers the schema's validation uses.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {contrastRatio, parseHex, themeContrastProblems} from '../model/contrast'
import {isValidNpi} from '../model/npi'
import {
  countSyllables,
  fleschKincaidGrade,
  portableTextToPlainText,
} from '../model/readability/reading-grade'
import {addMonths, reviewDueDate, reviewStatus} from '../model/review/dates'

describe('NPI check digit', () => {
  it('accepts the CMS example NPI and rejects a changed check digit', () => {
    assert.equal(isValidNpi('1234567893'), true)
    assert.equal(isValidNpi('1234567890'), false)
  })
  it('rejects wrong lengths and non-digits', () => {
    assert.equal(isValidNpi('123456789'), false)
    assert.equal(isValidNpi('12345678931'), false)
    assert.equal(isValidNpi('12345678a3'), false)
  })
})

describe('reading grade', () => {
  it('counts syllables by vowel groups', () => {
    assert.equal(countSyllables('cat'), 1)
    assert.equal(countSyllables('headache'), 2)
    assert.equal(countSyllables('migraine'), 2)
    assert.equal(countSyllables('debilitating'), 5)
  })
  it('grades simple text low and dense text high', () => {
    const simple = fleschKincaidGrade('The cat sat on the mat. The dog ran to the park.')
    const dense = fleschKincaidGrade(
      'Interventional pain management encompasses minimally invasive procedures, including epidural steroid injections and radiofrequency ablation, administered under fluoroscopic guidance.',
    )
    assert.ok(simple !== null && simple < 3, `simple text graded ${simple}`)
    assert.ok(dense !== null && dense > 14, `dense text graded ${dense}`)
  })
  it('reads only text blocks of Portable Text', () => {
    const text = portableTextToPlainText([
      {
        _type: 'block',
        children: [
          {_type: 'span', text: 'Hello '},
          {_type: 'span', text: 'there.'},
        ],
      },
      {_type: 'image', alt: 'ignored'},
      {_type: 'block', children: [{_type: 'span', text: 'Second.'}]},
    ])
    assert.equal(text, 'Hello there.\nSecond.')
  })
})

describe('review dates', () => {
  it('adds months and clamps to the end of shorter months', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28')
    assert.equal(addMonths('2026-11-02', 12), '2027-11-02')
    assert.equal(addMonths('2026-03-15', -12), '2025-03-15')
  })
  it('falls due after the interval unless a date is set', () => {
    assert.equal(reviewDueDate({reviewedAt: '2025-05-01'}), '2026-05-01')
    assert.equal(
      reviewDueDate({reviewedAt: '2025-05-01', nextReviewDue: '2025-11-01'}),
      '2025-11-01',
    )
    assert.equal(reviewDueDate({}), null)
  })
  it('tells current, overdue and never reviewed apart', () => {
    const now = new Date('2026-11-24T12:00:00Z')
    assert.equal(reviewStatus({reviewedAt: '2026-06-01'}, now), 'current')
    assert.equal(reviewStatus({reviewedAt: '2025-06-01'}, now), 'overdue')
    assert.equal(
      reviewStatus({reviewedAt: '2026-06-01', nextReviewDue: '2026-09-01'}, now),
      'overdue',
    )
    assert.equal(reviewStatus(undefined, now), 'not-reviewed')
  })
})

describe('theme contrast', () => {
  it('measures contrast as WCAG defines it', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21)
    assert.equal(contrastRatio('#fff', '#fff'), 1)
    // #767676 on white is the well-known lightest grey that passes 4.5:1; #777777 just fails.
    assert.ok(contrastRatio('#767676', '#ffffff')! >= 4.5)
    assert.ok(contrastRatio('#777777', '#ffffff')! < 4.5)
    assert.deepEqual(parseHex('#0B5CAD'), [11, 92, 173])
    assert.equal(contrastRatio('blue', '#ffffff'), null)
  })
  it('passes the widgets’ own colours and names each unreadable pair', () => {
    assert.deepEqual(themeContrastProblems(undefined), [])
    assert.deepEqual(themeContrastProblems({colorPrimary: '', colorText: '#1b2430'}), [])
    const problems = themeContrastProblems({colorPrimary: '#7fb2e5', colorBackground: '#ffffff'})
    // The light accent fails as link text and behind white button text.
    assert.equal(problems.length, 2)
    assert.match(
      problems[0]!,
      /^Links in the accent colour \(#7fb2e5\) on #ffffff has a contrast of 2\.\d:1/,
    )
    assert.match(problems[1]!, /^Button text \(#ffffff\) on #7fb2e5/)
    // A dark background fails the widgets' grey and the default dark text.
    const dark = themeContrastProblems({colorBackground: '#111111'})
    assert.ok(dark.some((p) => p.startsWith('Body text (#1b2430) on #111111')))
    assert.ok(dark.some((p) => p.startsWith('Secondary text')))
  })
})
