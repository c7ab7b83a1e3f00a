// The demo page (every widget, two partner themes) has no axe-core violations, shadow roots included,
// and reflows to a 320 px wide window.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {after, before, describe, it} from 'node:test'
import {
  openDemo,
  shadowOverflow,
  waitForContent,
  WIDGET_TAGS,
  type DemoSession,
} from '../helpers/demo'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

describe('demo page accessibility', () => {
  it('reflows at 320 CSS px: no sideways scrolling, nothing past a widget’s edge (WCAG 1.4.10)', async () => {
    const page = await d.browser.newPage({viewport: {width: 320, height: 640}})
    await page.goto(`${d.lake.url}/demo/`)
    await waitForContent(page)
    // Open every answer and related question, so their content is measured too.
    await page.evaluate((selector) => {
      for (const el of document.querySelectorAll(selector)) {
        for (const button of el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="button"]'))
          button.click()
        for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true
      }
    }, WIDGET_TAGS)
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320)
    assert.deepEqual(await shadowOverflow(page, WIDGET_TAGS), [])
    await page.close()
  })

  it('prints every answer, closed ones included, without the search box', async () => {
    const page = await d.browser.newPage()
    await page.goto(`${d.lake.url}/demo/`)
    await waitForContent(page)
    await page.emulateMedia({media: 'print'})
    // Heights of the closed answers, the search box and the related questions' answers.
    const printed = await page.evaluate(() => {
      const faq = document.querySelector('ck-faq[searchable]')!.shadowRoot!
      const article = document.querySelector('ck-article')!.shadowRoot!
      return {
        closedAnswers: [...faq.querySelectorAll('[part~="panel"][hidden]')].map(
          (el) => el.getBoundingClientRect().height,
        ),
        search: faq.querySelector('[part~="search"]')!.getBoundingClientRect().height,
        relatedAnswers: [...article.querySelectorAll('[part~="related-answer"]')].map(
          (el) => el.getBoundingClientRect().height,
        ),
      }
    })
    assert.ok(printed.closedAnswers.length > 0)
    assert.ok(
      printed.closedAnswers.every((h) => h > 20),
      String(printed.closedAnswers),
    )
    assert.equal(printed.search, 0)
    assert.ok(printed.relatedAnswers.length > 0)
    assert.ok(
      printed.relatedAnswers.every((h) => h > 20),
      String(printed.relatedAnswers),
    )
    await page.close()
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe-core finds no WCAG 2.2 AA violations (${scheme} mode)`, async () => {
      const page = await d.browser.newPage({colorScheme: scheme})
      await page.goto(`${d.lake.url}/demo/`)
      await waitForContent(page)
      const shown = await page.evaluate(
        (selector) =>
          [...document.querySelectorAll(selector)].map((el) => ({
            tag: el.localName,
            error: Boolean(el.shadowRoot!.querySelector('[role="alert"]')),
          })),
        WIDGET_TAGS,
      )
      assert.deepEqual([...new Set(shown.map((s) => s.tag))].sort(), [
        'ck-article',
        'ck-clinician',
        'ck-clinician-list',
        'ck-faq',
      ])
      assert.ok(shown.every((s) => !s.error))
      // Open one answer so its content is audited too.
      await page.locator('#demo-faq >> [part~="button"]').first().click()
      await page.addScriptTag({content: axeSource})
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                ctx: Document,
                o: object,
              ) => Promise<{violations: Array<{id: string; nodes: Array<{target: unknown}>}>}>
            }
          }
        ).axe
        const result = await axe.run(document, {
          runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
        })
        return result.violations.map((v) => ({id: v.id, targets: v.nodes.map((n) => n.target)}))
      })
      assert.deepEqual(violations, [])
      await page.close()
    })
  }
})
