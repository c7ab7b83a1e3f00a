// The Studio preview's data: each element's own query evaluated with groq-js over the documents it
// reads must give what a real lake gives for the same documents, and a draft laid over them what
// the lake's drafts perspective gives.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import {build as esbuild} from 'esbuild'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {chromium, type Browser} from 'playwright-core'
import {
  buildPreviewData,
  overlayDataset,
  partnerLanguage,
  previewSpec,
  type PreviewDocument,
} from '../studio/preview/previewData'
import {publishedIdOf} from '../model/sanity/ids'
import {frameHtml, scriptUrl} from '../studio/preview/frame'
import {LOCAL_DATASET_QUERY} from '../studio/preview/useLocalDataset'
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
    assert.equal(publishedIdOf('versions.r1.a'), 'a')
  })
})

const ids = {nonce: 'test-nonce', parentOrigin: 'https://studio.example.test'}

describe('preview frame', () => {
  it('loads the drop-in script from widgetsUrl and creates the element on the first data', () => {
    const html = frameHtml({
      element: 'ck-faq',
      widgetsUrl: 'https://cdn.example.org/kit/',
      attributes: {lang: 'es', partner: ''},
      ...ids,
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
      ...ids,
    })
    assert.equal(html.split('</script>').length - 1, 2, 'only the two scripts close')
  })
})

/**
 * The Studio page, served by this test on loopback (as `npm start` serves the Studio), so the
 * frame may load the lake's scripts: the page's HTML is set before each test opens it.
 */
