/// <reference types="mocha" />
// The Portable Text renderer in Chromium (@web/test-runner): CMS content only ever becomes text,
// unsafe links lose their href, unknown types render nothing and warn once.
import {expect} from 'chai'
import {render} from 'lit'
import {ARTICLE_BLOCKS} from './blocks'
import {heading} from './heading'
import {renderPortableText, type RenderOptions} from './render'

let key = 0
const span = (text: string, marks: string[] = []) => ({
  _type: 'span',
  _key: `s${++key}`,
  text,
  marks,
})
const block = (children: object[], markDefs: object[] = [], extra: object = {}) => ({
  _type: 'block',
  _key: `b${++key}`,
  style: 'normal',
  markDefs,
  children,
  ...extra,
})

function show(value: unknown[], options?: RenderOptions): HTMLElement {
  const host = document.createElement('div')
  render(renderPortableText(value, options), host)
  return host
}

describe('Portable Text for Lit (@web/test-runner)', () => {
  let warnings: string[]
  const warn = console.warn
  beforeEach(() => {
    warnings = []
    console.warn = (message: string) => warnings.push(message)
  })
  afterEach(() => {
    console.warn = warn
  })

  it('keeps http(s), mailto and tel links, and drops javascript: and data: hrefs', () => {
    const host = show([
      block(
        [
          span('site', ['a']),
          span(' mail', ['b']),
          span(' call', ['c']),
          span(' evil', ['d']),
          span(' data', ['e']),
        ],
        [
          {_key: 'a', _type: 'link', href: 'https://www.who.int/'},
          {_key: 'b', _type: 'link', href: 'mailto:care@clinic.example'},
          {_key: 'c', _type: 'link', href: 'tel:+15555550100'},
          {_key: 'd', _type: 'link', href: ' javascript:alert(1)'},
          {_key: 'e', _type: 'link', href: 'data:text/html,<script>alert(1)</script>'},
        ],
      ),
    ])
    const links = [...host.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://www.who.int/',
      'mailto:care@clinic.example',
      'tel:+15555550100',
    ])
    expect(links[0]!.rel).to.equal('noopener noreferrer')
    expect(host.textContent).to.equal('site mail call evil data')
  })

  it('renders HTML in text as text', () => {
    const host = show([block([span('<img src=x onerror="window.__ptPwned=1"><b>bold</b>')])])
    expect(host.querySelector('img, b')).to.equal(null)
    expect(host.textContent).to.equal('<img src=x onerror="window.__ptPwned=1"><b>bold</b>')
    expect((window as unknown as {__ptPwned?: number}).__ptPwned).to.equal(undefined)
  })

  it('renders unknown marks as their text and unknown blocks as nothing, warning once per type', () => {
    const host = show([
      block([span('blinking', ['x'])], [{_key: 'x', _type: 'blink'}]),
      {_type: 'mystery', _key: 'm1', html: '<script>1</script>'},
      {_type: 'mystery', _key: 'm2'},
      block([span('after')]),
    ])
    expect(host.textContent).to.equal('blinkingafter')
    expect(host.querySelector('script')).to.equal(null)
    expect(warnings).to.have.length(2)
    expect(warnings.some((w) => w.includes('mark "blink"'))).to.equal(true)
    expect(warnings.some((w) => w.includes('block type "mystery"'))).to.equal(true)
  })

  it('treats types named like Object.prototype members as unknown: the rest renders', () => {
    const names = ['hasOwnProperty', '__proto__', 'valueOf', 'constructor', 'toString']
    const value = [
      ...names.map((name) => ({_type: name, _key: `type-${name}`})),
      block(
        [span('marked', names)],
        names.map((name) => ({_key: name, _type: name})),
      ),
      block([span(' listed')], [], {listItem: 'hasOwnProperty', level: 1, style: 'valueOf'}),
      block([span(' after')], [], {style: '__proto__'}),
    ]
    const host = show(value, {types: ARTICLE_BLOCKS})
    expect(host.textContent!.replace(/\s+/g, ' ').trim()).to.equal('marked listed after')
    for (const name of names) {
      expect(warnings.filter((w) => w.includes(`block type "${name}"`))).to.have.length(1)
      expect(warnings.filter((w) => w.includes(`mark "${name}"`))).to.have.length(1)
    }
    expect(warnings).to.have.length(2 * names.length)
    show(value, {types: ARTICLE_BLOCKS})
    expect(warnings).to.have.length(2 * names.length)
  })

  it('leaves out what it cannot read and renders the rest', () => {
    const host = show([
      null,
      block(
        [
          null,
          7,
          span('kept', ['l', 3 as unknown as string]),
          {_type: 'span', text: {}},
        ] as object[],
        [null, {_key: 'l', _type: 'link', href: 'https://www.who.int/'}] as object[],
      ),
      // The toolkit's own node types, stored: read as nothing rather than trusted.
      {_type: '@list', _key: 'x'},
      block([{_type: '@span', _key: 'y'}, span(' and after')]),
      block([span('deep')], [], {listItem: 'bullet', level: 1e308}),
    ])
    expect(host.querySelector('a')?.getAttribute('href')).to.equal('https://www.who.int/')
    expect(host.textContent!.replace(/\s+/g, ' ').trim()).to.equal('kept and after deep')
    expect(host.querySelectorAll('ul')).to.have.length(20)
  })

  it('nests 12 levels of list and renders a megabyte of text', () => {
    const nested = Array.from({length: 12}, (_, i) =>
      block([span(`level ${i + 1}`)], [], {listItem: i % 2 ? 'number' : 'bullet', level: i + 1}),
    )
    const host = show([...nested, block([span('x'.repeat(1024 * 1024))])])
    let depth = 0
    for (let list = host.querySelector('ul, ol'); list; list = list.querySelector('ul, ol')) depth++
    expect(depth).to.equal(12)
    expect(host.querySelector('ol ul ol')).not.to.equal(null)
    expect(host.textContent!.length).to.be.greaterThan(1024 * 1024)
  })

  it('numbers citation markers by source and links them to the source list', () => {
    const host = show(
      [block([span('WHO', ['m'])], [{_key: 'm', _type: 'citationMarker', sourceKey: 'who'}])],
      {sourceKeys: ['fda', 'who'], citationPrefix: 'src-'},
    )
    const link = host.querySelector('sup[part~="citation"] a')!
    expect(link.getAttribute('href')).to.equal('#src-2')
    expect(link.textContent).to.equal('[2]')
  })

  it('links internal references through the page’s pattern only', () => {
    const value = [
      block(
        [span('chronic migraine', ['i'])],
        [
          {
            _key: 'i',
            _type: 'internalLink',
            reference: {_type: 'condition', slug: 'chronic-migraine'},
          },
        ],
      ),
    ]
    expect(show(value).querySelector('a')).to.equal(null)
    const linked = show(value, {internalHref: (type, slug) => `/learn/${type}/${slug}`})
    expect(linked.querySelector('a')!.getAttribute('href')).to.equal(
      '/learn/condition/chronic-migraine',
    )
  })

  it('renders h2–h4 at the page’s level with a heading renderer, and as paragraphs without', () => {
    const value = [block([span('Section')], [], {style: 'h2'})]
    const article = show(value, {heading, headingLevel: 2})
    expect(article.querySelector('h3')?.getAttribute('part')).to.equal('text-heading text-h2')
    const answer = show(value)
    expect(answer.querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null)
    expect(answer.querySelector('[part="text-paragraph"]')?.textContent).to.equal('Section')
  })

  it('renders an article’s callouts as notes and its images only with a web URL', () => {
    const host = show(
      [
        {
          _type: 'callout',
          _key: 'c',
          tone: 'emergency',
          title: 'Call 911',
          text: 'If it is the worst headache of your life.',
        },
        {
          _type: 'image',
          _key: 'i1',
          alt: 'Diagram',
          asset: {url: 'https://cdn.example/a.png', width: 800, height: 400},
        },
        {_type: 'image', _key: 'i2', alt: 'Bad', asset: {url: 'javascript:alert(1)'}},
      ],
      {types: ARTICLE_BLOCKS},
    )
    const note = host.querySelector('aside[role="note"]')!
    expect(note.getAttribute('part')).to.equal('callout callout-emergency')
    expect(note.textContent).to.contain('Call 911')
    const images = host.querySelectorAll('img')
    expect(images).to.have.length(1)
    expect(images[0]!.alt).to.equal('Diagram')
    expect(images[0]!.getAttribute('width')).to.equal('800')
    // Without the article's block types (an FAQ answer), neither renders.
    expect(show([{_type: 'callout', _key: 'c2', tone: 'info', text: 'x'}]).children).to.have.length(
      0,
    )
  })
})
