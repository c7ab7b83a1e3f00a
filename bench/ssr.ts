// npm run bench:ssr — server-rendered widgets (@clinic-kit/widgets/ssr, built: widgets/dist/ssr.js)
// against client-rendered ones and a bare Lit element, in one run, against a local lake in a child
// process (bench/demo-process.ts), in Chromium. Prints (as markdown):
// - navigation → first FAQ question on screen for <ck-faq topic="chronic-migraine"> as (a) the
//   server-rendered fragment in the page's HTML, no script; (a') the same page with the ck-faq
//   drop-in script; (b) ck-faq.iife.js rendering on the client; (c) a bare Lit element with one
//   fetch of the same query (bench/ssr-baseline-element.ts) — the loads interleaved round by round,
//   each in a new browser context; medians and the ratios against (c) beside the goals;
// - renderElement's time per element (ck-faq at 10 and 500 FAQs, ck-article, ck-clinician-list);
// - each fragment's HTML bytes, raw and gzip.
// Prints figures; asserts nothing timed.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {BrowserContext} from 'playwright-core'
import {build} from 'vite'
import type * as Ssr from '../widgets/ssr/index'
import type {FaqItem, FaqQueryResult} from '../widgets/content/queries'
import {gzipSize} from '../widgets/build/budgets'
import {failOnPageError, widgetHtml} from '../test/helpers/demo'
import {lakeClient} from '../test/helpers/lake'
import {openDemoProcess, type BenchDemo} from './demo-process'

const {renderElement, renderFromSource, elementQuery} = (await import(
  // The built module, as the package ships it.
  new URL('../widgets/dist/ssr.js', import.meta.url).href
)) as typeof Ssr

const ROUNDS = 15
const WARM_UP_ROUNDS = 2
const RENDER_RUNS = 30
const TOPIC = {topic: 'chronic-migraine'}
const DONE = 'ck-bench:'
const BARE_ENTRY = fileURLToPath(new URL('./ssr-baseline-element.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('..', import.meta.url))

const ascending = (values: number[]) => [...values].sort((a, b) => a - b)
const median = (values: number[]) => ascending(values)[Math.floor((values.length - 1) / 2)]!
const ms = (n: number) => n.toFixed(1)
/** gzip -9, as the build reports the drop-ins' sizes. */
const gzipBytes = (text: string | Buffer) => gzipSize(Buffer.from(text))

/** What a page reports: ms from navigation start. */
interface Shown {
  /** The animation frame in which the first question is in the page: it is painted in that frame. */
  shown: number
  questions: number
  /** For pages with the drop-in: its `ck-load` render done (the questions in the element's DOM). */
  rendered?: number
  /** Query requests the page sent (Resource Timing). */
  queries: number
}

/**
 * Runs first in <head>. Checks every animation frame whether `tag`'s shadow root holds a question
 * (a `button` part), and reports that frame's time; with `waitForLoad`, also waits for the
 * element's `ck-load` render. Listeners, an observer-free rAF loop; nothing of the page wrapped.
 */
const timingScript = (tag: string, waitForLoad: boolean) => `<script>
  (() => {
    const times = {}
    const report = () => {
      times.queries = performance.getEntriesByType('resource').filter((e) => e.name.includes('/data/query/')).length
      console.debug(${JSON.stringify(DONE)} + JSON.stringify(times))
    }
    const done = () => times.shown !== undefined && (!${waitForLoad} || times.rendered !== undefined)
    const frame = () => {
      const questions = document.querySelector(${JSON.stringify(tag)})?.shadowRoot?.querySelectorAll('[part~="button"]').length
      if (!questions) return requestAnimationFrame(frame)
      times.shown = performance.now()
      times.questions = questions
      if (done()) report()
    }
    requestAnimationFrame(frame)
    if (${waitForLoad}) document.addEventListener('ck-load', async (event) => {
      await event.target.updateComplete
      times.rendered = performance.now()
      if (done()) report()
    }, {once: true})
    document.addEventListener('ck-error', (event) => console.debug(${JSON.stringify(DONE)} + JSON.stringify({error: event.detail.message})), {once: true})
  })()
</script>`

async function load(context: BrowserContext, url: string): Promise<Shown> {
  const page = await context.newPage()
  try {
    failOnPageError(page)
    const reported = page.waitForEvent('console', (message) => message.text().startsWith(DONE))
    await page.goto(url, {waitUntil: 'commit'})
    const times = JSON.parse((await reported).text().slice(DONE.length)) as Shown & {
      error?: string
    }
    if (times.error) throw new Error(`ck-error: ${times.error}`)
    return times
  } finally {
    await page.close()
  }
}

/** One load in a new context: no HTTP cache, no connection. */
async function freshLoad(d: BenchDemo, url: string): Promise<Shown> {
  const context = await d.browser.newContext()
  try {
    return await load(context, url)
  } finally {
    await context.close()
  }
}

/** The URL of the query <ck-faq topic="chronic-migraine"> sends from the drop-in. */
async function faqQueryUrl(d: BenchDemo, url: string): Promise<string> {
  const context = await d.browser.newContext()
  try {
    const page = await context.newPage()
    const request = page.waitForRequest((r) => r.url().includes('/data/query/'))
    await page.goto(url, {waitUntil: 'commit'})
    return (await request).url()
  } finally {
    await context.close()
  }
}

/** bench/ssr-baseline-element.ts with Lit, one minified IIFE. */
async function bareBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {entry: BARE_ENTRY, formats: ['iife'], name: 'bareFaq', fileName: () => 'bare-faq.js'},
    },
  })
  const [result] = Array.isArray(output) ? output : [output]
  const chunk = (result as {output?: Array<{type: string; code?: string}>}).output?.find(
    (item) => item.type === 'chunk',
  )
  if (!chunk?.code) throw new Error('building the bare Lit element produced no script')
  return chunk.code
}

