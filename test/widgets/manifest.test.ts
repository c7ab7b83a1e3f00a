// The custom-elements manifest, generated from the elements' JSDoc by `npm run build`, documents
// every element's attributes, parts, custom properties and events.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'

interface Declaration {
  tagName?: string
  attributes?: Array<{name: string}>
  cssParts?: Array<{name: string}>
  cssProperties?: Array<{name: string}>
  events?: Array<{name: string}>
}

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as {
  modules: Array<{declarations?: Declaration[]}>
}
const element = (tag: string) => {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)
  assert.ok(found, `${tag} is in the manifest`)
  return found
}
const names = (list: Array<{name: string}> | undefined) => (list ?? []).map((item) => item.name)

describe('custom-elements.json', () => {
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
