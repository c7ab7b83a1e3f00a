// @clinic-kit/widgets/ssr, built (widgets/dist/ssr.js, as the package ships it), over the sample
// content in a real lake: each element's server-rendered fragment reads in Chromium with
// JavaScript disabled (questions and answers or the article's text, headings, links, in the
// accessibility tree), its declarative shadow root equals what the drop-in script renders in the
// browser from the same attributes and data, and the fetch handler serves fragments (ETag, 304,
// 4xx) of published content only.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import type * as Ssr from '../../widgets/ssr/index'
import {failOnPageError, openDemo, widgetHtml, type DemoSession} from '../helpers/demo'
import {lakeClient} from '../helpers/lake'

const {createEmbedHandler, renderFromSource, DATA_ATTRIBUTE} = (await import(
  // The built module, so server and browser run the same minified templates.
  new URL('../../widgets/dist/ssr.js', import.meta.url).href
)) as typeof Ssr

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

interface Case {
  tag: string
  attributes: Record<string, string>
  /** Text the reader must find in the accessibility tree, from the data. */
  texts(data: unknown): string[]
  /** The heading every fragment of this element has, at least. */
  heading: RegExp
}

/** A Portable Text block's spans, each as the reader meets it (a link is a node of its own). */
type Block = {children?: Array<{text?: string}>}
const blockText = (blocks: Block[] | null | undefined) =>
  (blocks ?? [])
    .flatMap((b) => (b.children ?? []).map((c) => (c.text ?? '').trim()))
    .filter(Boolean)

const CASES: Case[] = [
  {
    tag: 'ck-faq',
    attributes: {topic: 'chronic-migraine', lang: 'en', 'structured-data': ''},
    texts: (data) =>
      (data as {faqs: Array<{question: string; answer: Block[]}>}).faqs.flatMap((faq) => [
        faq.question,
        ...blockText(faq.answer),
      ]),
    heading: /./,
  },
  {
    tag: 'ck-article',
    attributes: {slug: 'prevent-headaches-with-botox'},
    texts: (data) => {
      const {article} = data as {article: {title: string; body: Block[]}}
      return [article.title, ...blockText(article.body)]
    },
    heading: /./,
  },
  {
    tag: 'ck-clinician',
    attributes: {slug: 'sloane-yu'},
    texts: (data) => {
      const [clinician] = data as Array<{givenName: string; familyName: string; jobTitle: string}>
      return [clinician!.givenName, clinician!.familyName, clinician!.jobTitle]
    },
    heading: /Sloane Yu/,
  },
  {
    tag: 'ck-clinician-list',
    attributes: {clinic: 'allied-pain-spine-institute'},
    texts: (data) => (data as Array<{familyName: string}>).map((c) => c.familyName),
    heading: /Yu/,
  },
]

/** A page at the lake's origin holding `body`; `script` adds the drop-in with every element. */
async function pageWith(body: string, {javaScript = true, script = false} = {}): Promise<Page> {
  const context = await d.browser.newContext({javaScriptEnabled: javaScript})
  const page = await context.newPage()
  failOnPageError(page)
  const html = script
    ? widgetHtml(d, body)
    : `<!doctype html><html lang="en"><head><title>SSR</title></head><body><main>${body}</main></body></html>`
  await page.route('**/ssr-test.html', (route) =>
    route.fulfill({contentType: 'text/html; charset=utf-8', body: html}),
  )
  await page.goto(`${d.lake.url}/ssr-test.html`)
  return page
}

/**
 * What the page shows of the element: its shadow tree (elements with their attributes in name
 * order, since the server writes bound attributes in template order where the browser appends
 * them; text; no comments, Lit's markers; no <style>, which the browser adopts instead), its host
 * style and its light-DOM JSON-LD.
 */
const shownOf = (page: Page, tag: string) =>
  // As a string: the test runner's transform would add helpers the page lacks to a function.
  page.evaluate<{shadow: string | null; style: string | null; jsonLd: string | null}>(`(() => {
    const element = document.querySelector(${JSON.stringify(tag)})
    const canonical = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent
      if (!(node instanceof Element) || node.localName === 'style') return ''
      const attributes = [...node.attributes].map((a) => ' ' + a.name + '="' + a.value + '"')
      const children = [...node.childNodes].map(canonical).join('')
      return '<' + node.localName + attributes.sort().join('') + '>' + children + '</' + node.localName + '>'
    }
    return {
      shadow: element.shadowRoot ? [...element.shadowRoot.childNodes].map(canonical).join('') : null,
      style: element.getAttribute('style'),
      jsonLd: element.querySelector('script[type="application/ld+json"]')?.textContent ?? null,
    }
  })()`)

