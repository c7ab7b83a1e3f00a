// <ck-article> from the built drop-in script in Chromium, reading the sample from a real lake.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import sharp from 'sharp'
import {openDemo, widgetPage, type DemoSession} from '../helpers/demo'
import {writeApproved} from '../helpers/approval'
import {lakeClient, uploadTestImage} from '../helpers/lake'
import {textBlock} from '../helpers/portable-text'

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
    assert.equal(byline, 'Medically reviewed by Dr. Sloane Yu, MD · November 2, 2026')
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

  it('takes a reader from a citation to its source inside the shadow root, focus included', async () => {
    const page = await widgetPage(
      d,
      '<ck-article slug="prevent-headaches-with-botox"></ck-article>',
    )
    const citation = page.locator('ck-article >> [part~="citation"] a').first()
    await citation.waitFor()
    // The page's own fragment navigation cannot reach into the shadow root; the link does it.
    await citation.focus()
    await page.keyboard.press('Enter')
    const landed = await page.locator('ck-article').evaluate((el) => {
      const focused = el.shadowRoot!.activeElement
      const box = focused?.getBoundingClientRect()
      return {
        id: focused?.id,
        text: focused?.textContent,
        inView: Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight),
        hash: window.location.hash,
      }
    })
    assert.equal(landed.id, 'ck-source-1')
    assert.match(String(landed.text), /World Health Organization/)
    assert.equal(landed.inView, true)
    assert.equal(landed.hash, '')
    await page.close()
  })

  it('shows a notice when the medical review is overdue', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    await writeApproved(
      client,
      {
        _id: 'article-overdue',
        _type: 'article',
        title: 'An older article',
        slug: {_type: 'slug', current: 'older-article'},
      },
      {at: '2024-01-10T10:00:00Z', nextReviewDue: '2025-01-10'},
    )
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

  it('shows images in the text with alt text, caption, srcset and their size reserved', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    const asset = await uploadTestImage(client, 1600, 900, 'injection-sites.png')
    await client.createOrReplace({
      _id: 'article-with-image',
      _type: 'article',
      title: 'Where the injections go',
      slug: {_type: 'slug', current: 'injection-sites'},
      body: [
        {
          _type: 'image',
          _key: 'img1',
          asset: {_type: 'reference', _ref: asset._id},
          alt: 'Diagram of injection sites on the head and neck',
          caption: 'About 31 small injections, every 12 weeks.',
        },
        // An image whose asset is gone renders nothing rather than a broken image. The lake,
        // like Sanity, keeps only a weak reference to a document that does not exist.
        {
          _type: 'image',
          _key: 'img2',
          asset: {_type: 'reference', _ref: 'image-missing-1x1-png', _weak: true},
        },
      ],
    })
    const page = await widgetPage(d, '<ck-article slug="injection-sites"></ck-article>')
    const img = page.locator('ck-article >> img[part~="image"]')
    await img.waitFor()
    assert.equal(await img.count(), 1)
    assert.equal(await img.getAttribute('alt'), 'Diagram of injection sites on the head and neck')
    assert.equal(await img.getAttribute('width'), '1600')
    assert.equal(await img.getAttribute('height'), '900')
    assert.match(
      String(await img.getAttribute('srcset')),
      /\?w=400&fit=max&auto=format 400w, .* 1200w$/,
    )
    assert.equal(
      await page.locator('ck-article >> [part~="caption"]').textContent(),
      'About 31 small injections, every 12 weeks.',
    )
    // The lake serves the resized image the srcset asks for.
    await img.evaluate((el: HTMLImageElement) => el.decode())
    const src = new URL(await img.evaluate((el: HTMLImageElement) => el.currentSrc))
    const served = await sharp(Buffer.from(await (await fetch(src)).arrayBuffer())).metadata()
    assert.equal(served.width, Number(src.searchParams.get('w')))
    await page.close()
  })

  it('links to other content through the page’s URL pattern, and as text without one', async () => {
    await lakeClient(d.lake.url, d.lake.token).createOrReplace({
      _id: 'article-internal-link',
      _type: 'article',
      title: 'Linking within the clinic',
      slug: {_type: 'slug', current: 'internal-link'},
      body: [
        {
          _type: 'block',
          _key: 'b1',
          style: 'normal',
          markDefs: [
            {
              _type: 'internalLink',
              _key: 'l1',
              reference: {_type: 'reference', _ref: 'condition-chronic-migraine'},
            },
          ],
          children: [
            {_type: 'span', _key: 's1', text: 'Read about ', marks: []},
            {_type: 'span', _key: 's2', text: 'chronic migraine', marks: ['l1']},
          ],
        },
      ],
    })
    const page = await widgetPage(
      d,
      `<ck-article id="linked" slug="internal-link" internal-url="/learn/{type}/{slug}"></ck-article>
       <ck-article id="plain" slug="internal-link"></ck-article>`,
    )
    const link = page.locator('#linked >> [part~="text-link"]')
    await link.waitFor()
    assert.equal(await link.getAttribute('href'), '/learn/condition/chronic-migraine')
    assert.equal(await link.textContent(), 'chronic migraine')
    await page.locator('#plain >> [part~="text-paragraph"]').waitFor()
    assert.equal(await page.locator('#plain >> a[part~="text-link"]').count(), 0)
    assert.equal(
      await page.locator('#plain >> [part~="text-paragraph"]').textContent(),
      'Read about chronic migraine',
    )
    await page.close()
  })

  it('speaks the article’s language: UI strings and a lang mark for the text (WCAG 3.1.2)', async () => {
    const client = lakeClient(d.lake.url, d.lake.token)
    await writeApproved(client, {
      _id: 'article-es',
      _type: 'article',
      title: 'Cómo prevenir los dolores de cabeza',
      slug: {_type: 'slug', current: 'prevenir-dolores-de-cabeza'},
      language: 'es',
      body: [textBlock('b', 'El Botox puede ayudar.')],
      sources: [{_key: 'who', title: 'Cefaleas', url: 'https://www.who.int/'}],
    })
    // The test page is <html lang="en"> and configures no language.
    const page = await widgetPage(d, '<ck-article slug="prevenir-dolores-de-cabeza"></ck-article>')
    try {
      const article = page.locator('ck-article')
      await article.locator('[part~="title"]').waitFor()
      assert.equal(await article.locator('[part~="section-heading"]').textContent(), 'Fuentes')
      assert.equal(
        String(await article.locator('[part~="byline"]').textContent())
          .replace(/\s+/g, ' ')
          .trim(),
        'Revisado médicamente por Dr. Sloane Yu, MD · 2 de noviembre de 2026',
      )
      const spanish = (part: string) =>
        article
          .locator(`[part~="${part}"]`)
          .first()
          .evaluate((el) => el.matches(':lang(es)'))
      assert.equal(await spanish('title'), true)
      assert.equal(await spanish('text-paragraph'), true)
      assert.equal(await spanish('section-heading'), true)
    } finally {
      await page.close()
      await client.delete('article-es')
    }
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
