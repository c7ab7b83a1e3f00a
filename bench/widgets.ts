// npm run bench:widgets — builds the widgets (the build prints every dist/*.js file's raw, gzip
// and brotli size), then prints (as markdown) the time from script start to the first FAQ question
// of <ck-faq topic="chronic-migraine"> in Chromium against a local lake, each load in a fresh
// browser context, for both drop-in scripts; and the time to create and render a <ck-faq> of 500
// questions whose answer is already in the page cache. Prints figures; asserts nothing.
import type {Page} from 'playwright-core'
import {openDemo, widgetPage, type DemoSession} from '../test/helpers/demo'
import {lakeClient} from '../test/helpers/lake'

const LOADS = 20
const WARM_UP_LOADS = 2
const RENDER_RUNS = 30
const BENCH_FAQS = 500

// In-page globals the timing scripts set (typed here rather than augmenting Window for the project).
interface BenchWindow {
  __t0?: number
  __t1?: number
}
interface FaqElement extends HTMLElement {
  limit: number
  updateComplete: Promise<boolean>
}

const median = (sorted: number[]) => sorted[Math.floor((sorted.length - 1) / 2)]!
const nearestRank = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
const ms = (n: number) => n.toFixed(1)
const ascending = (values: number[]) => [...values].sort((a, b) => a - b)

// Runs before the kit's script: t0 is "script start"; t1 is when the first ck-load's render is done.
// ck-load fires before the element renders the answer, hence the wait for updateComplete.
const TIMING_SCRIPT = `<script>
  window.__t0 = performance.now()
  document.addEventListener('ck-load', async (event) => {
    await event.target.updateComplete
    window.__t1 = performance.now()
  }, {once: true})
</script>`

/** One load in a fresh context (no HTTP cache, no page cache): in-page ms and page-open wall ms. */
async function timeToContent(d: DemoSession, script: string) {
  const context = await d.browser.newContext()
  try {
    const started = performance.now()
    const page = await widgetPage(d, '<ck-faq topic="chronic-migraine"></ck-faq>', {
      context,
      script,
      head: TIMING_SCRIPT,
    })
    await page.waitForFunction(
      () =>
        (window as BenchWindow).__t1 !== undefined &&
        document.querySelector('ck-faq')?.shadowRoot?.querySelector('[part~="button"]'),
    )
    const wall = performance.now() - started
    const inPage = await page.evaluate(() => {
      const w = window as BenchWindow
      return w.__t1! - w.__t0!
    })
    return {inPage, wall}
  } finally {
    await context.close()
  }
}

async function timeToContentSection(d: DemoSession, script: string): Promise<string> {
  for (let i = 0; i < WARM_UP_LOADS; i++) await timeToContent(d, script)
  const inPage: number[] = []
  const wall: number[] = []
  for (let i = 0; i < LOADS; i++) {
    const run = await timeToContent(d, script)
    inPage.push(run.inPage)
    wall.push(run.wall)
  }
  const sorted = ascending(inPage)
  return [
    `\`dist/${script}\`: script start to the first question rendered in \`<ck-faq topic="chronic-migraine">\`, ${LOADS} loads (after ${WARM_UP_LOADS} warm-up), each in a new browser context.`,
    '',
    '| metric | ms |',
    '| --- | ---: |',
    `| median | ${ms(median(sorted))} (target ≤ 50 ms) |`,
    `| p90 | ${ms(nearestRank(sorted, 90))} |`,
    `| min | ${ms(sorted[0]!)} |`,
    `| max | ${ms(sorted[sorted.length - 1]!)} |`,
    `| median wall time, opening the page to content (reference) | ${ms(median(ascending(wall)))} |`,
  ].join('\n')
}

/** 500 English appointment FAQs with a ~200-character answer, written in one transaction. */
async function seedFaqs({lake}: DemoSession): Promise<void> {
  const transaction = lakeClient(lake.url, lake.token).transaction()
  for (let i = 0; i < BENCH_FAQS; i++) {
    const text = `Answer text ${i}. ${'Patients often ask about this; the clinic team can explain it. '.repeat(3)}`
    transaction.createOrReplace({
      _id: `faq-bench-${i}`,
      _type: 'faq',
      question: `Benchmark question ${i}?`,
      language: 'en',
      category: 'appointments',
      syndication: {mode: 'all'},
      answer: [
        {
          _type: 'block',
          _key: 'b',
          style: 'normal',
          markDefs: [],
          children: [{_type: 'span', _key: 's', text, marks: []}],
        },
      ],
    })
  }
  await transaction.commit()
}

/**
 * Appends a new <ck-faq category="appointments" limit="500"> and resolves with the ms until its
 * answer is rendered, and the items rendered. The element is removed so runs start alike.
 * (No named inner functions: tsx keeps names with a helper the page does not have.)
 */
function renderOnce(page: Page) {
  return page.evaluate(async () => {
    const el = document.createElement('ck-faq') as FaqElement
    el.setAttribute('category', 'appointments')
    el.limit = 500
    const loaded = new Promise((resolve) => el.addEventListener('ck-load', resolve, {once: true}))
    const started = performance.now()
    document.body.append(el)
    await loaded
    await el.updateComplete
    const elapsed = performance.now() - started
    const items = el.shadowRoot!.querySelectorAll('[part~="item"]').length
    el.remove()
    return {elapsed, items}
  })
}

async function renderSection(d: DemoSession): Promise<string> {
  await seedFaqs(d)
  const page = await widgetPage(d, '')
  try {
    // The first element fetches the answer; later ones with the same query get it from the page cache.
    const first = await renderOnce(page)
    let queries = 0
    page.on('request', (request) => {
      if (request.url().includes('/data/query/')) queries++
    })
    const runs: number[] = []
    let items = 0
    for (let i = 0; i < RENDER_RUNS; i++) {
      const run = await renderOnce(page)
      runs.push(run.elapsed)
      items = run.items
    }
    const sorted = ascending(runs)
    return [
      `A new \`<ck-faq category="appointments" limit="500">\` appended, until its \`ck-load\` render completes (\`updateComplete\`), with the answer already in the page cache: element creation + Lit render of the items, no network, no layout or paint. ${RENDER_RUNS} runs, one page.`,
      '',
      '| metric | value |',
      '| --- | ---: |',
      `| median | ${ms(median(sorted))} ms (target ≤ 30 ms) |`,
      `| min | ${ms(sorted[0]!)} ms |`,
      `| first of the runs (least JIT warm-up, closest to a real page) | ${ms(runs[0]!)} ms |`,
      `| items rendered (each run) | ${items} |`,
      `| first element, including the query over HTTP | ${ms(first.elapsed)} ms |`,
      `| query requests during the ${RENDER_RUNS} runs | ${queries} |`,
    ].join('\n')
  } finally {
    await page.close()
  }
}

async function main() {
  const d = await openDemo()
  try {
    // The all-elements script, then the FAQ-only one partner sites load.
    for (const script of ['clinic-kit.iife.js', 'ck-faq.iife.js'])
      console.log(`## Time to content\n\n${await timeToContentSection(d, script)}\n`)
    // After the time-to-content loads, so the 500 extra documents do not change that query's lake.
    console.log(`## Render of ${BENCH_FAQS} FAQs\n\n${await renderSection(d)}`)
  } finally {
    await d.close()
  }
}

await main()