for (const c of CASES) {
  describe(`<${c.tag}> rendered on the server`, () => {
    let fragment = ''
    let data: unknown
    before(async () => {
      fragment = await renderFromSource(c.tag, c.attributes, lakeClient(d.lake.url))
      const script = new RegExp(`<script type="application/json" ${DATA_ATTRIBUTE}>(.*?)</script>`)
      data = JSON.parse(script.exec(fragment)![1]!)
    })

    it('reads without JavaScript: the text, headings and links are in the accessibility tree', async () => {
      const page = await pageWith(fragment, {javaScript: false})
      try {
        const tree = await page.locator(c.tag).ariaSnapshot()
        const texts = c.texts(data)
        assert.ok(texts.length > 0, 'the sample has text for this element')
        for (const text of texts)
          assert.ok(
            tree.replace(/\s+/g, ' ').includes(text.replace(/\s+/g, ' ')),
            `“${text}” is readable`,
          )
        const headings = page.locator(c.tag).getByRole('heading', {name: c.heading})
        assert.ok((await headings.count()) > 0, 'the element has headings')
        const links = page.locator(c.tag).getByRole('link')
        for (const link of await links.all())
          assert.match(String(await link.getAttribute('href')), /^(https?:|#|\/)/)
        // The raw HTML holds the text too, for crawlers that do not build a DOM.
        assert.ok(fragment.includes(texts[0]!.replace(/&/g, '&amp;').slice(0, 20)))
      } finally {
        await page.context().close()
      }
    })

    it('equals the DOM the drop-in script renders from the same attributes and data', async () => {
      const server = await pageWith(fragment, {javaScript: true})
      const fromServer = await shownOf(server, c.tag)
      await server.context().close()
      assert.ok(fromServer.shadow, 'the declarative shadow root is attached by the parser')

      const client = await pageWith('', {script: true})
      try {
        await client.evaluate(
          ([tag, attributes, given]) => {
            const element = document.createElement(tag!) as HTMLElement & {
              data?: unknown
              open?: Set<string>
            }
            for (const [name, value] of Object.entries(attributes!))
              element.setAttribute(name, value)
            element.data = given
            // The server renders every answer open; so does this element.
            if (tag === 'ck-faq')
              element.open = new Set((given as {faqs: Array<{_id: string}>}).faqs.map((f) => f._id))
            document.body.append(element)
          },
          [c.tag, c.attributes, data] as const,
        )
        await client.waitForFunction(
          (tag) =>
            document.querySelector(tag)?.querySelector('script[type="application/json"]') ??
            document.querySelector(tag)?.shadowRoot?.querySelector('[part]:not([part="base"])'),
          c.tag,
        )
        await client.evaluate(
          (tag) =>
            (document.querySelector(tag) as {updateComplete?: Promise<unknown>}).updateComplete,
          c.tag,
        )
        const fromClient = await shownOf(client, c.tag)
        const [a, b] = [fromServer.shadow!, fromClient.shadow!]
        let at = 0
        while (at < a.length && a[at] === b[at]) at++
        assert.equal(a.slice(at - 80, at + 200), b.slice(at - 80, at + 200))
        assert.equal(a, b)
        assert.equal(fromServer.style, fromClient.style)
        assert.equal(fromServer.jsonLd, fromClient.jsonLd)
        assert.ok(fromServer.jsonLd, 'the element writes JSON-LD for this content')
      } finally {
        await client.context().close()
      }
    })
  })
}

describe('createEmbedHandler over the lake', () => {
  const url = (path: string) => new Request(`http://fragments.test${path}`)

  it('serves a fragment with an ETag and Cache-Control, 304 when it has not changed', async () => {
    const handler = createEmbedHandler({client: lakeClient(d.lake.url)})
    const response = await handler(
      url('/embed/v1/production/ck-faq?topic=chronic-migraine&lang=en'),
    )
    assert.equal(response.status, 200)
    assert.match(String(response.headers.get('content-type')), /^text\/html/)
    assert.match(String(response.headers.get('cache-control')), /max-age=/)
    const etag = response.headers.get('etag')
    assert.match(String(etag), /^"[\w-]+"$/)
    const html = await response.text()
    assert.match(html, /^<!--lit-part[^>]*-->(<!--lit-node 0-->)?<ck-faq /)
    assert.match(html, /<template shadowroot="open" shadowrootmode="open">/)

    const again = await handler(
      new Request(
        'http://fragments.test/embed/v1/production/ck-faq?topic=chronic-migraine&lang=en',
        {
          headers: {'if-none-match': etag!},
        },
      ),
    )
    assert.equal(again.status, 304)
    assert.equal(await again.text(), '')
  })

  it('answers 404 for an unknown element and 400 for an unknown attribute, naming them', async () => {
    const handler = createEmbedHandler({client: lakeClient(d.lake.url)})
    const unknownElement = await handler(url('/embed/v1/production/ck-quiz?topic=x'))
    assert.equal(unknownElement.status, 404)
    assert.match(await unknownElement.text(), /unknown element <ck-quiz>/)
    const unknownAttribute = await handler(url('/embed/v1/production/ck-faq?topik=x'))
    assert.equal(unknownAttribute.status, 400)
    assert.match(await unknownAttribute.text(), /no attribute “topik”.*topic/)
    const connection = await handler(url('/embed/v1/production/ck-faq?api-host=https://evil.test'))
    assert.equal(connection.status, 400)
    const noArticle = await handler(url('/embed/v1/production/ck-article?slug=no-such-article'))
    assert.equal(noArticle.status, 404)
  })

  it('renders published content only, even with a client that may read drafts', async () => {
    const writer = lakeClient(d.lake.url, d.lake.token)
    const [faq] = await writer.fetch<Array<Record<string, unknown> & {_id: string}>>(
      `*[_type == "faq" && !(_id in path("drafts.**")) && "chronic-migraine" in conditions[]->slug.current][0...1]`,
    )
    assert.ok(faq, 'a published FAQ on the topic')
    const draft = {...faq, _id: `drafts.${faq._id}`, question: 'An unpublished draft question?'}
    delete (draft as Record<string, unknown>)._rev
    await writer.createOrReplace(draft as never)
    try {
      const handler = createEmbedHandler({client: writer})
      const response = await handler(url('/embed/v1/production/ck-faq?topic=chronic-migraine'))
      assert.equal(response.status, 200)
      const html = await response.text()
      assert.ok(html.includes(String(faq.question).replace(/&/g, '&amp;').slice(0, 15)))
      assert.ok(!html.includes('An unpublished draft question?'))
    } finally {
      await writer.delete(draft._id)
    }
  })
})
