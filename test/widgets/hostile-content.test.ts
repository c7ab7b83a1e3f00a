// Malformed content and hostile values, through the built drop-in script in Chromium: each item
// renders or drops out on its own with one console note per element load, deep links that do not
// decode match nothing, theme values that are not safe CSS never reach a custom property, booking
// buttons need https, and JSON-LD holds known fields only.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {SanityDocumentStub} from '@sanity/client'
import type {Page} from 'playwright-core'
import {jsonLdOf, openDemo, waitForContent, widgetHtml, type DemoSession} from '../helpers/demo'
import {lakeClient} from '../helpers/lake'
import {textBlock} from '../helpers/portable-text'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

type Doc = SanityDocumentStub & {_id: string}

/** An FAQ shown to every partner, in category `category`. */
const faq = (id: string, category: string, question: string, answer: unknown[]): Doc => ({
  _id: id,
  _type: 'faq',
  language: 'en',
  category,
  question,
  answer,
  syndication: {mode: 'all'},
})

/** What a page said and threw while a test watched it. */
interface Watched {
  page: Page
  /** console.warn messages from clinic-kit that report left-out content. */
  notes: string[]
  /** Every console.warn message. */
  warnings: string[]
  errors: string[]
  requests: string[]
}

/**
 * A page with `markup` and the built script (at `hash`, if given), watched from before the kit
 * loads. Documents are written first and removed after `run`.
 */
async function withPage(
  docs: Doc[],
  markup: string,
  run: (w: Watched) => Promise<void>,
  {hash = '', script}: {hash?: string; script?: string} = {},
): Promise<void> {
  const client = lakeClient(d.lake.url, d.lake.token)
  const transaction = client.transaction()
  for (const doc of docs) transaction.createOrReplace(doc)
  await transaction.commit()
  const page = await d.browser.newPage()
  const watched: Watched = {page, notes: [], warnings: [], errors: [], requests: []}
  page.on('pageerror', (error) => watched.errors.push(error.message))
  page.on('request', (request) => watched.requests.push(request.url()))
  page.on('console', (message) => {
    if (message.type() === 'warning') watched.warnings.push(message.text())
    if (message.type() === 'warning' && message.text().includes('skipped malformed content'))
      watched.notes.push(message.text())
  })
  await page.route('**/hostile-test.html', (route) =>
    route.fulfill({contentType: 'text/html', body: widgetHtml(d, markup, {script})}),
  )
  try {
    await page.goto(`${d.lake.url}/hostile-test.html${hash}`)
    await run(watched)
    assert.deepEqual(watched.errors, [], 'no exception in the page')
  } finally {
    await page.close()
    const cleanup = client.transaction()
    for (const doc of docs) cleanup.delete(doc._id)
    await cleanup.commit()
  }
}

