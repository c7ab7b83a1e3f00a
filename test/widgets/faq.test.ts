// <ck-faq> from the built drop-in script, in Debian's Chromium, reading a real lake.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {startLake} from '../../lake/server/server'
import {demoRoutes} from '../../demo/routes'
import {openDemo, shadowOverflow, widgetPage, type DemoSession} from '../helpers/demo'
import {computedContrast} from '../helpers/contrast'
import {contrastRatio} from '../../model/contrast'
import {LIGHT_PALETTE} from '../../widgets/styles/palette'
import {lakeClient} from '../helpers/lake'
import {textBlock} from '../helpers/portable-text'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

const pageWith = (markup: string, origin = d.lake.url): Promise<Page> =>
  widgetPage(d, markup, {origin})

const questions = (page: Page, selector = 'ck-faq') =>
  page
    .locator(selector)
    .evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('[part~="button"] > span')].map((s) => s.textContent),
    )

/** Waits until the element has loaded: a list of questions or a status message. */
async function ready(page: Page, selector = 'ck-faq') {
  await page.waitForFunction(
    (s) =>
      Boolean(
        document
          .querySelector(s)
          ?.shadowRoot?.querySelector('[part~="questions"], [part~="status"]'),
      ),
    selector,
  )
}

describe('<ck-faq>', () => {
  it('shows the seed’s chronic migraine questions, in order, and nothing else', async () => {
    const page = await pageWith('<ck-faq topic="chronic-migraine"></ck-faq>')
    await ready(page)
    const shown = await questions(page)
    assert.equal(shown[0], 'What types of headaches can Botox help?')
    assert.ok(shown.includes('What is chronic migraine?'))
    assert.ok(!shown.includes('What helps a minor headache?'))
    await page.close()
  })

  it('is a keyboard-operable accordion with buttons inside headings of the page’s level', async () => {
    const page = await pageWith('<ck-faq topic="chronic-migraine" heading-level="4"></ck-faq>')
    await ready(page)
    const first = page.locator('ck-faq >> [part~="button"]').first()
    assert.equal(
      await page.locator('ck-faq >> [part~="heading"]').first().getAttribute('aria-level'),
      '4',
    )
    await first.focus()
    await page.keyboard.press('ArrowDown')
    const focusedText = () =>
      page.evaluate(() =>
        document.querySelector('ck-faq')!.shadowRoot!.activeElement?.textContent?.trim(),
      )
    assert.equal(await focusedText(), 'What is chronic migraine?')
    await page.keyboard.press('End')
    const all = await questions(page)
    assert.equal(await focusedText(), all[all.length - 1])
    await page.keyboard.press('Home')
    assert.equal(await focusedText(), all[0])
    assert.equal(await first.getAttribute('aria-expanded'), 'false')
    const panel = page.locator('ck-faq >> [part~="panel"]').first()
    assert.equal(await panel.getAttribute('hidden'), 'until-found')
    await page.keyboard.press('Enter')
    assert.equal(await first.getAttribute('aria-expanded'), 'true')
    assert.equal(await panel.getAttribute('hidden'), null)
    const box = await first.boundingBox()
    assert.ok(box && box.height >= 24 && box.width >= 24)
    await page.keyboard.press('Space')
    assert.equal(await first.getAttribute('aria-expanded'), 'false')
    await page.close()
  })

  it('labels answers as regions only in short lists, as the APG advises', async () => {
    const page = await pageWith(
      '<ck-faq id="short" topic="chronic-migraine" limit="3"></ck-faq><ck-faq id="long" limit="50"></ck-faq>',
    )
    await ready(page, '#short')
    await ready(page, '#long')
    const roles = (id: string) =>
      page
        .locator(`#${id}`)
        .evaluate((el) =>
          [...el.shadowRoot!.querySelectorAll('[part~="panel"]')].map((p) =>
            p.getAttribute('role'),
          ),
        )
    assert.deepEqual(await roles('short'), ['region', 'region', 'region'])
    const long = await roles('long')
    assert.ok(long.length > 6, `${long.length} questions`)
    assert.ok(long.every((role) => role === null))
    // Clicking anywhere on a question's button toggles it (one listener serves every question).
    await page.locator('#long >> [part~="icon"]').nth(2).click()
    assert.equal(
      await page.locator('#long >> [part~="button"]').nth(2).getAttribute('aria-expanded'),
      'true',
    )
    await page.close()
  })

  it('filters as you type, highlights matches and announces how many match', async () => {
    const page = await pageWith('<ck-faq searchable></ck-faq>')
    await ready(page)
    // A live region, present (and empty) before the first search, so each change is announced.
    const status = page.locator('ck-faq >> [part~="search-status"]')
    assert.equal(await status.getAttribute('role'), 'status')
    assert.equal(await status.textContent(), '')
    const marks = (where: string) =>
      page
        .locator('ck-faq')
        .evaluate(
          (el, w) =>
            [...el.shadowRoot!.querySelectorAll(`${w} mark[part~="match"]`)].map(
              (m) => m.textContent,
            ),
          where,
        )
    // Answers are searched too, and matches are highlighted where they are found.
    await page.locator('ck-faq >> [part~="search"]').fill('ibuprofen')
    assert.deepEqual(await questions(page), ['What helps a minor headache?'])
    assert.equal(await status.textContent(), '1 question matches your search.')
    assert.deepEqual(await marks('[part~="panel"]'), ['ibuprofen'])
    await page.locator('ck-faq >> [part~="search"]').fill('Minor')
    assert.deepEqual(await questions(page), ['What helps a minor headache?'])
    assert.equal(await page.locator('ck-faq >> mark[part~="match"]').first().textContent(), 'minor')
    await page.locator('ck-faq >> [part~="search"]').fill('botox')
    const found = (await questions(page)).length
    assert.ok(found > 1)
    assert.equal(await status.textContent(), `${found} questions match your search.`)
    await page.locator('ck-faq >> [part~="search"]').fill('no such words here')
    assert.deepEqual(await questions(page), [])
    assert.equal(await status.textContent(), 'No questions match your search.')
    await page.locator('ck-faq >> [part~="search"]').fill('')
    assert.equal(await status.textContent(), '')
    // Without a search nothing stays marked, in questions or answers.
    assert.deepEqual(await marks(''), [])
    await page.close()
  })

  it('opens the question a #faq-<id> link points at', async () => {
    const page = await d.browser.newPage()
    await page.goto(`${d.lake.url}/demo/#faq-faq-is-every-headache-a-migraine`)
    const button = page.locator('#demo-faq >> #faq-button-faq-is-every-headache-a-migraine')
    await button.waitFor()
    await page.waitForFunction(
      () =>
        document
          .querySelector('#demo-faq')
          ?.shadowRoot?.querySelector('#faq-button-faq-is-every-headache-a-migraine')
          ?.getAttribute('aria-expanded') === 'true',
    )
    await page.close()
  })

  it('keeps closed answers findable: a text search inside the shadow tree opens the answer', async () => {
    // Chromium's find-in-page and scroll-to-text-fragment share one matcher, which fires
    // `beforematch` on hidden="until-found" content; a text fragment drives it from a test.
    const page = await d.browser.newPage()
    await page.route('**/find.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><script src="${d.lake.url}/dist/clinic-kit.iife.js"></script>
          <script>clinicKit.configure({apiHost: location.origin})
          document.addEventListener('ck-faq-toggle', (e) => (window.toggles = [...(window.toggles ?? []), e.detail]))</script>
          </head><body><ck-faq topic="chronic-migraine"></ck-faq></body></html>`,
      }),
    )
    const phrase = 'at least 8 of those days'
    await page.goto(`${d.lake.url}/find.html#:~:text=${encodeURIComponent(phrase)}`)
    const panel = page.locator('ck-faq >> [part~="panel"]', {hasText: phrase})
    await page.waitForFunction(() => (window as unknown as {toggles?: unknown[]}).toggles?.length)
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as {toggles: unknown[]}).toggles),
      [{id: 'faq-what-is-chronic-migraine', question: 'What is chronic migraine?', open: true}],
    )
    assert.equal(await panel.getAttribute('hidden'), null)
    assert.ok(await panel.isVisible())
    const button = page.locator('ck-faq >> #faq-button-faq-what-is-chronic-migraine')
    assert.equal(await button.getAttribute('aria-expanded'), 'true')
    // The other answers stay closed but findable: hidden="until-found", not display: none.
    const others = await page
      .locator('ck-faq')
      .evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll('[part~="panel"][hidden]')].map((p) =>
          p.getAttribute('hidden'),
        ),
      )
    assert.ok(others.length > 0)
    assert.ok(others.every((value) => value === 'until-found'))
    await page.close()
  })

  it('adds FAQPage JSON-LD with exactly the questions shown', async () => {
    const page = await pageWith('<ck-faq topic="botox" structured-data searchable></ck-faq>')
    await ready(page)
    const read = async () => {
      const scripts = await page
        .locator('ck-faq > script[type="application/ld+json"]')
        .allTextContents()
      assert.equal(scripts.length, 1)
      return JSON.parse(scripts[0]!) as {
        '@type': string
        mainEntity: Array<{name: string; acceptedAnswer: {text: string}}>
      }
    }
    const data = await read()
    assert.equal(data['@type'], 'FAQPage')
    assert.deepEqual(
      data.mainEntity.map((q) => q.name),
      await questions(page),
    )
    assert.match(data.mainEntity[0]!.acceptedAnswer.text, /Botox/)
    await page.locator('ck-faq >> [part~="search"]').fill('approved')
    await page.waitForFunction(
      () =>
        JSON.parse(document.querySelector('ck-faq > script')!.textContent!).mainEntity.length === 1,
    )
    assert.deepEqual(
      (await read()).mainEntity.map((q) => q.name),
      await questions(page),
    )
    await page.close()
  })

  it('shows a partner only the FAQs shared with it, in its theme, with attribution', async () => {
    const page = await pageWith(
      '<ck-faq id="a" partner="riverbend-family-medicine"></ck-faq><ck-faq id="b" partner="lakeshore-community-health"></ck-faq>',
    )
    await ready(page, '#a')
    await ready(page, '#b')
    const riverbend = await questions(page, '#a')
    const lakeshore = await questions(page, '#b')
    assert.ok(riverbend.includes('When should I see a specialist about my headaches?'))
    assert.ok(!lakeshore.includes('When should I see a specialist about my headaches?'))
    for (const list of [riverbend, lakeshore])
      assert.ok(!list.includes('Is Botox approved for chronic migraine?'))
    assert.equal(
      await page
        .locator('#a')
        .evaluate((el) => getComputedStyle(el).getPropertyValue('--ck-color-primary').trim()),
      '#0f6e5a',
    )
    // Its own background: the questions keep the base spacing from its edge.
    assert.equal(
      await page.locator('#a').evaluate((el) => getComputedStyle(el).paddingLeft),
      '16px',
    )
    assert.match(
      String(await page.locator('#a >> [part~="attribution"]').textContent()),
      /Allied Pain & Spine Institute/,
    )
    await page.close()
  })

  it('leaves the page’s own --ck-* properties in its style attribute alone', async () => {
    const page = await pageWith(
      '<ck-faq topic="chronic-migraine" style="--ck-color-primary: #8a1c1c; --ck-color-muted: #333333"></ck-faq>',
    )
    await ready(page)
    const style = await page.locator('ck-faq').getAttribute('style')
    assert.match(String(style), /--ck-color-primary: #8a1c1c/)
    // No theme, no padding: the element sits flush in the page's layout.
    assert.equal(
      await page.locator('ck-faq').evaluate((el) => getComputedStyle(el).paddingLeft),
      '0px',
    )
    assert.match(String(style), /--ck-color-muted: #333333/)
    await page.close()
  })

  it('keeps to a partner’s scope: its conditions and FAQ categories', async () => {
    // Lakeshore's scope is chronic migraine; Riverbend's is three FAQ categories.
    const page = await pageWith(
      '<ck-faq id="lakeshore" partner="lakeshore-community-health" lang="en"></ck-faq><ck-faq id="all"></ck-faq>',
    )
    await ready(page, '#lakeshore')
    await ready(page, '#all')
    const lakeshore = await questions(page, '#lakeshore')
    assert.ok(lakeshore.includes('What is chronic migraine?'))
    // About headache disorders only, so outside Lakeshore's scope (the page's own list has it).
    assert.ok(!lakeshore.includes('What helps a minor headache?'))
    assert.ok((await questions(page, '#all')).includes('What helps a minor headache?'))
    await page.close()
  })

  it('keeps a partner’s light theme readable in dark mode, and its own defaults match the palette', async () => {
    const page = await pageWith(
      '<ck-faq id="themed" partner="riverbend-family-medicine" searchable></ck-faq><ck-faq id="own" searchable></ck-faq>',
    )
    await ready(page, '#themed')
    await ready(page, '#own')
    // The colours each widget's shadow tree uses (the --_* tokens resolve every --ck-* fallback).
    const palette = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const style = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!)
        return Object.fromEntries(
          ['primary', 'on-primary', 'text', 'muted', 'bg', 'border', 'field-border'].map((name) => [
            `--ck-color-${name}`,
            // The build's CSS minifier writes #ffffff as #fff.
            style
              .getPropertyValue(`--_${name}`)
              .trim()
              .replace(/^#(\w)(\w)(\w)$/, '#$1$1$2$2$3$3'),
          ]),
        )
      })
    // Unthemed, in light mode: exactly the light palette the Studio's contrast check uses.
    assert.deepEqual(await palette('#own'), LIGHT_PALETTE)
    await page.emulateMedia({colorScheme: 'dark'})
    const themed = await palette('#themed')
    assert.equal(themed['--ck-color-bg'], '#f4faf8')
    // Secondary text and the field border come from the light palette, not the dark defaults.
    assert.equal(themed['--ck-color-muted'], LIGHT_PALETTE['--ck-color-muted'])
    assert.ok(contrastRatio(themed['--ck-color-muted']!, '#f4faf8')! >= 4.5)
    await page.close()
  })

  it('shows each answer’s sources, and its citations lead to them', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    await client.createOrReplace({
      _id: 'faq-cited',
      _type: 'faq',
      question: 'Is this answer sourced?',
      language: 'en',
      category: 'cited',
      syndication: {mode: 'all'},
      sources: [
        {
          _key: 'who',
          title: 'Headache disorders',
          publisher: 'World Health Organization',
          url: 'https://www.who.int/',
        },
        {_key: 'fda', title: 'Botox label', publisher: 'FDA'},
      ],
      answer: [
        textBlock('a', [{text: 'Yes, it is.', marks: ['c']}], {
          markDefs: [{_key: 'c', _type: 'citationMarker', sourceKey: 'fda'}],
        }),
      ],
    })
    const page = await pageWith('<ck-faq category="cited"></ck-faq>')
    try {
      await ready(page)
      await page.locator('ck-faq >> [part~="button"]').click()
      const sources = page.locator('ck-faq >> [part~="sources"] > li')
      assert.deepEqual(
        (await sources.allTextContents()).map((t) => t.trim()),
        ['Headache disorders, World Health Organization', 'Botox label, FDA'],
      )
      assert.equal(await page.locator('ck-faq >> [part~="sources-label"]').textContent(), 'Sources')
      // The marker cites the second source.
      await page.locator('ck-faq >> [part~="citation"] a').click()
      const focused = await page
        .locator('ck-faq')
        .evaluate((el) => el.shadowRoot!.activeElement?.textContent?.trim())
      assert.equal(focused, 'Botox label, FDA')
      assert.equal(await page.evaluate(() => window.location.hash), '')
    } finally {
      await page.close()
      await client.delete('faq-cited')
    }
  })

  it('renders hostile content inertly', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    const span = (text: string, marks: string[] = []) => ({
      _type: 'span',
      _key: Math.random().toString(36).slice(2),
      text,
      marks,
    })
    const nested = Array.from({length: 12}, (_, i) => ({
      _type: 'block',
      _key: `l${i}`,
      style: 'normal',
      listItem: 'bullet',
      level: i + 1,
      markDefs: [],
      children: [span(`level ${i + 1}`)],
    }))
    await client.createOrReplace({
      _id: 'faq-hostile',
      _type: 'faq',
      question: 'Hostile?',
      language: 'en',
      category: 'appointments',
      syndication: {mode: 'all'},
      answer: [
        {
          _type: 'block',
          _key: 'a',
          style: 'normal',
          markDefs: [
            {_key: 'js', _type: 'link', href: 'javascript:window.__pwned=1'},
            {_key: 'odd', _type: 'blink'},
          ],
          children: [
            span('click me', ['js']),
            span('<img src=x onerror="window.__pwned=2">', ['odd']),
          ],
        },
        {_type: 'mysteryBlock', _key: 'm', payload: '<script>window.__pwned=3</script>'},
        ...nested,
        {
          _type: 'block',
          _key: 'big',
          style: 'normal',
          markDefs: [],
          children: [span('x'.repeat(1024 * 1024))],
        },
      ],
    })
    const page = await pageWith('<ck-faq category="appointments"></ck-faq>')
    await ready(page)
    await page.locator('ck-faq >> #faq-button-faq-hostile').click()
    const panel = page.locator('ck-faq >> #faq-panel-faq-hostile')
    assert.equal(await panel.locator('img, script, a[href^="javascript"]').count(), 0)
    assert.match(String(await panel.textContent()), /<img src=x onerror=/)
    assert.equal(await panel.locator('ul').count(), 12)
    assert.equal(
      await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned),
      undefined,
    )
    assert.ok((await panel.textContent())!.length > 1024 * 1024)
    await page.close()
    await client.delete('faq-hostile')
  })

  it('marks its content with the language shown, even when the page speaks another (WCAG 3.1.2)', async () => {
    // The test page is <html lang="en">; the config asks for Spanish FAQs.
    const page = await pageWith(
      '<ck-config lang="es"></ck-config><ck-faq id="es" topic="chronic-migraine"></ck-faq><ck-faq id="en" lang="en" topic="chronic-migraine"></ck-faq>',
    )
    await ready(page, '#es')
    await ready(page, '#en')
    const languageOf = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const button = el.shadowRoot!.querySelector('[part~="button"]')!
        return {es: button.matches(':lang(es)'), en: button.matches(':lang(en)')}
      })
    assert.deepEqual(await languageOf('#es'), {es: true, en: false})
    assert.deepEqual(await languageOf('#en'), {es: false, en: true})
    await page.close()
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`gives the search field a border of at least 3:1 against the widget (${colorScheme} mode, WCAG 1.4.11)`, async () => {
      const page = await pageWith('<ck-faq topic="chronic-migraine" searchable></ck-faq>')
      await page.emulateMedia({colorScheme})
      await ready(page)
      const colours = await page.locator('ck-faq').evaluate((el) => ({
        border: getComputedStyle(el.shadowRoot!.querySelector('[part~="search"]')!).borderTopColor,
        background: getComputedStyle(el).backgroundColor,
      }))
      const ratio = computedContrast(colours.border, colours.background)
      assert.ok(ratio >= 3, `${colours.border} on ${colours.background} is ${ratio.toFixed(2)}:1`)
      await page.close()
    })
  }

  it('wraps long words and URLs at 320 px instead of widening the page (WCAG 1.4.10)', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    const word = 'Onabotulinumtoxina'.repeat(12)
    const url = `https://example.org/${'very-long-path-segment/'.repeat(8)}`
    await client.createOrReplace({
      _id: 'faq-long-words',
      _type: 'faq',
      question: `What is ${word}?`,
      language: 'en',
      category: 'long-words',
      syndication: {mode: 'all'},
      answer: [
        textBlock('a', [{text: `${word} `}, {text: url, marks: ['u']}], {
          markDefs: [{_key: 'u', _type: 'link', href: url}],
        }),
      ],
    })
    const page = await pageWith('<ck-faq category="long-words" searchable></ck-faq>')
    try {
      await page.setViewportSize({width: 320, height: 640})
      await ready(page)
      await page.locator('ck-faq >> [part~="button"]').click()
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320)
      assert.deepEqual(await shadowOverflow(page, 'ck-faq'), [])
    } finally {
      await page.close()
      await client.delete('faq-long-words')
    }
  })

  it('shows an error with a retry button while the lake is down, and loads after it is back', async () => {
    // Page and content on one origin: Chromium's local network access rules block a loopback
    // page from fetching another loopback port.
    const dir = mkdtempSync(join(tmpdir(), 'ck-retry-'))
    const options = {dir, seed: 'content/sample.ndjson', quiet: true, extraRoutes: demoRoutes()}
    let lake = await startLake({...options, port: 0})
    const port = Number(new URL(lake.url).port)
    const page = await pageWith('<ck-faq topic="chronic-migraine"></ck-faq>', lake.url)
    try {
      await ready(page)
      await lake.close()
      // A new topic makes the element fetch again, now from a stopped lake.
      await page.locator('ck-faq').evaluate((el) => el.setAttribute('topic', 'headache-disorders'))
      await page.locator('ck-faq >> [part~="retry"]').waitFor()
      assert.match(
        String(await page.locator('ck-faq >> [role="alert"]').textContent()),
        /could not be loaded/,
      )
      lake = await startLake({...options, port})
      await page.locator('ck-faq >> [part~="retry"]').click()
      await page.locator('ck-faq >> [part~="questions"]').waitFor()
      assert.ok((await questions(page)).includes('What helps a minor headache?'))
    } finally {
      await page.close()
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('tells the page why loading failed: the service’s message in ck-error and the console', async () => {
    const context = await d.browser.newContext()
    const logged: string[] = []
    context.on('console', (m) => {
      if (m.type() === 'error') logged.push(m.text())
    })
    // An unknown dataset on the lake answers {error: {description}}; hosted Sanity answers
    // project and auth errors as {error, message}, replayed here for the second element.
    await context.route('**/data/query/replayed**', (route) =>
      route.fulfill({
        status: 404,
        json: {statusCode: 404, error: 'Not Found', message: 'Project not found'},
      }),
    )
    try {
      const page = await widgetPage(
        d,
        '<ck-faq dataset="nope"></ck-faq><ck-faq dataset="replayed"></ck-faq>',
        {
          context,
          head: `<script>
            window.reported = []
            addEventListener('ck-error', (e) => reported.push(e.detail.message))
          </script>`,
        },
      )
      await page.waitForFunction(
        () => (window as unknown as {reported: string[]}).reported.length === 2,
      )
      const reported = await page.evaluate(
        () => (window as unknown as {reported: string[]}).reported,
      )
      assert.deepEqual(reported.sort(), ['Dataset "nope" not found', 'Project not found'])
      assert.equal(await page.locator('[role="alert"]').count(), 2)
      const ours = logged.filter((text) =>
        text.startsWith('clinic-kit: <ck-faq> could not load its content.'),
      )
      assert.equal(ours.length, 2)
      assert.ok(ours.some((text) => text.includes('Project not found')))
    } finally {
      await context.close()
    }
  })

  it('updates live when the content changes', async () => {
    const page = await pageWith('<ck-faq category="insurance-and-cost" live></ck-faq>')
    await ready(page)
    assert.deepEqual(await questions(page), [])
    await lakeClient(d.lake.url, d.lake.token).create({
      _id: 'faq-live-cost',
      _type: 'faq',
      question: 'Does insurance cover Botox for migraine?',
      language: 'en',
      category: 'insurance-and-cost',
      syndication: {mode: 'all'},
    })
    await page.waitForFunction(() =>
      document.querySelector('ck-faq')!.shadowRoot!.textContent!.includes('Does insurance cover'),
    )
    await page.close()
  })

  it('keeps the questions shown when a live update cannot load, and takes the next one', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    const faq = (_id: string, question: string) => ({
      _id,
      _type: 'faq',
      question,
      language: 'en',
      category: 'live-keep',
      syndication: {mode: 'all'},
    })
    await client.createOrReplace(faq('faq-live-keep-1', 'Is the first question kept?'))
    const page = await pageWith('<ck-faq category="live-keep" live></ck-faq>')
    const logged: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') logged.push(m.text())
    })
    try {
      await ready(page)
      assert.deepEqual(await questions(page), ['Is the first question kept?'])
      // The query API fails while the change arrives; the listen stream still runs.
      await page.route('**/data/query/**', (route) => route.abort('connectionreset'))
      await client.createOrReplace(faq('faq-live-keep-2', 'Is a second question shown?'))
      for (let i = 0; i < 50 && !logged.some((t) => t.includes('could not load')); i++)
        await page.waitForTimeout(100)
      assert.ok(
        logged.some((t) => t.startsWith('clinic-kit: <ck-faq> could not load its content.')),
      )
      assert.deepEqual(await questions(page), ['Is the first question kept?'])
      assert.equal(await page.locator('ck-faq >> [role="alert"]').count(), 0)
      // Back online: the next change loads as usual.
      await page.unroute('**/data/query/**')
      await client.createOrReplace(faq('faq-live-keep-3', 'Is a third question shown?'))
      await page.waitForFunction(
        () =>
          document.querySelector('ck-faq')!.shadowRoot!.querySelectorAll('[part~="item"]')
            .length === 3,
      )
    } finally {
      await page.close()
      for (const id of ['faq-live-keep-1', 'faq-live-keep-2', 'faq-live-keep-3'])
        await client.delete(id)
    }
  })

  it('registers once: a second copy of the kit and a page’s own tag do not throw', async () => {
    const page = await d.browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.route('**/twice.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script src="${d.lake.url}/dist/clinic-kit.iife.js"></script><script src="${d.lake.url}/dist/clinic-kit.iife.js"></script><ck-faq></ck-faq>`,
      }),
    )
    await page.goto(`${d.lake.url}/twice.html`)
    assert.deepEqual(errors, [])
    assert.equal(await page.evaluate(() => typeof customElements.get('ck-faq')), 'function')
    await page.close()
  })
})