interface Variant {
  key: string
  label: string
  url: string
  runs: Shown[]
}

async function timeToContent(d: BenchDemo, fragment: string): Promise<string[]> {
  const page = (head: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FAQ</title>${head}</head><body>${body}</body></html>`
  const dropIn = (name: string, markup: string) =>
    d.servePage(
      name,
      widgetHtml(d, markup, {script: 'ck-faq.iife.js', head: timingScript('ck-faq', true)}),
    )
  const clientUrl = dropIn('client.html', '<ck-faq topic="chronic-migraine"></ck-faq>')
  const query = await faqQueryUrl(d, clientUrl)
  const bare = await bareBundle()
  d.servePage('bare-faq.js', bare)
  const variants: Variant[] = [
    {
      key: 'a',
      label: '(a) server-rendered fragment in the HTML, no script',
      url: d.servePage('fragment.html', page(timingScript('ck-faq', false), fragment)),
      runs: [],
    },
    {
      key: "a'",
      label: "(a') the same page with the ck-faq drop-in script (re-renders: no hydration yet)",
      url: dropIn('fragment-script.html', fragment),
      runs: [],
    },
    {
      key: 'b',
      label: '(b) `ck-faq.iife.js`, rendered on the client',
      url: clientUrl,
      runs: [],
    },
    {
      key: 'c',
      label: '(c) bare Lit element, one fetch of the same query (baseline)',
      url: d.servePage(
        'bare.html',
        page(
          `${timingScript('bare-faq', false)}<script src="${d.lake.url}/bench/bare-faq.js"></script>`,
          `<bare-faq src="${query}"></bare-faq>`,
        ),
      ),
      runs: [],
    },
  ]
  // Round by round, every variant once per round: a load on the shared machine hits them alike.
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++)
    for (const variant of variants) {
      const run = await freshLoad(d, variant.url)
      if (round >= WARM_UP_ROUNDS) variant.runs.push(run)
    }
  const shown = (v: Variant) => median(v.runs.map((r) => r.shown))
  const baseline = shown(variants[3]!)
  const dropInGzip = gzipBytes(
    readFileSync(new URL('../widgets/dist/ck-faq.iife.js', import.meta.url)),
  )
  const goals: Record<string, string> = {a: '≤ 0.6', b: '≤ 1.1'}
  const rows = variants.map((v) => {
    const ratio = shown(v) / baseline
    const goal = goals[v.key]
    const verdict = goal
      ? ` (goal ${goal}: ${ratio <= Number(goal.slice(2)) ? 'met' : 'missed'})`
      : ''
    const rendered = v.runs.every((r) => r.rendered !== undefined)
      ? ms(median(v.runs.map((r) => r.rendered!)))
      : '—'
    return `| ${v.label} | ${ms(shown(v))} | ${ms(Math.min(...v.runs.map((r) => r.shown)))} | ${rendered} | ${v.runs[0]!.questions} | ${v.runs.reduce((n, r) => n + r.queries, 0)} | ${ratio.toFixed(2)}×${verdict} |`
  })
  return [
    `Navigation start → the animation frame in which the first question of \`<ck-faq topic="chronic-migraine">\` is in the page, ${ROUNDS} rounds (after ${WARM_UP_ROUNDS} warm-up), each variant once per round, each load in a new browser context.`,
    '',
    '| page | median ms | min ms | drop-in render done, median ms | questions | query requests, all loads | ratio to (c) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Scripts: \`ck-faq.iife.js\` ${dropInGzip} B gzip, the bare element with Lit ${gzipBytes(bare)} B gzip. Hydration is not built. In (a') the drop-in (in \`<head>\`, as the snippet places it) defines \`<ck-faq>\` before the parser reaches the element, so the element attaches its own shadow root first, the server's \`<template shadowrootmode>\` stays an inert template, and the skeleton shows until the element's own query answers: the first question appears with the drop-in's render.`,
  ]
}

