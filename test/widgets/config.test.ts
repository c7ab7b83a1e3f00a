// Configuration precedence in Chromium with the built drop-in script: an element's attributes beat
// the page's <ck-config>, which beats clinicKit.configure() (widgetPage sets that to the lake).
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {openDemo, waitForEvery, widgetPage, type DemoSession} from '../helpers/demo'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

const UNREACHABLE = 'http://127.0.0.1:9'

describe('<ck-config>', () => {
  it('sets the language and content service for the page, below each element’s own attributes', async () => {
    const page = await widgetPage(
      d,
      `<ck-config api-host="${UNREACHABLE}" lang="es"></ck-config>
       <ck-faq id="page-wide" topic="chronic-migraine"></ck-faq>
       <ck-faq id="own-host" topic="chronic-migraine" api-host="${d.lake.url}"></ck-faq>
       <ck-faq id="own-lang" topic="chronic-migraine" api-host="${d.lake.url}" lang="en"></ck-faq>`,
    )
    await waitForEvery(page, 'ck-faq', '[part~="questions"], [part~="status"]')
    // <ck-config> beats configure(): its unreachable host fails, in Spanish.
    assert.match(
      String(await page.locator('#page-wide >> [role="alert"]').textContent()),
      /No se pudieron cargar las preguntas/,
    )
    // The element's api-host beats <ck-config>; the Spanish FAQs come from <ck-config lang>.
    const question = (id: string) =>
      page.locator(`#${id} >> [part~="button"] > span`).first().textContent()
    assert.equal(
      await question('own-host'),
      '¿Qué tipos de dolor de cabeza puede ayudar a tratar el Botox?',
    )
    assert.equal(await question('own-lang'), 'What types of headaches can Botox help?')
    assert.equal(await page.locator('ck-config').isVisible(), false)
    await page.close()
  })
})
