// The Studio preview's data: each element's own query evaluated with groq-js over the documents it
// reads must give what a real lake gives for the same documents, and a draft laid over them what
// the lake's drafts perspective gives.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import {chromium} from 'playwright-core'
import {
  buildPreviewData,
  overlayDataset,
  partnerLanguage,
  previewSpec,
  publishedId,
  type PreviewDocument,
} from '../studio/views/preview/previewData'
import {frameHtml, scriptUrl} from '../studio/views/preview/frame'
import {LOCAL_DATASET_QUERY} from '../studio/views/preview/useLocalDataset'
import {CHROMIUM_ARGS} from './helpers/chromium'
import {startTestLake, uploadTestImage, type TestLake} from './helpers/lake'

const FAQ_ID = 'faq-what-is-chronic-migraine'

let lake: TestLake

/** What the Studio fetches for a spec, from the lake, in a perspective. */
async function localDataset(
  doc: PreviewDocument,
  perspective: 'published' | 'drafts',
): Promise<PreviewDocument[]> {
  const spec = previewSpec(doc)!
  return lake.client.fetch(LOCAL_DATASET_QUERY, {types: spec.types}, {perspective})
}

async function published(id: string): Promise<PreviewDocument> {
  const doc = await lake.client.getDocument<PreviewDocument>(id)
  assert.ok(doc, `${id} is in the sample`)
  return doc
}

/** What the lake answers for the spec's query and parameters. */
async function lakeAnswer(
  doc: PreviewDocument,
  perspective: 'published' | 'drafts',
  partner = '',
): Promise<unknown> {
  const spec = previewSpec(doc, partner)!
  return lake.client.fetch(spec.query, spec.params, {perspective})
}

before(async () => {
  lake = await startTestLake()
  // A photo, so the clinician's asset join is compared too.
  const image = await uploadTestImage(lake.client, 64, 48, 'yu.png')
  await lake.client
    .patch('clinician-sloane-yu')
    .set({photo: {_type: 'image', alt: 'Dr. Yu', asset: {_type: 'reference', _ref: image._id}}})
    .commit()
})
after(() => lake?.close())

describe('preview data over the published documents', () => {
  it('a partner: exactly what its embed loads (FAQ_QUERY with its slug and language)', async () => {
    const partner = await published('partner-riverbend-family-medicine')
    const built = await buildPreviewData(await localDataset(partner, 'published'), partner)
    const answer = await lakeAnswer(partner, 'published')
    assert.deepEqual(built?.data, answer)
    assert.equal(built?.spec.params.partner, 'riverbend-family-medicine')
    assert.ok((answer as {faqs: unknown[]}).faqs.length > 0, 'Riverbend receives FAQs')
  })

  it('an FAQ: that FAQ as the list shows it, on our site and on a partner page', async () => {
    const faq = await published(FAQ_ID)
    for (const partner of ['', 'riverbend-family-medicine']) {
      const built = await buildPreviewData(await localDataset(faq, 'published'), faq, partner)
      const answer = (await lakeAnswer(faq, 'published', partner)) as {
        faqs: Array<{_id: string}>
        partner: unknown
      }
      assert.deepEqual(built?.data, {
        ...answer,
        faqs: answer.faqs.filter((item) => item._id === FAQ_ID),
      })
      assert.equal((built?.data as {faqs: unknown[]}).faqs.length, 1)
    }
  })

  it('an FAQ shared with our site only: none on a partner page', async () => {
    const faq = await published('faq-is-botox-approved-for-chronic-migraine')
    const built = await buildPreviewData(
      await localDataset(faq, 'published'),
      faq,
      'riverbend-family-medicine',
    )
    assert.deepEqual((built?.data as {faqs: unknown[]}).faqs, [])
  })

  it('an FAQ on a partner page is asked in the partner’s language', async () => {
    const lakeshore = 'lakeshore-community-health'
    const english = await published(FAQ_ID)
    const documents = await localDataset(english, 'published')
    const lang = partnerLanguage(documents, lakeshore)
    assert.equal(lang, 'es')
    const onSpanishPage = await buildPreviewData(documents, english, lakeshore, lang)
    assert.deepEqual((onSpanishPage?.data as {faqs: unknown[]}).faqs, [])
    const spanish = await published('faq-what-is-chronic-migraine-es')
    const built = await buildPreviewData(documents, spanish, lakeshore, lang)
    const answer = (await lake.client.fetch(built!.spec.query, built!.spec.params)) as {
      faqs: Array<{_id: string}>
    }
    assert.deepEqual(built?.data, {
      ...answer,
      faqs: answer.faqs.filter((item) => item._id === spanish._id),
    })
    assert.equal((built?.data as {faqs: unknown[]}).faqs.length, 1)
  })

  it('an article and a clinician: what their element loads by slug', async () => {
    for (const id of ['article-prevent-headaches-with-botox', 'clinician-sloane-yu']) {
      const doc = await published(id)
      const built = await buildPreviewData(await localDataset(doc, 'published'), doc)
      assert.deepEqual(built?.data, await lakeAnswer(doc, 'published'), id)
    }
  })
})

