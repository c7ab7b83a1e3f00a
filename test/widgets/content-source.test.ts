// The widgets' content source: the page cache, stale-while-revalidate in localStorage
// (cache="persist") in Chromium, and the @sanity/client adapter with a real client and lake.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {ContentError, fetchQuery} from '../../widgets/content/client'
import {DEFAULT_CONFIG, type WidgetConfig} from '../../widgets/content/config'
import {listen} from '../../widgets/content/live'
import {CLINICIANS_QUERY, FAQ_QUERY} from '../../widgets/content/queries'
import {openDemo, widgetPage, type DemoSession} from '../helpers/demo'
import {writeApproved} from '../helpers/approval'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

describe('cache="persist"', () => {
  let d: DemoSession
  before(async () => {
    d = await openDemo()
  })
  after(async () => {
    await d?.close()
  })

  const firstQuestion = (page: Page) =>
    page.waitForFunction(() => {
      const el = document.querySelector('ck-faq')
      return el?.shadowRoot?.querySelector('[part~="button"] > span')?.textContent ?? false
    })

  it('shows the stored answer at once, offline too, and swaps in newer content', async () => {
    const markup = '<ck-faq topic="chronic-migraine" cache="persist"></ck-faq>'
    const page = await widgetPage(d, markup)
    assert.equal(
      await (await firstQuestion(page)).jsonValue(),
      'What types of headaches can Botox help?',
    )
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('ck:v1:')),
    )
    assert.equal(stored.length, 1)

    // Offline: the query API is unreachable, yet the stored questions show and no error does.
    await page.route('**/data/query/**', (route) => route.abort('internetdisconnected'))
    await page.reload()
    assert.equal(
      await (await firstQuestion(page)).jsonValue(),
      'What types of headaches can Botox help?',
    )
    assert.equal(await page.locator('ck-faq >> [role="alert"]').count(), 0)
    await page.unroute('**/data/query/**')

    // Newer content: the stored answer shows first, then the fresh one replaces it.
    // A changed question is published with Dr. Yu's new approval (the lake refuses it without).
    const client = lakeClient(d.lake.url, d.lake.token)
    const faq = await client.getDocument('faq-which-headaches-can-botox-help')
    assert.ok(faq)
    await writeApproved(client, {...faq, question: 'Which headaches can Botox prevent?'})
    const loads: unknown[] = []
    await page.exposeFunction('recordLoad', (question: unknown) => loads.push(question))
    await page.addInitScript(() =>
      document.addEventListener('ck-load', (event) => {
        const el = event.target as HTMLElement & {items: Array<{question: string}>}
        ;(window as unknown as {recordLoad(q: unknown): void}).recordLoad(el.items[0]?.question)
      }),
    )
    await page.reload()
    await page.waitForFunction(() =>
      document
        .querySelector('ck-faq')
        ?.shadowRoot?.textContent?.includes('Which headaches can Botox prevent?'),
    )
    assert.deepEqual(loads, [
      'What types of headaches can Botox help?',
      'Which headaches can Botox prevent?',
    ])
    await page.close()
  })
})

describe('@sanity/client adapter', () => {
  let t: TestLake
  let config: WidgetConfig
  before(async () => {
    t = await startTestLake()
    config = {...DEFAULT_CONFIG, client: t.anonymous}
  })
  after(async () => {
    await t?.close()
  })

  const faqParams = {lang: 'en', topic: 'chronic-migraine', category: '', partner: '', limit: 50}

  it('runs the widgets’ queries through the page’s own client', async () => {
    const viaClient = await fetchQuery<{faqs: Array<{question: string}>}>(
      config,
      FAQ_QUERY,
      faqParams,
    )
    const viaHttp = await fetchQuery<{faqs: Array<{question: string}>}>(
      {...DEFAULT_CONFIG, apiHost: t.lake.url},
      FAQ_QUERY,
      faqParams,
    )
    assert.ok(viaClient.faqs.length > 0)
    assert.deepEqual(viaClient, viaHttp)
    const clinicians = await fetchQuery<Array<{slug: string}>>(config, CLINICIANS_QUERY, {
      slug: 'sloane-yu',
      clinic: '',
      specialty: '',
      limit: 1,
    })
    assert.deepEqual(
      clinicians.map((c) => c.slug),
      ['sloane-yu'],
    )
  })

  it('turns the client’s errors into ContentErrors', async () => {
    await assert.rejects(fetchQuery(config, '*[_type == ', {}), (error: unknown) => {
      assert.ok(error instanceof ContentError)
      assert.equal(error.kind, 'query')
      assert.equal(error.status, 400)
      return true
    })
    const unreachable = {...config, client: lakeClient('http://127.0.0.1:9')}
    await assert.rejects(fetchQuery(unreachable, '*[0]', {}), (error: unknown) => {
      assert.ok(error instanceof ContentError)
      assert.equal(error.kind, 'network')
      return true
    })
  })

  it('listens through the client and calls back on each matching change', async () => {
    let changes = 0
    const stop = listen(config, '*[_type == "faq"]', {}, () => changes++)
    try {
      // The listener is open once the lake has sent its welcome; give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 300))
      await t.client.create({
        _id: 'faq-adapter',
        _type: 'faq',
        question: 'Adapter?',
        language: 'en',
      })
      await t.client.create({_id: 'clinic-adapter', _type: 'clinic', name: 'Not a FAQ'})
      const deadline = Date.now() + 5000
      while (changes < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      assert.equal(changes, 1)
    } finally {
      stop()
    }
  })
})
