// npm run bench:widgets — builds the widgets (the build prints every dist/*.js file's raw, gzip
// and brotli size), then prints (as markdown) the time from script start to the first FAQ question
// of <ck-faq topic="chronic-migraine"> in Chromium against a local lake, each load in a fresh
// browser context, for both drop-in scripts, with where that time goes; and the time to create and
// render a <ck-faq> of 500 questions whose answer is already in the page cache; and what the npm
// package weighs: its tarball, and what installing it into an empty project adds, beside the
// repository's own package and install as the baseline. Prints figures; asserts nothing.
//
// The lake runs in a child process (bench/demo-process.ts) and serves the pages itself: no
// Playwright route (which sends every request of the page through this process) and no Playwright
// script in the page (waitForFunction evaluates Playwright's injected script, 11–24 ms of main
// thread in traces, in the page) while a load is timed; the page reports its figures on the console.
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {BrowserContext, Page} from 'playwright-core'
import {
  installedTree,
  installInNewProject,
  npm,
  packWidgets,
} from '../widgets/build/package-figures'
import {failOnPageError, widgetHtml} from '../test/helpers/demo'
import {lakeClient} from '../test/helpers/lake'
import {textBlock} from '../test/helpers/portable-text'
import {openDemoProcess, type BenchDemo} from './demo-process'

const LOADS = 20
const WARM_UP_LOADS = 2
const RENDER_RUNS = 30
const BENCH_FAQS = 500
const MARKUP = '<ck-faq topic="chronic-migraine"></ck-faq>'
const DONE = 'ck-bench:'

/** What one load reports, in ms from script start (the timing script) unless said otherwise. */
interface LoadTimes {
  /** The kit's script: request start (before t0: the preload scanner asks early) and response end. */
  scriptStart: number
  scriptEnd: number
  /** The script element's load event: right after the script ran. */
  scriptRun: number
  /** The query's fetch() start, request sent, first byte, last byte (Resource Timing). */
  queryStart: number
  queryRequest: number
  queryFirstByte: number
  queryEnd: number
  /** A new connection for the query (false: it reused the page's). */
  queryConnected: boolean
  /** ck-load dispatched; the element's update after it complete (the questions are in the DOM). */
  loaded: number
  rendered: number
  questions: number
  longTasks: number
  error?: string
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
const medianOf = <T>(rows: T[], pick: (row: T) => number) => median(ascending(rows.map(pick)))

// Runs before the kit's script; t0 is "script start". When the first ck-load's render is done
// (ck-load fires before the element renders the answer, hence updateComplete), it reads the
// Resource Timing entries and logs everything as one console message. No wrapping of the kit's or
// the page's functions: listeners and observers only.
const TIMING_SCRIPT = `<script>
  (() => {
    const t0 = performance.now()
    let scriptRun = NaN
    let longTasks = 0
    new PerformanceObserver((list) => { longTasks += list.getEntries().length }).observe({type: 'longtask'})
    document.addEventListener('load', (event) => {
      if (event.target.src && event.target.src.includes('/dist/')) scriptRun = performance.now()
    }, true)
    const report = (times) => console.debug(${JSON.stringify(DONE)} + JSON.stringify(times))
    document.addEventListener('ck-error', (event) => report({error: event.detail.message}), {once: true})
    document.addEventListener('ck-load', async (event) => {
      const loaded = performance.now()
      await event.target.updateComplete
      const rendered = performance.now()
      const entries = performance.getEntriesByType('resource')
      const script = entries.find((e) => e.name.includes('/dist/'))
      const query = entries.find((e) => e.name.includes('/data/query/'))
      const at = (t) => t - t0
      report({
        scriptStart: at(script.startTime), scriptEnd: at(script.responseEnd), scriptRun: at(scriptRun),
        queryStart: at(query.startTime), queryRequest: at(query.requestStart),
        queryFirstByte: at(query.responseStart), queryEnd: at(query.responseEnd),
        queryConnected: query.connectEnd > query.connectStart,
        loaded: at(loaded), rendered: at(rendered),
        questions: event.target.shadowRoot.querySelectorAll('[part~="button"]').length,
        longTasks,
      })
    }, {once: true})
  })()
</script>`

/** A page at `url` in `context`; resolves with what its timing script reports, and the wall ms. */
async function load(context: BrowserContext, url: string) {
  const started = performance.now()
  const page = await context.newPage()
  try {
    failOnPageError(page)
    const reported = page.waitForEvent('console', (message) => message.text().startsWith(DONE))
    await page.goto(url, {waitUntil: 'commit'})
    const times = JSON.parse((await reported).text().slice(DONE.length)) as LoadTimes
    const wall = performance.now() - started
    if (times.error) throw new Error(`ck-error: ${times.error}`)
    if (!times.questions) throw new Error('ck-load without a question rendered')
    return {times, wall}
  } finally {
    await page.close()
  }
}

/** One load in a fresh context: no HTTP cache, no connection, no page cache. */
async function freshLoad(d: BenchDemo, url: string) {
  const context = await d.browser.newContext()
  try {
    return await load(context, url)
  } finally {
    await context.close()
  }
}

/** Each segment's median over the loads: where the time to content goes. */
function breakdown(runs: LoadTimes[]): string[] {
  const rows: Array<[string, (t: LoadTimes) => number]> = [
    [
      'script download left at script start (its request starts before, from the preload scanner)',
      (t) => Math.max(0, t.scriptEnd),
    ],
    [
      'script: response end → evaluated (compile, run)',
      (t) => t.scriptRun - Math.max(0, t.scriptEnd),
    ],
    [
      'evaluated → query fetch() (parse, upgrade, first update to willUpdate)',
      (t) => t.queryStart - t.scriptRun,
    ],
    ['query: fetch() → request sent', (t) => t.queryRequest - t.queryStart],
    [
      'query: request sent → first byte (lake + loopback)',
      (t) => t.queryFirstByte - t.queryRequest,
    ],
    ['query: first byte → response end', (t) => t.queryEnd - t.queryFirstByte],
    [
      'response end → `ck-load` (main thread busy with the first frame and page load, JSON)',
      (t) => t.loaded - t.queryEnd,
    ],
    ['`ck-load` → questions rendered (Lit update)', (t) => t.rendered - t.loaded],
  ]
  return [
    '| segment (median of the loads) | ms |',
    '| --- | ---: |',
    ...rows.map(([label, pick]) => `| ${label} | ${ms(medianOf(runs, pick))} |`),
    `| whole script request, start → end (for reference; before script start in part) | ${ms(medianOf(runs, (t) => t.scriptEnd - t.scriptStart))} |`,
    `| query fetch() start (from script start) | ${ms(medianOf(runs, (t) => t.queryStart))} |`,
    `| loads whose query opened a new connection | ${runs.filter((t) => t.queryConnected).length} of ${runs.length} |`,
    `| long tasks (> 50 ms) in all loads | ${runs.reduce((sum, t) => sum + t.longTasks, 0)} |`,
  ]
}

async function timeToContentSection(d: BenchDemo, script: string): Promise<string> {
  const url = d.servePage(
    `ttc-${script}.html`,
    widgetHtml(d, MARKUP, {script, head: TIMING_SCRIPT}),
  )
  for (let i = 0; i < WARM_UP_LOADS; i++) await freshLoad(d, url)
  const runs: LoadTimes[] = []
  const wall: number[] = []
  for (let i = 0; i < LOADS; i++) {
    const run = await freshLoad(d, url)
    runs.push(run.times)
    wall.push(run.wall)
  }
  // The same loads as new pages of one context: its connection and HTTP cache stay warm.
  const context = await d.browser.newContext()
  const warm: number[] = []
  try {
    for (let i = 0; i < WARM_UP_LOADS + LOADS; i++) {
      const run = await load(context, url)
      if (i >= WARM_UP_LOADS) warm.push(run.times.rendered)
    }
  } finally {
    await context.close()
  }
  const sorted = ascending(runs.map((t) => t.rendered))
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
    `| median, ${LOADS} new pages in one context instead (warm connection and HTTP cache; reference) | ${ms(median(ascending(warm)))} |`,
    '',
    `Where the time goes (medians of each segment, so they need not add up to the median above):`,
    '',
    ...breakdown(runs),
  ].join('\n')
}

