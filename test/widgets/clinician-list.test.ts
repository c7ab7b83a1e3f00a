// <ck-clinician-list> from the built drop-in script, in Debian's Chromium, reading a real lake.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {cardsReady as ready, clinicianDemo} from '../helpers/clinicians'
import {jsonLdOf, widgetPage} from '../helpers/demo'

const demo = clinicianDemo()

describe('<ck-clinician-list>', () => {
  const names = (page: Page, selector: string) =>
    page
      .locator(selector)
      .evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll('[part~="name"]')].map((n) => n.textContent),
      )

  it('lists the clinicians at a clinic, or with a specialty in any letter case', async () => {
    const page = await widgetPage(
      demo(),
      `
      <ck-clinician-list id="all"></ck-clinician-list>
      <ck-clinician-list id="allied" clinic="allied-pain-spine-institute"></ck-clinician-list>
      <ck-clinician-list id="neuro" specialty="NEUROLOGY"></ck-clinician-list>
      <ck-clinician-list id="none" specialty="Cardiology"></ck-clinician-list>`,
    )
    await ready(page, 'ck-clinician-list')
    assert.deepEqual(await names(page, '#all'), ['Ada Okafor, DO', 'Dr. Sloane Yu, MD'])
    assert.deepEqual(await names(page, '#allied'), ['Dr. Sloane Yu, MD'])
    assert.deepEqual(await names(page, '#neuro'), ['Ada Okafor, DO'])
    assert.equal(
      await page.locator('#none >> [part~="status"]').textContent(),
      'No clinicians to show.',
    )
    assert.equal(await page.locator('#all >> ul[part~="list"] > li[part~="item"]').count(), 2)

    const data = await jsonLdOf(page, '#allied')
    const graph = data['@graph'] as Array<Record<string, unknown>>
    assert.deepEqual(
      graph.map((p) => [p['@type'], p.name]),
      [['IndividualPhysician', 'Dr. Sloane Yu, MD']],
    )
    assert.equal(await page.locator('#none > script').count(), 0)
    await page.close()
  })
})
