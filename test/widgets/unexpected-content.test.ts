// Stored content the schema would not allow today (written before a schema change or through the
// API, or referring to documents that are gone) never breaks an element or the page around it.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {SanityDocumentStub} from '@sanity/client'
import {jsonLdOf, openDemo, waitForContent, widgetPage, type DemoSession} from '../helpers/demo'
import {lakeClient} from '../helpers/lake'
import {textBlock} from '../helpers/portable-text'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

const DOCUMENTS: Array<SanityDocumentStub & {_id: string}> = [
  {
    _id: 'odd-faq-fields',
    _type: 'faq',
    language: 'en',
    category: 'odd-content',
    question: 'Does an odd answer still show?',
    answer: [null, 'a bare string', textBlock('b', 'Yes, it does.')],
    sources: [null, {_key: 'who', title: 'A source'}],
    syndication: {mode: 'all'},
  },
  {
    _id: 'odd-faq-no-question',
    _type: 'faq',
    language: 'en',
    category: 'odd-content',
    syndication: {mode: 'all'},
  },
  {
    _id: 'odd-clinician',
    _type: 'clinician',
    slug: {_type: 'slug', current: 'odd-clinician'},
    givenName: 'Ana',
    familyName: 'Odd',
    // Once a single string, now a list.
    credentials: 'MD',
    specialties: 'Pain medicine',
    // A clinic deleted since (a weak reference): it resolves to null.
    clinics: [
      {_type: 'reference', _ref: 'clinic-gone', _weak: true, _key: 'gone'},
      {_type: 'reference', _ref: 'clinic-allied-pain-spine', _key: 'allied'},
    ],
  },
  {
    _id: 'odd-article',
    _type: 'article',
    title: 'An article with loose ends',
    slug: {_type: 'slug', current: 'loose-ends'},
    language: 'en',
    body: 'Once plain text',
    conditions: [{_type: 'reference', _ref: 'condition-gone', _weak: true, _key: 'gone'}],
    sources: [null],
  },
]

describe('content the schema does not allow', () => {
  it('shows what it can and leaves out the rest, with no error in the page', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    for (const doc of DOCUMENTS) await client.createOrReplace(doc)
    // widgetPage fails the test on any exception in the page.
    const page = await widgetPage(
      d,
      `<ck-faq category="odd-content" structured-data></ck-faq>
       <ck-clinician slug="odd-clinician"></ck-clinician>
       <ck-article slug="loose-ends"></ck-article>`,
    )
    try {
      await waitForContent(page)
      assert.equal(await page.locator('[role="alert"]').count(), 0, 'no element in its error state')
      const faq = page.locator('ck-faq')
      await faq.locator('#faq-button-odd-faq-fields').click()
      assert.match(
        String(await faq.locator('#faq-panel-odd-faq-fields').textContent()),
        /Yes, it does\./,
      )
      assert.equal((await jsonLdOf(page, 'ck-faq'))['@type'], 'FAQPage')

      const card = page.locator('ck-clinician')
      assert.equal(await card.locator('[part~="name"]').textContent(), 'Ana Odd')
      assert.equal(await card.locator('[part~="specialty"]').count(), 0)
      assert.equal(await card.locator('[part~="clinic"]').count(), 1)
      const physician = await jsonLdOf(page, 'ck-clinician')
      assert.equal((physician.practicesAt as unknown[]).length, 1)

      const article = page.locator('ck-article')
      assert.equal(
        await article.locator('[part~="title"]').textContent(),
        'An article with loose ends',
      )
      assert.deepEqual((await jsonLdOf(page, 'ck-article')).about, [])
    } finally {
      await page.close()
      for (const doc of DOCUMENTS) await client.delete(doc._id)
    }
  })

  it('shows its error state, not an exception, for content it cannot read at all', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    await client.createOrReplace({
      _id: 'unreadable-article',
      _type: 'article',
      slug: {_type: 'slug', current: 'unreadable'},
      language: 'en',
      // A title no browser can turn into text (its toString is not a function): rendering throws.
      title: {toString: 'not a function'},
      body: [textBlock('b', 'Text.')],
    })
    // The listeners are in place before the kit loads, so nothing comes before them.
    const page = await widgetPage(d, '<ck-article slug="unreadable"></ck-article>', {
      head: `<script>
        addEventListener('ck-error', (e) => (window.reported = e.detail.message))
        const logError = console.error
        console.error = (...args) => ((window.logged ??= []).push(String(args[0])), logError(...args))
      </script>`,
    })
    try {
      await page.locator('ck-article >> [role="alert"]').waitFor()
      const {reported, logged} = await page.evaluate(() => {
        const seen = window as unknown as {reported?: string; logged?: string[]}
        return {reported: seen.reported, logged: seen.logged}
      })
      assert.ok(reported && reported.length > 0, 'ck-error reports the failure')
      assert.ok(logged?.some((e) => e.startsWith('clinic-kit: this content cannot be shown')))
    } finally {
      await page.close()
      await client.delete('unreadable-article')
    }
  })
})
