// <ck-article> from the built drop-in script in Chromium, reading the sample from a real lake.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {openDemo, widgetPage, type DemoSession} from '../helpers/demo'
import {lakeClient} from '../helpers/lake'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

describe('<ck-article>', () => {
  it('shows the seed article with the reviewer byline, citations, disclaimer and JSON-LD', async () => {
    const page = await d.browser.newPage()
    await page.goto(`${d.lake.url}/demo/`)
    const article = page.locator('ck-article')
    await page.waitForFunction(() =>
      document.querySelector('ck-article')?.shadowRoot?.querySelector('[part~="title"]'),
    )
    assert.equal(
      await article.locator('[part~="title"]').textContent(),
      'You Can Prevent Headaches with Botox',
    )
    const byline = String(await article.locator('[part~="byline"]').textContent())
      .replace(/\s+/g, ' ')
      .trim()
    assert.equal(byline, 'Medically reviewed by Dr. Sloane Yu, MD · 2026-11-02')
    assert.equal(
      await article.locator('[part~="reviewer"]').getAttribute('href'),
      '#clinician-sloane-yu',
    )
    assert.deepEqual(await article.locator('[part~="text-heading"]').allTextContents(), [
      'What Type of Headaches Can Botox Help?',
      'Choose a Specialist Treatment for Recurring Headaches',
      'The Misconception Regarding Migraines',
    ])
    // The WHO sentence cites source 1, which is the WHO fact sheet.
    assert.equal(await article.locator('[part~="citation"] a').getAttribute('href'), '#ck-source-1')
    assert.match(
      String(await article.locator('#ck-source-1').textContent()),
      /World Health Organization/,
    )
    assert.match(
      String(await article.locator('[part~="disclaimer"]').textContent()),
      /not a substitute/,
    )
    assert.equal(await article.locator('[part~="overdue"]').count(), 0)
    const ld = JSON.parse(
      String(await page.locator('ck-article > script[type="application/ld+json"]').textContent()),
    ) as Record<string, unknown>
    assert.equal(ld['@type'], 'MedicalWebPage')
    assert.equal(ld.lastReviewed, '2026-11-02')
    assert.deepEqual(ld.reviewedBy, {'@type': 'IndividualPhysician', name: 'Dr. Sloane Yu, MD'})
    assert.deepEqual(
      (ld.about as Array<{name: string}>).map((a) => a.name),
      ['Chronic migraine', 'Headache disorders'],
    )
    assert.equal(ld.inLanguage, 'en')
    await page.close()
  })

  it('shows a notice when the medical review is overdue', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    await client.createOrReplace({
      _id: 'article-overdue',
      _type: 'article',
      title: 'An older article',
      slug: {_type: 'slug', current: 'older-article'},
      medicalReview: {reviewedAt: '2024-01-10', nextReviewDue: '2025-01-10'},
    })
    const page = await widgetPage(d, '<ck-article slug="older-article"></ck-article>')
    await page.waitForFunction(() =>
      document.querySelector('ck-article')?.shadowRoot?.querySelector('[part~="title"]'),
    )
    assert.match(
      String(await page.locator('ck-article >> [part~="overdue"]').textContent()),
      /due for a new medical review/,
    )
    await page.close()
  })

  it('says so when no article has the slug', async () => {
    const page = await widgetPage(d, '<ck-article slug="no-such-article"></ck-article>')
    await page.waitForFunction(() =>
      document.querySelector('ck-article')?.shadowRoot?.querySelector('[part~="status"]'),
    )
    assert.match(
      String(await page.locator('ck-article >> [part~="status"]').textContent()),
      /not found/,
    )
    await page.close()
  })
})
