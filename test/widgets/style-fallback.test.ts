// Browsers without constructable style sheets get each element's styles as <style> elements in
// its shadow root (Lit's fallback). Every element still renders beside them, styled.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {openDemo, waitForEvery, widgetPage, WIDGET_TAGS, type DemoSession} from '../helpers/demo'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

describe('without adoptedStyleSheets', () => {
  it('every element renders its content, styled, after the <style> fallback', async () => {
    const context = await d.browser.newContext()
    // Before the kit loads: Lit picks the fallback when the document lacks the API.
    await context.addInitScript(() => {
      delete (Document.prototype as {adoptedStyleSheets?: unknown}).adoptedStyleSheets
      delete (ShadowRoot.prototype as {adoptedStyleSheets?: unknown}).adoptedStyleSheets
    })
    const page = await widgetPage(
      d,
      `<ck-faq topic="chronic-migraine"></ck-faq>
       <ck-article slug="prevent-headaches-with-botox"></ck-article>
       <ck-clinician slug="sloane-yu"></ck-clinician>
       <ck-clinician-list clinic="allied-pain-spine-institute"></ck-clinician-list>`,
      {context},
    )
    // Content, not a status: an error here would mean the fallback failed.
    await waitForEvery(page, WIDGET_TAGS, '[part~="questions"], [part~="title"], [part~="card"]')
    const shown = await page.evaluate(
      (selector) =>
        [...document.querySelectorAll(selector)].map((el) => ({
          tag: el.localName,
          styleElements: [...el.shadowRoot!.children].filter((c) => c.localName === 'style').length,
          // The base wrapper comes after the styles and holds the content.
          last: el.shadowRoot!.lastElementChild?.getAttribute('part'),
        })),
      WIDGET_TAGS,
    )
    for (const {tag, styleElements, last} of shown) {
      assert.ok(styleElements > 0, `${tag} uses <style> elements`)
      assert.equal(last, 'base', tag)
    }
    const weight = await page
      .locator('ck-faq >> [part~="button"]')
      .first()
      .evaluate((el) => getComputedStyle(el).fontWeight)
    assert.equal(weight, '600')
    await context.close()
  })
})
