// npm run bench:import — how fast the converter turns pages into drafts: 500 generated pages
// (WordPress-like markup: theme, nested divs, headings that ask questions, lists, links) through
// the whole HTML path, against two baselines measured in the same run: jsdom parsing the same
// pages alone, and the same text as plain text (no DOM at all). Prints figures; asserts nothing.
import {convertSource, type ImportSource} from '../importer'
import {nodeContext, parseHtml} from '../importer/node'

const PAGES = 500
const ROUNDS = 3

const TOPICS = ['migraine', 'back pain', 'sciatica', 'neck pain', 'knee pain', 'arthritis']

function paragraphs(n: number, topic: string): string[] {
  return Array.from(
    {length: n},
    (_, i) =>
      `Paragraph ${i + 1} about ${topic}: most people feel better within a few weeks with rest, ` +
      `gentle movement and simple pain relief. See a specialist if the pain lasts or keeps coming back.`,
  )
}

function page(i: number): {html: string; text: string} {
  const topic = TOPICS[i % TOPICS.length]!
  const title = `Living with ${topic} (${i})`
  const sections = [
    {heading: `What causes ${topic}?`, body: paragraphs(2, topic)},
    {heading: `How is ${topic} treated?`, body: paragraphs(3, topic)},
    {heading: `Our ${topic} clinic`, body: paragraphs(2, topic)},
  ]
  const html = `<!DOCTYPE html><html><head><title>${title} | Clinic</title>
<meta name="description" content="What ${topic} is, how it is treated and when to see us."></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<div class="cookie-banner"><p>We use cookies to improve your experience on this website, as described in our policy.</p></div>
<main><article><h1>${title}</h1><div class="entry-content"><div class="wp-block-group"><div style="padding:8px">
${sections
  .map(
    (s) =>
      `<h2>${s.heading}</h2>${s.body.map((p) => `<p>${p.replace('rest', '<strong>rest</strong>')}</p>`).join('')}` +
      `<ul><li>Drink <em>water</em></li><li>See <a href="https://www.example.org/${i}">our guide</a></li></ul>`,
  )
  .join('\n')}
</div></div></div></article></main><aside><p>Related posts and other things in the sidebar of the theme.</p></aside>
<footer><p>© Clinic. All rights reserved.</p></footer><script>track()</script></body></html>`
  const text = [
    title,
    ...sections.flatMap((s) => ['', s.heading, '', ...s.body.flatMap((p) => [p, ''])]),
  ].join('\n')
  return {html, text}
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function measure(label: string, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  const ms = median(times)
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms  ${(PAGES / (ms / 1000)).toFixed(0).padStart(6)} pages/s`,
  )
  return ms
}

async function main() {
  const pages = Array.from({length: PAGES}, (_, i) => page(i))
  const ctx = nodeContext({now: '2026-12-01T00:00:00.000Z'})
  const html: ImportSource[] = pages.map((p, i) => ({name: `site/page-${i}.html`, text: p.html}))
  const text: ImportSource[] = pages.map((p, i) => ({name: `site/page-${i}.txt`, text: p.text}))
  // Warm up: module loading and JIT are not what is measured.
  for (const source of [...html.slice(0, 20), ...text.slice(0, 20)])
    await convertSource(source, ctx)

  console.log(`${PAGES} generated pages, median of ${ROUNDS} rounds`)
  const parseOnly = await measure('jsdom parse only (baseline)', async () => {
    for (const source of html) parseHtml(source.text)
  })
  const textPath = await measure('plain text → drafts (baseline)', async () => {
    for (const source of text) await convertSource(source, ctx)
  })
  let faqs = 0
  const htmlPath = await measure('HTML page → drafts', async () => {
    faqs = 0
    for (const source of html) faqs += (await convertSource(source, ctx)).faqs.length
  })
  console.log(`FAQs found per page: ${(faqs / PAGES).toFixed(1)}`)
  console.log(`HTML path / jsdom parse: ${(htmlPath / parseOnly).toFixed(2)}×`)
  console.log(`HTML path / text path:   ${(htmlPath / textPath).toFixed(2)}×`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
