// Which theme values become --ck-* properties: the widget's own check, before any value reaches a
// custom property, whatever the stored partner document holds.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {PartnerTheme} from '../content/queries'
import type {Tally} from '../portable-text/clean'
import {LIGHT_PALETTE} from './palette'
import {themeProperties} from './theme'

/** The property a single theme field becomes, and what was counted as left out. */
function applied(field: keyof PartnerTheme, value: unknown, property: string) {
  const skipped: Tally = {}
  const values = themeProperties({[field]: value}, skipped)
  return {value: values[property] ?? null, skipped: Object.keys(skipped)}
}

describe('theme tokens in the widget', () => {
  it('keeps hex, rgb() and hsl() colours with numbers only', () => {
    for (const colour of [
      '#1a5f7a',
      '#FFF',
      'rgb(26, 95, 122)',
      'rgb(26 95 122)',
      'hsl(200, 30%, 15.5%)',
    ])
      assert.deepEqual(applied('colorText', colour, '--ck-color-text'), {
        value: colour,
        skipped: [],
      })
  })

  it('drops colours that are not plain colours, counting each', () => {
    for (const colour of [
      'transparent',
      'red',
      'currentcolor',
      '#0000',
      '#1a5f7a00',
      'rgba(0, 0, 0, 0)',
      'rgb(var(--x), 0, 0)',
      'url(http://127.0.0.1/beacon)',
      'image-set("a.png" 1x)',
      'expression(alert(1))',
      '#fff; background: url(x)',
      '#fff\n',
      {'@type': 'Color'},
    ])
      // A theme with no usable colour sets none: the page's own or the defaults stay.
      assert.deepEqual(
        applied('colorBackground', colour, '--ck-color-bg'),
        {value: null, skipped: ['theme colorBackground']},
        String(colour),
      )
  })

  it('fills the colours a theme leaves out (or drops) from the light palette', () => {
    const skipped: Tally = {}
    const values = themeProperties({colorPrimary: '#0f6e5a', colorText: 'transparent'}, skipped)
    assert.equal(values['--ck-color-primary'], '#0f6e5a')
    assert.equal(values['--ck-color-text'], LIGHT_PALETTE['--ck-color-text'])
    assert.equal(values['--ck-padding'], null)
    assert.deepEqual(skipped, {'theme colorText': 1})
  })

  it('keeps a radius from 0 to 32 px (px, rem or em; a number is px)', () => {
    for (const [radius, css] of [
      [0, '0px'],
      [12, '12px'],
      [32, '32px'],
      ['8px', '8px'],
      ['0.5rem', '0.5rem'],
      ['2em', '2em'],
    ] as const)
      assert.deepEqual(applied('radius', radius, '--ck-radius'), {value: css, skipped: []})
    for (const radius of [1e308, 33, -1, '3rem', '10vw', '8px;', 'calc(8px)', Infinity])
      assert.deepEqual(
        applied('radius', radius, '--ck-radius'),
        {value: null, skipped: ['theme radius']},
        String(radius),
      )
  })

  it('keeps font stacks of plain family names, and drops anything else', () => {
    for (const font of [
      'Georgia, "Times New Roman", serif',
      "'Source Sans 3', system-ui",
      'sans-serif',
    ])
      assert.deepEqual(applied('fontFamily', font, '--ck-font'), {value: font, skipped: []})
    for (const font of [
      '"Unclosed, serif',
      'Georgia; color: red',
      'x} :host {display:none',
      'url(http://127.0.0.1/font)',
      'var(--page-font)',
      'Georgia,,serif',
      'Georgia,',
      ' '.repeat(10_000) + '!',
    ])
      assert.deepEqual(
        applied('fontFamily', font, '--ck-font'),
        {value: null, skipped: ['theme fontFamily']},
        font.slice(0, 40),
      )
  })

  it('sets nothing and counts nothing for a theme with no values', () => {
    const skipped: Tally = {}
    const values = themeProperties({colorText: '', radius: null}, skipped)
    assert.deepEqual(Object.values(values).filter(Boolean), [])
    assert.deepEqual(skipped, {})
  })
})
