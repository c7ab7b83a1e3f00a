// The readability panel and the Preview view in the real Studio on the real lake: the seed
// article's grade and hardest sentences (long ones wrapped inside the panel), an FAQ answer typed
// into (grade and preview change, nothing is published), an FAQ shown on Riverbend's page, dark and
// at a phone's width, and a partner's preview against its embed on a page.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {SAMPLE_PATH} from '../../content/build'
import {readNdjson} from '../../content/validate'
import {readabilityReport} from '../../studio/readability/report'
import {lakeClient} from '../helpers/lake'
import {openWithPreview as openPreview} from '../helpers/preview'
import {openStudio, watchLakeFailures, type StudioSession} from '../helpers/studio'

const ARTICLE_ID = 'article-prevent-headaches-with-botox'
const FAQ_ID = 'faq-what-helps-minor-headaches'
const RIVERBEND = 'partner-riverbend-family-medicine'
const LONG_SENTENCE =
  ' Nonsteroidal anti-inflammatory medications, administered intermittently, occasionally precipitate medication-overuse headaches necessitating comprehensive neurological evaluation.'

/** The kit's default backgrounds, light and dark (widgets/styles/tokens.ts). */
const LIGHT_BG = 'rgb(255, 255, 255)'
const DARK_BG = 'rgb(17, 24, 33)'

const sample = readNdjson(SAMPLE_PATH) as Array<Record<string, unknown> & {_id: string}>
const byId = (id: string) => sample.find((doc) => doc._id === id)!

let s: StudioSession
let page: Page
const lakeFailures: string[] = []
const consoleErrors: string[] = []

before(async () => {
  s = await openStudio()
  page = s.page
  watchLakeFailures(page, s, {lakeFailures, consoleErrors})
  await s.signIn()
})
after(() => s?.close())