/** 500 English appointment FAQs with a ~200-character answer, written in one transaction. */
async function seedFaqs({lake}: BenchDemo): Promise<void> {
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
      answer: [textBlock('b', text)],
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

async function renderSection(d: BenchDemo): Promise<string> {
  await seedFaqs(d)
  const page = await d.browser.newPage()
  try {
    failOnPageError(page)
    await page.goto(d.servePage('render.html', widgetHtml(d, '')))
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

/** The package's tarball and install, against the whole repository packed and installed. */
function packageSection(): string {
  const work = mkdtempSync(join(tmpdir(), 'ck-bench-package-'))
  try {
    const packed = packWidgets(work)
    const site = join(work, 'site')
    mkdirSync(site)
    installInNewProject(site, [packed.tarball])
    const tree = installedTree(site)
    const [repo] = JSON.parse(npm(['pack', '--dry-run', '--json'], process.cwd())) as Array<{
      size: number
      entryCount: number
    }>
    const repoPackages = Object.keys(
      (
        JSON.parse(readFileSync('node_modules/.package-lock.json', 'utf8')) as {
          packages: Record<string, unknown>
        }
      ).packages,
    ).filter((path) => path.startsWith('node_modules/')).length
    const ratio = (a: number, b: number) => `${(a / b).toFixed(3)}×`
    return [
      '| | @clinic-kit/widgets | the repository (baseline) | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| tarball files | ${packed.files.length} | ${repo!.entryCount} | ${ratio(packed.files.length, repo!.entryCount)} |`,
      `| tarball bytes | ${packed.size} | ${repo!.size} | ${ratio(packed.size, repo!.size)} |`,
      `| packages installed | ${tree.packages.length} | ${repoPackages} | ${ratio(tree.packages.length, repoPackages)} |`,
      '',
      `Installing the tarball into an empty project adds ${tree.packages.length} packages, ${tree.bytes} B (${(tree.bytes / 1024 / 1024).toFixed(2)} MB): ${tree.packages.join(', ')}. Unpacked, the package is ${packed.unpackedSize} B.`,
    ].join('\n')
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

async function main() {
  console.log(`## npm package\n\n${packageSection()}\n`)
  const d = await openDemoProcess()
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