let studioServer: {origin: string; html: string; close(): void}
before(async () => {
  const server = createServer((req, res) => {
    // The real drop-in scripts, from the build, where the frame looks for them.
    const script = /^\/kit\/(ck-[a-z-]+\.iife\.js)$/.exec(req.url ?? '')?.[1]
    if (script) {
      res.writeHead(200, {'content-type': 'text/javascript'})
      res.end(readFileSync(`widgets/dist/${script}`))
      return
    }
    res.writeHead(200, {'content-type': 'text/html'})
    res.end(studioServer.html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  studioServer = {origin: `http://127.0.0.1:${port}`, html: '', close: () => server.close()}
})
after(() => studioServer?.close())
const studioOrigin = () => studioServer.origin
/** Where the frame loads the drop-in scripts (the Studio test server below). */
const kit = () => `${studioServer.origin}/kit`
/**
 * A page on another origin, served by this test: it keeps every message it receives (on its window
 * or on the channel it offers with a guessed nonce) in `window.got`.
 */
let foreign: {url: string; close(): void}
before(async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, {'content-type': 'text/html'})
    res.end(`<!doctype html><title>foreign</title><p id="foreign">Foreign page</p><script>
      window.got = []
      addEventListener('message', (event) => got.push(event.data))
      const channel = new MessageChannel()
      channel.port1.onmessage = (event) => got.push(event.data)
      parent.postMessage({source: 'ck-preview', type: 'connect', nonce: 'guess'}, '*', [channel.port2])
    </script>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  foreign = {url: `http://127.0.0.1:${port}/foreign`, close: () => server.close()}
})
after(() => foreign?.close())

/**
 * A Studio page in Chromium holding the preview frame as the view makes it (sandboxed srcdoc) and
 * the view's side of the channel (frame.ts `connectFrame`, bundled from the source). `window.ck`
 * posts to the frame and records what the frame said.
 */
async function studioWithFrame(html: string, nonce: string) {
  const bundle = await esbuild({
    entryPoints: ['studio/preview/frame.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'ckFrame',
    write: false,
  })
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS})
  try {
    return await openStudio(browser, bundle.outputFiles[0]!.text, html, nonce)
  } catch (error) {
    await browser.close()
    throw error
  }
}

async function openStudio(browser: Browser, bundle: string, html: string, nonce: string) {
  const page = await browser.newPage()
  studioServer.html = `<!doctype html><body><script>${bundle}</script></body>`
  await page.goto(`${studioOrigin()}/preview-frame-test.html`)
  await page.evaluate(
    ({html, nonce}) => {
      const frame = document.createElement('iframe')
      frame.setAttribute('sandbox', 'allow-scripts allow-popups')
      frame.srcdoc = html
      const said: string[] = []
      const connection = (
        window as unknown as {ckFrame: typeof import('../studio/preview/frame')}
      ).ckFrame.connectFrame(
        () => frame,
        nonce,
        (message) => said.push(message.type),
      )
      Object.assign(window, {ck: {connection, said, frame}})
      document.body.append(frame)
    },
    {html, nonce},
  )
  await page.waitForFunction(() =>
    (window as unknown as {ck: {said: string[]}}).ck.said.includes('ready'),
  )
  const post = (data: unknown) =>
    page.evaluate(
      (data) =>
        (window as unknown as {ck: {connection: {post(m: unknown): void}}}).ck.connection.post({
          type: 'data',
          data,
        }),
      data as never,
    )
  const frame = page.frames().find((f) => f !== page.mainFrame())!
  return {browser, page, post, frame}
}

/** Resolves once `condition` holds (checked every 20 ms), failing after 10 s. */
async function until(condition: () => boolean): Promise<void> {
  for (const start = Date.now(); !condition();) {
    assert.ok(Date.now() - start < 10_000, `timed out waiting for ${String(condition)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('preview frame in Chromium', () => {
  it('shows the FAQ being edited opened (its answer visible) when it first draws', async () => {
    const faq = await published(FAQ_ID)
    const built = await buildPreviewData(await localDataset(faq, 'published'), faq)
    const nonce = 'nonce-faq'
    const html = frameHtml({
      element: 'ck-faq',
      widgetsUrl: kit(),
      attributes: {},
      open: [FAQ_ID],
      nonce,
      parentOrigin: studioOrigin(),
    })
    const studio = await studioWithFrame(html, nonce)
    try {
      await studio.post(built!.data)
      const button = studio.frame.locator(`ck-faq #faq-button-${FAQ_ID}`)
      await button.waitFor()
      assert.equal(await button.getAttribute('aria-expanded'), 'true')
      assert.ok(await studio.frame.locator(`ck-faq #faq-panel-${FAQ_ID}`).isVisible())
    } finally {
      await studio.browser.close()
    }
  })

  it('opens a link in the previewed text in a new tab: the frame stays, and drafts reach only it', async () => {
    const article = await published('article-prevent-headaches-with-botox')
    const built = (await buildPreviewData(await localDataset(article, 'published'), article))!
    const {article: shown} = built.data as {article: {title: string; body?: unknown[]}}
    const draft = (title: string) => ({
      article: {
        ...shown,
        title,
        body: [
          {
            _type: 'block',
            _key: 'link',
            style: 'normal',
            markDefs: [{_key: 'l', _type: 'link', href: foreign.url}],
            children: [{_type: 'span', _key: 's', text: 'Foreign link', marks: ['l']}],
          },
          ...(shown.body ?? []),
        ],
      },
    })
    const nonce = 'nonce-article'
    const html = frameHtml({
      element: 'ck-article',
      widgetsUrl: kit(),
      attributes: {},
      nonce,
      parentOrigin: studioOrigin(),
    })
    const studio = await studioWithFrame(html, nonce)
    try {
      await studio.post(draft('First draft'))
      const link = studio.frame.locator('ck-article a', {hasText: 'Foreign link'})
      await link.waitFor()
      const popup = studio.page.waitForEvent('popup')
      await link.click()
      const opened = await popup
      assert.equal(opened.url(), foreign.url, 'the link opens outside the frame')
      await opened.locator('#foreign').waitFor()
      // The frame still shows the preview, and the next draft reaches it.
      await studio.post(draft('Second draft'))
      await studio.frame.locator('ck-article', {hasText: 'Second draft'}).waitFor()
      assert.equal(studio.frame.url(), 'about:srcdoc')

      // Even if the frame navigates itself to another page, later drafts do not reach that page,
      // and that page cannot connect without the nonce.
      await studio.frame.evaluate((url) => void (location.href = url), foreign.url)
      await until(() => studio.page.frames().some((f) => f.url() === foreign.url))
      const shown = studio.page.frames().find((f) => f.url() === foreign.url)!
      await shown.locator('#foreign').waitFor()
      await studio.post(draft('Secret draft'))
      await studio.post(draft('Another secret draft'))
      // A message the Studio page sends the frame's window directly does arrive (so the page
      // listens); the drafts sent before it never do.
      await studio.page.evaluate(() =>
        (window as unknown as {ck: {frame: HTMLIFrameElement}}).ck.frame.contentWindow!.postMessage(
          'marker',
          '*',
        ),
      )
      await shown.waitForFunction(() =>
        (window as unknown as {got: unknown[]}).got.includes('marker'),
      )
      await shown.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
      const got = await shown.evaluate(() => (window as unknown as {got: unknown[]}).got)
      assert.deepEqual(got, ['marker'])
    } finally {
      await studio.browser.close()
    }
  })
})