/** Asks `read` again until it answers truthy; errors (a frame being replaced) count as not yet. */
async function until<T>(
  read: () => Promise<T>,
  what: string,
  timeoutMs = 30_000,
): Promise<Exclude<T, false | null | undefined>> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await read()
      if (value) return value as Exclude<T, false | null | undefined>
      last = value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${String(last)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const openWithPreview = (type: string, id: string) => openPreview(page, s.studioUrl, type, id)

describe('the readability panel', () => {
  it('shows the seed article’s grade and names its three hardest sentences', async () => {
    const article = byId(ARTICLE_ID)
    const report = readabilityReport(article.body, 'en', 8, [])
    const grade = report.figures[0]!.value.toFixed(1)
    await page.goto(`${s.studioUrl}/structure/article;${ARTICLE_ID}`)
    const panel = page
      .getByTestId('readability-panel')
      .filter({hasText: `Flesch-Kincaid grade level: ${grade}`})
    await panel.waitFor({timeout: 90_000})
    await panel.getByText('Target: grade 8 or below').waitFor()
    await page.getByText('Glossary', {exact: true}).first().waitFor()
    const sentences = await panel.getByTestId('readability-sentence').allTextContents()
    assert.equal(sentences.length, 3)
    report.hardest.forEach((sentence, i) =>
      assert.ok(sentences[i]!.startsWith(sentence.text), `${sentences[i]} is “${sentence.text}”`),
    )
    // A long sentence wraps inside the panel, clear of its grade figure, also at a small
    // laptop's width where the form is narrower than the hardest sentences.
    await page.setViewportSize({width: 1024, height: 900})
    try {
      await panel.getByTestId('readability-sentence').first().waitFor()
      // Where the words are drawn (a range's box: text overflowing its element counts), not
      // where their element is laid out. No named helpers inside evaluate: tsx would wrap them
      // in a function the page does not have.
      const boxes = await panel.evaluate(
        (el, hardest) => ({
          panel: el.getBoundingClientRect().toJSON() as DOMRect,
          sentences: [...el.querySelectorAll('[data-testid="readability-sentence"]')].map(
            (button, i) => {
              const [text, grade] = [hardest[i]!.text, hardest[i]!.score].map((wanted) => {
                const holder = [...button.querySelectorAll('*')]
                  .reverse()
                  .find((node) => node.textContent === wanted)
                if (!holder) return null
                const range = document.createRange()
                range.selectNodeContents(holder)
                return range.getBoundingClientRect().toJSON() as DOMRect
              })
              return {button: button.getBoundingClientRect().toJSON() as DOMRect, text, grade}
            },
          ),
        }),
        report.hardest.map((sentence) => ({text: sentence.text, score: sentence.score.toFixed(1)})),
      )
      const {panel: outer} = boxes
      for (const [i, {button, text, grade}] of boxes.sentences.entries()) {
        const what = `sentence ${i + 1} (“${report.hardest[i]!.text.slice(0, 40)}…”)`
        assert.ok(text && grade, `${what}: its text and grade are drawn`)
        for (const [name, inner] of Object.entries({button, text, grade}))
          assert.ok(
            inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5,
            `${what}: its ${name} (${inner.left}–${inner.right}) stays within the panel (${outer.left}–${outer.right})`,
          )
        const apart =
          text.right <= grade.left + 0.5 ||
          grade.right <= text.left + 0.5 ||
          text.bottom <= grade.top + 0.5 ||
          grade.bottom <= text.top + 0.5
        assert.ok(
          apart,
          `${what}: its text (${JSON.stringify(text)}) overlaps its grade (${JSON.stringify(grade)})`,
        )
      }
      assert.ok(
        boxes.sentences.some(({text}) => text!.height > 30),
        `at least one hardest sentence of the seed article is long enough to wrap: ${JSON.stringify(boxes)}`,
      )
    } finally {
      await page.setViewportSize({width: 1400, height: 900})
    }
  })
})

describe('the Preview view', () => {
  it('an FAQ answer typed into changes the grade and the preview, without publishing', async () => {
    const frame = await openWithPreview('faq', FAQ_ID)
    const question = String(byId(FAQ_ID).question)
    await frame.getByText(question).waitFor()
    // The partners' own built script, from where the Studio's widgetsUrl points (the lake's /dist).
    await frame
      .locator(`script[src="${new URL(s.studioUrl).origin}/dist/ck-faq.iife.js"]`)
      .waitFor({state: 'attached'})
    const panel = page.getByTestId('readability-panel')
    const before = await panel.getByTestId('readability-figures').textContent()
    // The end of the answer's last paragraph, in the form (the first pane).
    const editor = page.locator('[contenteditable="true"]').first()
    await editor.click()
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.insertText(LONG_SENTENCE)
    await page.waitForFunction(
      ([was]) => document.querySelector('[data-testid="readability-figures"]')?.textContent !== was,
      [before],
    )
    // The element shows the answer opened: its text is in the shadow DOM either way.
    await frame.locator('ck-faq').getByText('necessitating comprehensive', {exact: false}).waitFor({
      state: 'attached',
    })
    const published = await lakeClient(s.lake.url).fetch<string>(
      '*[_id == $id][0].answer[-1].children[-1].text',
      {id: FAQ_ID},
    )
    assert.ok(!published.includes('necessitating'), 'the published answer is unchanged')
  })

  it('an FAQ on Riverbend’s page: its colours and attribution, dark, at a phone’s width', async () => {
    const frame = await openWithPreview('faq', 'faq-what-is-chronic-migraine')
    const riverbend = byId(RIVERBEND) as unknown as {
      theme: {colorPrimary: string}
      attribution: {text: string}
    }
    // Read in the frame each round: the theme ck-faq.ts puts on the element as --ck-* properties,
    // its credit line, and the background it is drawn on.
    const seen = () =>
      frame.locator('ck-faq').evaluate(
        (el) => ({
          primary: (el as HTMLElement).style.getPropertyValue('--ck-color-primary').trim(),
          attribution: el.shadowRoot?.querySelector('[part~="attribution"]')?.textContent ?? '',
          background: getComputedStyle(el).backgroundColor,
        }),
        undefined,
        {timeout: 2_000},
      )
    // The picker's choice is re-made while the select does not show it: right after the split,
    // the Studio may draw the pane once more, and a choice made in the first drawing is lost.
    const picker = page.getByTestId('preview-partner')
    const shows = (
      what: string,
      wanted: (now: Awaited<ReturnType<typeof seen>>) => boolean,
      partner?: string,
    ) =>
      until(async () => {
        if (partner !== undefined && (await picker.inputValue()) !== partner)
          await picker.selectOption(partner)
        return wanted(await seen())
      }, what)
    await shows(
      'Riverbend’s theme and attribution',
      (now) =>
        now.primary === riverbend.theme.colorPrimary &&
        now.attribution.includes(riverbend.attribution.text),
      'riverbend-family-medicine',
    )
    // Our own site in dark mode: the kit's dark palette (widgets/styles/tokens.ts), and back.
    await shows(
      'our own light colours',
      (now) => now.primary === '' && now.background === LIGHT_BG,
      '',
    )
    await page.getByTestId('preview-scheme-dark').click()
    await shows('the dark palette', (now) => now.background === DARK_BG)
    await page.getByTestId('preview-scheme-light').click()
    await shows('the light palette again', (now) => now.background === LIGHT_BG)
    await page.getByTestId('preview-width-phone').click()
    await page.waitForFunction(
      () => document.querySelector('[data-testid="preview-frame"]')?.clientWidth === 375,
    )
  })

  it('a partner’s preview lists exactly the questions its embed shows on a page', async () => {
    const frame = await openWithPreview('partner', RIVERBEND)
    const buttons = frame.locator('ck-faq [part~="button"]')
    await buttons.first().waitFor()
    const previewed = (await buttons.allTextContents()).map((text) => text.trim())
    const demo = await s.browser.newPage()
    try {
      const markup = `<!doctype html><html lang="en"><head>
        <script src="${s.lake.url}/dist/ck-faq.iife.js"></script></head><body>
        <ck-faq partner="riverbend-family-medicine" api-host="${s.lake.url}"></ck-faq></body></html>`
      await demo.route('**/partner-page.html', (route) =>
        route.fulfill({contentType: 'text/html', body: markup}),
      )
      await demo.goto(`${s.lake.url}/partner-page.html`)
      const embedded = demo.locator('ck-faq [part~="button"]')
      await embedded.first().waitFor()
      const shown = (await embedded.allTextContents()).map((text) => text.trim())
      assert.ok(shown.length > 0)
      assert.deepEqual(previewed, shown)
    } finally {
      await demo.close()
    }
    assert.deepEqual(lakeFailures, [], `console errors: ${consoleErrors.join('\n')}`)
  })
})