describe('preview data with a draft', () => {
  it('the displayed draft over the fetched documents gives what the drafts perspective gives', async () => {
    const faq = await published(FAQ_ID)
    const draftAnswer = [
      {
        _type: 'block',
        _key: 'draft1',
        style: 'normal',
        markDefs: [],
        children: [{_type: 'span', _key: 's1', text: 'A changed answer.', marks: []}],
      },
    ]
    const draft = {...faq, _id: `drafts.${FAQ_ID}`, answer: draftAnswer}
    await lake.client.createOrReplace(draft)
    try {
      const built = await buildPreviewData(await localDataset(faq, 'drafts'), draft)
      const answer = (await lakeAnswer(faq, 'drafts')) as {faqs: Array<{_id: string}>}
      const mine = answer.faqs.filter((item) => item._id === FAQ_ID)
      assert.deepEqual(built?.data, {...answer, faqs: mine})
      assert.deepEqual((mine[0] as {answer?: unknown}).answer, draftAnswer)
      // Unsaved keystrokes: the displayed value wins over what the lake holds.
      const typed = {...draft, question: 'Typed, not saved yet?'}
      const typedBuilt = await buildPreviewData(await localDataset(faq, 'drafts'), typed)
      assert.equal(
        (typedBuilt?.data as {faqs: Array<{question: string}>}).faqs[0]?.question,
        'Typed, not saved yet?',
      )
    } finally {
      await lake.client.delete(`drafts.${FAQ_ID}`)
    }
  })

  it('lays the draft under its published id, once', () => {
    const overlaid = overlayDataset(
      [
        {_id: 'a', _type: 'faq', question: 'old'},
        {_id: 'b', _type: 'faq'},
      ],
      {_id: 'drafts.a', _type: 'faq', question: 'new'},
    )
    assert.deepEqual(
      overlaid.map((doc) => [doc._id, doc.question]),
      [
        ['b', undefined],
        ['a', 'new'],
      ],
    )
    assert.equal(publishedId('versions.r1.a'), 'a')
  })
})

describe('preview frame', () => {
  it('loads the drop-in script from widgetsUrl and creates the element on the first data', () => {
    const html = frameHtml({
      element: 'ck-faq',
      widgetsUrl: 'https://cdn.example.org/kit/',
      attributes: {lang: 'es', partner: ''},
    })
    assert.equal(
      scriptUrl('https://cdn.example.org/kit/', 'ck-faq'),
      'https://cdn.example.org/kit/ck-faq.iife.js',
    )
    assert.ok(html.includes('<script src="https://cdn.example.org/kit/ck-faq.iife.js"'))
    assert.ok(html.includes('"lang":"es"'))
    assert.ok(!html.includes('"partner"'), 'empty attributes are left out')
    assert.ok(!html.includes('<ck-faq'), 'the element is created with its data, never before')
  })

  it('keeps attribute values inside the inline script', () => {
    const html = frameHtml({
      element: 'ck-article',
      widgetsUrl: 'https://cdn.example.org',
      attributes: {lang: '</script><script>alert(1)</script>'},
    })
    assert.equal(html.split('</script>').length - 1, 2, 'only the two scripts close')
  })
})

describe('preview frame in Chromium', () => {
  it('shows the FAQ being edited opened (its answer visible) when it first draws', async () => {
    const faq = await published(FAQ_ID)
    const built = await buildPreviewData(await localDataset(faq, 'published'), faq)
    const kit = 'https://cdn.example.test/kit'
    const html = frameHtml({element: 'ck-faq', widgetsUrl: kit, attributes: {}, open: [FAQ_ID]})
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    })
    try {
      const page = await browser.newPage()
      // The real drop-in script, from the build, where the frame looks for it.
      await page.route(`${kit}/ck-faq.iife.js`, (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: readFileSync('widgets/dist/ck-faq.iife.js', 'utf8'),
        }),
      )
      await page.route('https://studio.example.test/frame', (route) =>
        route.fulfill({contentType: 'text/html', body: html}),
      )
      // At the top level the frame's parent is the page itself: it posts and takes the messages.
      await page.goto('https://studio.example.test/frame')
      await page.waitForFunction(() => customElements.get('ck-faq'))
      await page.evaluate(
        (data) => window.postMessage({source: 'ck-preview', type: 'data', data}, '*'),
        built!.data,
      )
      const button = page.locator(`ck-faq #faq-button-${FAQ_ID}`)
      await button.waitFor()
      assert.equal(await button.getAttribute('aria-expanded'), 'true')
      assert.ok(await page.locator(`ck-faq #faq-panel-${FAQ_ID}`).isVisible(), 'answer visible')
    } finally {
      await browser.close()
    }
  })
})