/** `count` FAQs in the element's data shape, cycling the sample's answers with new ids and questions. */
function manyFaqs(sample: FaqQueryResult, count: number): FaqQueryResult {
  const faqs: FaqItem[] = Array.from({length: count}, (_, i) => {
    const from = sample.faqs[i % sample.faqs.length]!
    return {...from, _id: `faq-bench-${i}`, question: `${from.question} (${i + 1})`}
  })
  return {...sample, faqs}
}

async function renderTimes(d: BenchDemo): Promise<{rows: string[]; fragment: string}> {
  const client = lakeClient(d.lake.url, d.lake.token)
  const fetchData = async (tag: string, attributes: Record<string, string>) => {
    const request = elementQuery(tag, attributes)
    if (!request) throw new Error(`<${tag}> ${JSON.stringify(attributes)} asks for nothing`)
    return client.fetch<unknown>(request.query, request.params, {perspective: 'published'})
  }
  const faqSample = (await fetchData('ck-faq', TOPIC)) as FaqQueryResult
  const cases: Array<{
    label: string
    tag: string
    attributes: Record<string, string>
    data: unknown
  }> = [
    ...[10, 500].map((n) => ({
      label: `ck-faq, ${n} FAQs`,
      tag: 'ck-faq',
      attributes: {...TOPIC, limit: String(n)},
      data: manyFaqs(faqSample, n),
    })),
    {
      label: `ck-faq topic="chronic-migraine" (the sample: ${faqSample.faqs.length} FAQs)`,
      tag: 'ck-faq',
      attributes: TOPIC,
      data: faqSample,
    },
    {
      label: 'ck-article slug="prevent-headaches-with-botox"',
      tag: 'ck-article',
      attributes: {slug: 'prevent-headaches-with-botox'},
      data: await fetchData('ck-article', {slug: 'prevent-headaches-with-botox'}),
    },
    {
      label: 'ck-clinician-list clinic="allied-pain-spine-institute"',
      tag: 'ck-clinician-list',
      attributes: {clinic: 'allied-pain-spine-institute'},
      data: await fetchData('ck-clinician-list', {clinic: 'allied-pain-spine-institute'}),
    },
  ]
  const rows: string[] = []
  for (const c of cases) {
    let html = await renderElement(c.tag, {attributes: c.attributes, data: c.data})
    const times: number[] = []
    for (let i = 0; i < RENDER_RUNS; i++) {
      const started = performance.now()
      html = await renderElement(c.tag, {attributes: c.attributes, data: c.data})
      times.push(performance.now() - started)
    }
    rows.push(
      `| ${c.label} | ${ms(median(times))} | ${ms(Math.min(...times))} | ${Buffer.byteLength(html)} | ${gzipBytes(html)} |`,
    )
  }
  // The fragment the pages hold, as the handler would serve it: from the lake, the element's query.
  const fragment = await renderFromSource('ck-faq', TOPIC, client)
  return {rows, fragment}
}

async function main() {
  const d = await openDemoProcess()
  try {
    const {rows, fragment} = await renderTimes(d)
    console.log(
      [
        '## Fragment render and bytes',
        '',
        `\`renderElement\` (the built \`widgets/dist/ssr.js\`) in this process, ${RENDER_RUNS} runs after one warm-up; each fragment's HTML in bytes (UTF-8) and gzipped.`,
        '',
        '| element | median ms | min ms | HTML B | gzip B |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...rows,
        '',
        `The fragment of (a) below, \`renderFromSource('ck-faq', {topic: 'chronic-migraine'})\`: ${Buffer.byteLength(fragment)} B, ${gzipBytes(fragment)} B gzip.`,
        '',
        '## Time to the first question',
        '',
        ...(await timeToContent(d, fragment)),
      ].join('\n'),
    )
  } finally {
    await d.close()
  }
}

await main()