/** Resolves once `condition` holds (checked every 20 ms), failing after 10 s. */
async function until(condition: () => boolean): Promise<void> {
  for (const start = Date.now(); !condition();) {
    assert.ok(Date.now() - start < 10_000, `timed out waiting for ${String(condition)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The questions an element shows, sorted (FAQs without an order rank come in any order). */
const questionsOf = (page: Page, selector = 'ck-faq') =>
  page
    .locator(selector)
    .evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('[part~="button"] > span')]
        .map((s) => String(s.textContent))
        .sort(),
    )

/** Waits for every FAQ and the one note; returns the note. */
async function loadedWithOneNote(w: Watched, selector = 'ck-faq'): Promise<string> {
  await waitForContent(w.page, selector)
  assert.equal(await w.page.locator(`${selector} >> [role="alert"]`).count(), 0, 'no error state')
  // The note comes with the first render; a re-render (opening an answer) adds none.
  await w.page.locator(`${selector} >> [part~="button"]`).first().click()
  await w.page.locator(`${selector} >> [part~="button"][aria-expanded="true"]`).waitFor()
  assert.equal(w.notes.length, 1, `one note: ${JSON.stringify(w.notes)}`)
  return w.notes[0]!
}

const span = (text: string, marks: string[] = []) => ({_type: 'span', _key: text, text, marks})
const GOOD = faq('hostile-good', 'hostile', 'Is the good question shown?', [
  textBlock('g', 'Yes, the good answer.'),
])

describe('malformed Portable Text in an answer', () => {
  it('leaves out a null span, and the other questions show', async () => {
    const broken = faq('hostile-null-span', 'hostile', 'Null span?', [
      {_type: 'block', _key: 'b', markDefs: [], children: [null, span('Still here.')]},
    ])
    await withPage([broken, GOOD], '<ck-faq category="hostile"></ck-faq>', async (w) => {
      const note = await loadedWithOneNote(w)
      assert.equal(note, 'clinic-kit: <ck-faq> skipped malformed content: 1 × span.')
      assert.deepEqual(await questionsOf(w.page), ['Is the good question shown?', 'Null span?'])
      assert.equal(
        (await w.page.locator('ck-faq >> #faq-panel-hostile-null-span').textContent())?.trim(),
        'Still here.',
      )
    })
  })

  it('leaves out a null mark definition and keeps its text', async () => {
    const broken = faq('hostile-null-markdef', 'hostile', 'Null mark definition?', [
      {
        _type: 'block',
        _key: 'b',
        markDefs: [null, {_key: 'l', _type: 'link', href: 'https://www.who.int/'}],
        children: [span('Linked', ['l']), span(' text.')],
      },
    ])
    await withPage([broken, GOOD], '<ck-faq category="hostile"></ck-faq>', async (w) => {
      const note = await loadedWithOneNote(w)
      assert.equal(note, 'clinic-kit: <ck-faq> skipped malformed content: 1 × mark definition.')
      const panel = w.page.locator('ck-faq >> #faq-panel-hostile-null-markdef')
      assert.equal((await panel.textContent())?.trim(), 'Linked text.')
      assert.equal(await panel.locator('a').getAttribute('href'), 'https://www.who.int/')
      assert.equal((await questionsOf(w.page)).length, 2)
    })
  })

  it('flattens a list nested 3,000 deep at 20 levels, and a level of 1e308 too', async () => {
    const deep = Array.from({length: 3000}, (_, i) =>
      textBlock(`l${i}`, `level ${i + 1}`, {listItem: 'bullet', level: i + 1}),
    )
    const docs = [
      faq('hostile-deep', 'hostile', 'A list 3,000 deep?', deep),
      faq('hostile-huge-level', 'hostile', 'A level of 1e308?', [
        textBlock('h', 'Very deep.', {listItem: 'number', level: 1e308}),
      ]),
      GOOD,
    ]
    await withPage(docs, '<ck-faq category="hostile"></ck-faq>', async (w) => {
      const note = await loadedWithOneNote(w)
      assert.equal(
        note,
        'clinic-kit: <ck-faq> skipped malformed content: 2981 × list level over 20 (flattened).',
      )
      assert.equal((await questionsOf(w.page)).length, 3)
      const depth = await w.page.locator('ck-faq >> #faq-panel-hostile-deep').evaluate((panel) => {
        let levels = 0
        for (let list = panel.querySelector('ul'); list; list = list.querySelector('ul')) levels++
        return {levels, items: panel.querySelectorAll('li').length}
      })
      // Items at levels 1–19 each hold the next level; from level 20 on they share one list.
      assert.deepEqual(depth, {levels: 20, items: 3000})
      assert.equal(
        (
          await w.page.locator('ck-faq >> #faq-panel-hostile-huge-level li').last().textContent()
        )?.trim(),
        'Very deep.',
      )
    })
  })

  it('leaves out questions without text and blocks that are not objects', async () => {
    const docs = [
      faq('hostile-blocks', 'hostile', 'Odd blocks?', [null, 7, 'text', textBlock('k', 'Kept.')]),
      {...faq('hostile-no-question', 'hostile', '', []), question: {'@id': 'x'}},
      GOOD,
    ]
    await withPage(docs, '<ck-faq category="hostile"></ck-faq>', async (w) => {
      const note = await loadedWithOneNote(w)
      assert.equal(
        note,
        'clinic-kit: <ck-faq> skipped malformed content: 1 × question without text, 3 × block.',
      )
      assert.deepEqual(await questionsOf(w.page), ['Is the good question shown?', 'Odd blocks?'])
    })
  })
})

describe('deep links', () => {
  it('treat a link that does not decode as no match, and still open a good one', async () => {
    await withPage(
      [GOOD],
      '<ck-faq category="hostile"></ck-faq>',
      async (w) => {
        await waitForContent(w.page, 'ck-faq')
        const expanded = w.page.locator('ck-faq >> [aria-expanded="true"]')
        assert.equal(await expanded.count(), 0)
        await w.page.evaluate(() => (location.hash = '#faq-%E0%A4%A-again'))
        await w.page.evaluate(() => (location.hash = '#faq-hostile-good'))
        await expanded.waitFor()
        assert.equal(await expanded.getAttribute('id'), 'faq-button-hostile-good')
      },
      {hash: '#faq-%E0%A4%A'},
    )
  })
})

describe('a partner theme with hostile values', () => {
  it('drops each unsafe value, uses the default, never fetches a url(), and says so once', async () => {
    const beacon = `${d.lake.url}/beacon`
    const partner: Doc = {
      _id: 'partner-hostile',
      _type: 'partner',
      name: 'Hostile Health',
      slug: {_type: 'slug', current: 'hostile-health'},
      theme: {
        colorPrimary: '#0f6e5a',
        colorOnPrimary: 'expression(alert(1))',
        colorText: 'transparent',
        colorBackground: `url(${beacon})`,
        fontFamily: '"Unclosed, sans-serif; } :host { display: none',
        radius: 1e308,
      },
    }
    // The control: the same kind of value set by the page itself is fetched, so a fetch from the
    // theme would be seen too.
    const markup = `<ck-faq id="themed" category="hostile" partner="hostile-health"></ck-faq>
      <ck-faq id="control" category="hostile" style="--ck-color-bg: url(${beacon}-control)"></ck-faq>`
    await withPage([partner, GOOD], markup, async (w) => {
      await waitForContent(w.page, '#themed')
      await until(() => w.requests.includes(`${beacon}-control`))
      // No named functions inside evaluate: the test's compiler would wrap them in a helper the
      // page lacks.
      const style = await w.page.locator('#themed').evaluate((el) => ({
        primary: el.style.getPropertyValue('--ck-color-primary'),
        onPrimary: el.style.getPropertyValue('--ck-color-on-primary'),
        text: el.style.getPropertyValue('--ck-color-text'),
        bg: el.style.getPropertyValue('--ck-color-bg'),
        font: el.style.getPropertyValue('--ck-font'),
        radius: el.style.getPropertyValue('--ck-radius'),
        display: getComputedStyle(el).display,
      }))
      // Left-out colours take the light palette (the theme sets one colour), the rest the defaults.
      assert.deepEqual(style, {
        primary: '#0f6e5a',
        onPrimary: '#ffffff',
        text: '#1b2430',
        bg: '#ffffff',
        font: '',
        radius: '',
        display: 'block',
      })
      assert.ok(!w.requests.includes(beacon), 'the theme’s url() is never requested')
      assert.deepEqual(w.notes, [
        'clinic-kit: <ck-faq> skipped malformed content: 1 × theme colorOnPrimary, 1 × theme colorText, 1 × theme colorBackground, 1 × theme fontFamily, 1 × theme radius.',
      ])
    })
  })

  it('keeps the values that are safe: hex, rgb() and hsl() colours, a font stack, a radius', async () => {
    const partner: Doc = {
      _id: 'partner-careful',
      _type: 'partner',
      name: 'Careful Care',
      slug: {_type: 'slug', current: 'careful-care'},
      theme: {
        colorPrimary: 'rgb(15, 110, 90)',
        colorText: 'hsl(200 30% 15%)',
        colorBackground: '#f4faf8',
        fontFamily: 'Georgia, "Times New Roman", serif',
        radius: 12,
      },
    }
    await withPage(
      [partner, GOOD],
      '<ck-faq partner="careful-care" category="hostile"></ck-faq>',
      async (w) => {
        await waitForContent(w.page, 'ck-faq')
        const style = await w.page.locator('ck-faq').evaluate((el) => ({
          primary: el.style.getPropertyValue('--ck-color-primary'),
          text: el.style.getPropertyValue('--ck-color-text'),
          font: getComputedStyle(el).fontFamily,
          radius: el.style.getPropertyValue('--ck-radius'),
        }))
        assert.deepEqual(style, {
          primary: 'rgb(15, 110, 90)',
          text: 'hsl(200 30% 15%)',
          font: 'Georgia, "Times New Roman", serif',
          radius: '12px',
        })
        assert.deepEqual(w.notes, [])
      },
    )
  })
})

describe('clinicians and articles', () => {
  const clinic: Doc = {
    _id: 'clinic-hostile',
    _type: 'clinic',
    name: 'Hostile Clinic',
    slug: {_type: 'slug', current: 'hostile-clinic'},
    url: 'javascript:alert(1)',
    phone: {'@id': 'https://evil.example/phone'},
    address: {
      _type: 'postalAddress',
      '@context': 'https://evil.example',
      '@id': 'https://evil.example/#org',
      '@type': 'Organization',
      sameAs: ['javascript:alert(1)'],
      streetAddress: '1 Main St',
      addressLocality: 'Springfield',
      postalCode: {'@type': 'Thing'},
    },
  }
  const clinician = (slug: string, bookingUrl: string): Doc => ({
    _id: `clinician-${slug}`,
    _type: 'clinician',
    slug: {_type: 'slug', current: slug},
    givenName: 'Ana',
    familyName: slug,
    bookingUrl,
    clinics: [{_type: 'reference', _ref: 'clinic-hostile', _key: 'c'}],
  })

  it('shows a booking button only for an https booking page', async () => {
    const docs = [
      clinic,
      clinician('hostile-http', 'http://book.example/ana'),
      clinician('hostile-js', 'javascript:alert(1)'),
      clinician('hostile-https', 'https://book.example/ana'),
    ]
    const markup = ['http', 'js', 'https']
      .map((kind) => `<ck-clinician id="${kind}" slug="hostile-${kind}"></ck-clinician>`)
      .join('')
    await withPage(docs, markup, async (w) => {
      await waitForContent(w.page, 'ck-clinician')
      const booking = (id: string) => w.page.locator(`#${id} >> [part~="booking"]`)
      assert.equal(await booking('http').count(), 0)
      assert.equal(await booking('js').count(), 0)
      assert.equal(await booking('https').getAttribute('href'), 'https://book.example/ana')
    })
  })

  it('builds JSON-LD from known fields only: no keys or javascript: URLs from content', async () => {
    const article: Doc = {
      _id: 'article-hostile',
      _type: 'article',
      title: 'Hostile sources',
      slug: {_type: 'slug', current: 'hostile-sources'},
      language: 'en',
      summary: {'@context': 'https://evil.example'},
      body: [textBlock('b', 'Text.')],
      sources: [
        {_key: 'a', title: 'Bad', url: 'javascript:alert(1)'},
        {_key: 'b', title: 'Good', url: 'https://www.who.int/'},
      ],
    }
    const docs = [clinic, clinician('hostile-https', 'https://book.example/ana'), article]
    const markup = `<ck-clinician slug="hostile-https"></ck-clinician><ck-article slug="hostile-sources"></ck-article>`
    await withPage(docs, markup, async (w) => {
      await waitForContent(w.page)
      const physician = await jsonLdOf(w.page, 'ck-clinician')
      assert.deepEqual(physician.practicesAt, [
        {
          '@type': 'MedicalClinic',
          name: 'Hostile Clinic',
          address: {
            '@type': 'PostalAddress',
            streetAddress: '1 Main St',
            addressLocality: 'Springfield',
          },
        },
      ])
      const page = await jsonLdOf(w.page, 'ck-article')
      assert.equal(page.description, undefined)
      assert.deepEqual(page.citation, [
        {'@type': 'CreativeWork', name: 'Bad'},
        {'@type': 'CreativeWork', name: 'Good', url: 'https://www.who.int/'},
      ])
      for (const json of [physician, page]) {
        const text = JSON.stringify(json)
        assert.doesNotMatch(text, /javascript:|evil\.example|"@id"|sameAs/)
      }
    })
  })

  it('leaves out body blocks typed like Object.prototype members and shows the rest of the article', async () => {
    const names = ['hasOwnProperty', '__proto__', 'valueOf', 'constructor']
    const article: Doc = {
      _id: 'article-prototype-types',
      _type: 'article',
      title: 'Prototype names',
      slug: {_type: 'slug', current: 'prototype-names'},
      language: 'en',
      body: [
        textBlock('before', 'Text before.'),
        ...names.map((name) => ({_type: name, _key: `type-${name.replace(/_/g, '')}`})),
        textBlock('after', 'Text after.'),
      ],
    }
    await withPage([article], `<ck-article slug="prototype-names"></ck-article>`, async (w) => {
      await waitForContent(w.page, 'ck-article')
      assert.equal(await w.page.locator('ck-article >> [role="alert"]').count(), 0)
      const text = await w.page
        .locator('ck-article')
        .evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '))
      assert.match(text, /Text before\.\s*Text after\./)
      assert.doesNotMatch(text, /object Object|could not be loaded/)
      for (const name of names)
        assert.equal(
          w.warnings.filter((note) => note.includes(`block type "${name}"`)).length,
          1,
          `one note for ${name}: ${JSON.stringify(w.warnings)}`,
        )
    })
  })
})
