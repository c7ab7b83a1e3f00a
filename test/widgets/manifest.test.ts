// The custom-elements manifest, generated from the elements' JSDoc by `npm run build`, documents
// every element's attributes, parts, custom properties and events: the ones listed here, and every
// part the built elements render and every --ck-* property their styles read.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import {openDemo, waitForContent, widgetPage, type DemoSession} from '../helpers/demo'
import {lakeClient} from '../helpers/lake'
import {textBlock} from '../helpers/portable-text'

interface Declaration {
  tagName?: string
  attributes?: Array<{name: string}>
  cssParts?: Array<{name: string}>
  cssProperties?: Array<{name: string}>
  events?: Array<{name: string}>
}

const manifest = JSON.parse(readFileSync('widgets/dist/custom-elements.json', 'utf8')) as {
  modules: Array<{declarations?: Declaration[]}>
}
const element = (tag: string) => {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)
  assert.ok(found, `${tag} is in the manifest`)
  return found
}
const names = (list: Array<{name: string}> | undefined) => (list ?? []).map((item) => item.name)

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

/** An article using every kind of text the editor offers (images have their own test). */
const EVERY_BLOCK_ARTICLE = {
  _id: 'article-every-block',
  _type: 'article',
  title: 'Every block',
  slug: {_type: 'slug', current: 'every-block'},
  language: 'en',
  sources: [{_key: 'src', title: 'A source', url: 'https://example.org/'}],
  body: [
    textBlock('h2', 'Level two', {style: 'h2'}),
    textBlock('h3', 'Level three', {style: 'h3'}),
    textBlock('h4', 'Level four', {style: 'h4'}),
    textBlock('q', 'A quotation', {style: 'blockquote'}),
    textBlock('l1', 'An item', {listItem: 'bullet', level: 1}),
    textBlock('l2', 'A nested item', {listItem: 'number', level: 2}),
    textBlock(
      'p',
      [
        {text: 'A link', marks: ['ln']},
        {text: ' and a cited claim', marks: ['ci']},
      ],
      {
        markDefs: [
          {_key: 'ln', _type: 'link', href: 'https://example.org/'},
          {_key: 'ci', _type: 'citationMarker', sourceKey: 'src'},
        ],
      },
    ),
    ...['info', 'warning', 'emergency'].map((tone) => ({
      _type: 'callout',
      _key: tone,
      tone,
      title: `A ${tone} callout`,
      text: 'What it says.',
    })),
  ],
}

describe('custom-elements.json', () => {
  it('documents every part the elements render and every --ck-* property their styles read', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    await client.createOrReplace(EVERY_BLOCK_ARTICLE)
    const page = await widgetPage(
      d,
      `<ck-faq topic="chronic-migraine" searchable></ck-faq>
       <ck-faq partner="riverbend-family-medicine"></ck-faq>
       <ck-faq category="no-such-category"></ck-faq>
       <ck-faq api-host="http://127.0.0.1:9"></ck-faq>
       <ck-article slug="every-block"></ck-article>
       <ck-article slug="prevent-headaches-with-botox"></ck-article>
       <ck-clinician slug="sloane-yu"></ck-clinician>
       <ck-clinician-list clinic="allied-pain-spine-institute"></ck-clinician-list>`,
    )
    try {
      const tags = 'ck-faq, ck-article, ck-clinician, ck-clinician-list'
      await waitForContent(page, tags)
      // Open every answer, and search, so panels and match highlights render too.
      await page.locator('ck-faq[searchable] >> [part~="search"]').fill('botox')
      const used = await page.evaluate((selector) => {
        const found: Record<string, {parts: string[]; properties: string[]}> = {}
        for (const el of document.querySelectorAll(selector)) {
          for (const button of el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="button"]'))
            button.click()
          const entry = (found[el.localName] ??= {parts: [], properties: []})
          for (const node of el.shadowRoot!.querySelectorAll('[part]'))
            entry.parts.push(...node.getAttribute('part')!.split(/\s+/))
          const styles = (el.constructor as unknown as {elementStyles: Array<{cssText: string}>})
            .elementStyles
          for (const sheet of styles)
            entry.properties.push(...(sheet.cssText.match(/--ck-[\w-]+/g) ?? []))
        }
        return found
      }, tags)
      for (const [tag, {parts, properties}] of Object.entries(used)) {
        const declared = element(tag)
        const undocumented = (list: string[], documented: Array<{name: string}> | undefined) =>
          [...new Set(list)].filter((name) => !names(documented).includes(name)).sort()
        assert.deepEqual(undocumented(parts, declared.cssParts), [], `${tag}: undocumented parts`)
        assert.deepEqual(
          undocumented(properties, declared.cssProperties),
          [],
          `${tag}: undocumented custom properties`,
        )
      }
      assert.deepEqual(Object.keys(used).sort(), [
        'ck-article',
        'ck-clinician',
        'ck-clinician-list',
        'ck-faq',
      ])
      // The article rendered every kind of text, so its parts were all checked.
      const articleParts = await page
        .locator('ck-article')
        .first()
        .evaluate((el) =>
          [...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) =>
            n.getAttribute('part')!.split(/\s+/),
          ),
        )
      for (const part of ['text-h4', 'text-quote', 'citation', 'callout-emergency', 'text-list'])
        assert.ok(articleParts.includes(part), part)
    } finally {
      await page.close()
      await client.delete(EVERY_BLOCK_ARTICLE._id)
    }
  })

  it('documents <ck-faq>', () => {
    const faq = element('ck-faq')
    for (const attr of [
      'topic',
      'category',
      'limit',
      'partner',
      'heading-level',
      'searchable',
      'structured-data',
      'live',
    ])
      assert.ok(names(faq.attributes).includes(attr), attr)
    for (const part of ['button', 'panel', 'heading', 'search', 'retry'])
      assert.ok(names(faq.cssParts).includes(part), part)
    assert.ok(names(faq.cssProperties).includes('--ck-color-primary'))
    assert.deepEqual(names(faq.events).sort(), ['ck-error', 'ck-faq-toggle', 'ck-load'])
  })
  it('documents <ck-article>', () => {
    const article = element('ck-article')
    assert.ok(names(article.attributes).includes('slug'))
    assert.ok(names(article.cssParts).includes('byline'))
  })
  it('documents <ck-clinician> and <ck-clinician-list>', () => {
    const card = element('ck-clinician')
    for (const attr of ['slug', 'heading-level', 'live', 'cache'])
      assert.ok(names(card.attributes).includes(attr), attr)
    for (const part of ['photo', 'name', 'booking', 'accepting'])
      assert.ok(names(card.cssParts).includes(part), part)
    assert.ok(names(card.cssProperties).includes('--ck-photo-size'))
    const list = element('ck-clinician-list')
    for (const attr of ['clinic', 'specialty', 'limit'])
      assert.ok(names(list.attributes).includes(attr), attr)
    assert.deepEqual(names(list.events).sort(), ['ck-error', 'ck-load'])
  })
  it('documents <ck-config>', () => {
    const config = element('ck-config')
    assert.deepEqual(names(config.attributes).sort(), [
      'api-host',
      'api-version',
      'cache',
      'dataset',
      'lang',
      'partner',
      'project-id',
    ])
  })
})
