// The per-element drop-in scripts (dist/ck-faq.iife.js, ck-article.iife.js, ck-clinician.iife.js):
// each alone on a page registers only its own elements and <ck-config>, and shows the sample.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import {openDemo, widgetHtml, widgetPage, type DemoSession} from '../helpers/demo'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

const TAGS = ['ck-faq', 'ck-article', 'ck-clinician', 'ck-clinician-list', 'ck-config']

const DROP_INS = [
  {
    script: 'ck-faq.iife.js',
    markup: '<ck-config lang="es"></ck-config><ck-faq topic="chronic-migraine"></ck-faq>',
    registers: ['ck-faq', 'ck-config'],
    source: '../faq/ck-faq.ts',
    shown: {selector: 'ck-faq', part: 'button', text: '¿Qué tipos de dolor de cabeza puede ayudar'},
  },
  {
    script: 'ck-article.iife.js',
    markup: '<ck-article slug="prevent-headaches-with-botox"></ck-article>',
    registers: ['ck-article', 'ck-config'],
    source: '../article/ck-article.ts',
    shown: {selector: 'ck-article', part: 'title', text: 'You Can Prevent Headaches with Botox'},
  },
  {
    script: 'ck-clinician.iife.js',
    markup:
      '<ck-clinician slug="sloane-yu"></ck-clinician><ck-clinician-list clinic="allied-pain-spine-institute"></ck-clinician-list>',
    registers: ['ck-clinician', 'ck-clinician-list', 'ck-config'],
    source: '../clinician/card.ts',
    shown: {selector: 'ck-clinician-list', part: 'name', text: 'Dr. Sloane Yu, MD'},
  },
]

describe('drop-in scripts for one element', () => {
  for (const {script, markup, registers, shown} of DROP_INS) {
    it(`${script} registers ${registers.join(', ')} and nothing else, and shows the sample`, async () => {
      const page = await widgetPage(d, markup, {script})
      const element = page.locator(shown.selector).first()
      await element.locator(`[part~="${shown.part}"]`).first().waitFor()
      assert.match(
        String(await element.locator(`[part~="${shown.part}"]`).first().textContent()),
        new RegExp(shown.text.replace(/[.?¿]/g, '\\$&')),
      )
      const defined = await page.evaluate(
        (tags) => tags.filter((tag) => customElements.get(tag)),
        TAGS,
      )
      assert.deepEqual(defined, registers)
      assert.equal(await page.evaluate(() => typeof window.clinicKit?.configure), 'function')
      await page.close()
    })
  }

  it('keep source maps into the sources through the build’s second minification pass', () => {
    for (const {script, source} of [
      ...DROP_INS,
      {script: 'clinic-kit.iife.js', source: '../define.ts'},
    ]) {
      const map = JSON.parse(readFileSync(`widgets/dist/${script}.map`, 'utf8')) as {
        sources: string[]
        mappings: string
      }
      assert.ok(map.sources.includes(source), `${script}.map lists ${source}`)
      assert.ok(map.mappings.length > 1000, `${script}.map has mappings`)
      assert.match(
        readFileSync(`widgets/dist/${script}`, 'utf8'),
        new RegExp(`sourceMappingURL=${script}\\.map\\s*$`),
      )
    }
  })
})

describe('an unknown partner slug', () => {
  const MISSPELT = 'riverbend-family-medecine'
  for (const script of ['ck-faq.iife.js', 'clinic-kit.iife.js']) {
    it(`${script}: shows the error state naming it, warns once, and a correct slug still works`, async () => {
      const page = await d.browser.newPage()
      const warnings: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text())
      })
      await page.route('**/widget-test.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: widgetHtml(
            d,
            `<ck-faq id="en" partner="${MISSPELT}"></ck-faq>
             <ck-faq id="es" partner="${MISSPELT}" lang="es"></ck-faq>
             <ck-faq id="right" partner="riverbend-family-medicine"></ck-faq>`,
            {script},
          ),
        }),
      )
      await page.goto(`${d.lake.url}/widget-test.html`)
      const status = (id: string) => page.locator(`#${id} [part~="status"][role="alert"]`)
      await status('en').waitFor()
      assert.match(
        String(await status('en').textContent()),
        /Unknown partner “riverbend-family-medecine”/,
      )
      await status('es').waitFor()
      assert.match(
        String(await status('es').textContent()),
        /Socio desconocido “riverbend-family-medecine”/,
      )
      // The error state, so no questions of anyone else's and a Try again that fails the same way.
      assert.equal(await page.locator('#en [part~="questions"]').count(), 0)
      await page.locator('#en [part~="retry"]').click()
      await status('en').waitFor()
      // The correct slug: its questions and its credit line.
      await page.locator('#right [part~="questions"]').waitFor()
      await page.locator('#right [part~="attribution"]').waitFor()
      assert.equal(await page.locator('#right [part~="status"]').count(), 0)
      const named = warnings.filter((text) => text.includes(MISSPELT))
      assert.deepEqual(named, [`clinic-kit: Unknown partner “${MISSPELT}”`])
      await page.close()
    })
  }
})
