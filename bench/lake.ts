// npm run bench:lake — query latency of widget-shaped queries on the sample and on generated
// 10,000- and 100,000-document datasets: warm (cached), cold after a commit elsewhere (answer
// kept), cold after a commit to the type the query reads, to a document its answer does not show
// (answer kept once checked) and to one it shows (re-evaluated); the same queries as a
// plain groq-js scan in this process, for the ratio; simple queries while a runaway query runs;
// the lake's memory; mutations per second. Prints tables; asserts nothing.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {evaluateSync, parse, toJS} from 'groq-js'
import {SAMPLE_PATH} from '../content/build'
import {fingerprintOfSync} from '../model/review/fingerprint'
import {startLake, type RunningLake} from '../lake/server/server'
import {clinicRules} from '../clinic-rules'
import {lakeClient} from '../test/helpers/lake'

const QUERIES = {
  'FAQs by condition': {
    type: 'faq',
    query:
      '*[_type == "faq" && language == "en" && $slug in conditions[]->slug.current] | order(orderRank asc){_id, question, answer}',
    /** A document the answer shows, and one of its type it does not. */
    inAnswer: '*[_type == "faq" && $slug in conditions[]->slug.current][0]._id',
    outside: '*[_type == "faq" && !($slug in conditions[]->slug.current)][0]._id',
  },
  'article by slug (+refs)': {
    type: 'article',
    query:
      '*[_type == "article" && slug.current == $slug][0]{..., author->{givenName, familyName, credentials}, "reviewer": medicalReview.reviewer->{givenName, familyName}, conditions[]->{name, slug}, relatedFaqs[]->{question}}',
    inAnswer: '*[_type == "article" && slug.current == $slug][0]._id',
    outside: '*[_type == "article" && slug.current != $slug][0]._id',
  },
  'clinicians by clinic': {
    type: 'clinician',
    query:
      '*[_type == "clinician" && references($clinicId)] | order(familyName asc){_id, givenName, familyName, jobTitle}',
    inAnswer: '*[_type == "clinician" && references($clinicId)][0]._id',
    outside: '*[_type == "clinician" && !references($clinicId)][0]._id',
  },
}
type QueryName = keyof typeof QUERIES
type Params = Record<QueryName, Record<string, unknown>>

/** 15 s of backtracking in groq-js's glob matcher: the runaway query. */
const RUNAWAY = '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" match "*a*a*a*a*a*a*a*a*b"'

function generated(count: number): string {
  const docs: Array<Record<string, unknown>> = []
  const ref = (id: string, i: number) => ({_type: 'reference', _ref: id, _key: `k${i}`})
  const conditions = 100
  const clinics = 50
  const clinicians = 500
  const articles = 2000
  for (let i = 0; i < conditions; i++)
    docs.push({
      _id: `condition-${i}`,
      _type: 'condition',
      name: `Condition ${i}`,
      slug: {current: `condition-${i}`},
    })
  for (let i = 0; i < clinics; i++)
    docs.push({_id: `clinic-${i}`, _type: 'clinic', name: `Clinic ${i}`})
  for (let i = 0; i < clinicians; i++)
    docs.push({
      _id: `clinician-${i}`,
      _type: 'clinician',
      givenName: `Given${i}`,
      familyName: `Family${i}`,
      jobTitle: 'Physician',
      clinics: [ref(`clinic-${i % clinics}`, 0)],
    })
  for (let i = 0; i < articles; i++) {
    const article: Record<string, unknown> = {
      _id: `article-${i}`,
      _type: 'article',
      title: `Article ${i}`,
      slug: {current: `article-${i}`},
      author: {_type: 'reference', _ref: `clinician-${i % clinicians}`},
      conditions: [ref(`condition-${i % conditions}`, 0)],
      relatedFaqs: [ref(`faq-${i}`, 0), ref(`faq-${i + 1}`, 1)],
      body: [
        {
          _type: 'block',
          _key: 'b',
          children: [{_type: 'span', _key: 's', text: 'Text '.repeat(50)}],
        },
      ],
    }
    // A published review must be backed by its approval record (clinic-rules/review-claims.ts).
    const reviewer = {_type: 'reference', _ref: `clinician-${(i + 1) % clinicians}`}
    const fingerprint = fingerprintOfSync(article)
    const record = {
      _id: `reviews.article-${i}.bench`,
      _type: 'reviewRecord',
      kind: 'approval',
      documentId: article._id,
      documentType: 'article',
      revision: 'bench',
      fingerprint,
      text: `Article ${i}`,
      reviewer: {...reviewer, _weak: true},
      reviewerName: `Given${(i + 1) % clinicians} Family${(i + 1) % clinicians}`,
      userId: 'bench-reviewer',
      at: '2026-11-01T09:00:00.000Z',
    }
    article.medicalReview = {
      reviewer,
      reviewerName: record.reviewerName,
      reviewedAt: '2026-11-01',
      approvedBy: record.userId,
      fingerprint,
      record: record._id,
    }
    docs.push(record, article)
  }
  for (let i = 0; docs.length < count; i++)
    docs.push({
      _id: `faq-${i}`,
      _type: 'faq',
      question: `Question ${i}?`,
      language: 'en',
      orderRank: String(i).padStart(6, '0'),
      conditions: [ref(`condition-${i % conditions}`, 0)],
      answer: [
        {
          _type: 'block',
          _key: 'b',
          children: [{_type: 'span', _key: 's', text: 'Answer '.repeat(20)}],
        },
      ],
    })
  return docs.map((d) => JSON.stringify(d)).join('\n') + '\n'
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const median = (values: number[]) => percentile(values, 50)
const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1))

function target(url: string, query: string, params: Record<string, unknown>) {
  const search = new URLSearchParams({query, returnQuery: 'false'})
  for (const [key, value] of Object.entries(params)) search.set(`$${key}`, JSON.stringify(value))
  return `${url}/v2025-02-19/data/query/production?${search}`
}

async function timed(url: string): Promise<{ms: number; result: unknown; body: unknown}> {
  const started = performance.now()
  const response = await fetch(url)
  const body = (await response.json()) as {result?: unknown}
  return {ms: performance.now() - started, result: body.result, body}
}

interface Row {
  dataset: string
  name: QueryName
  warm: number[]
  coldElsewhere: number[]
  coldOwnType: number[]
  coldInAnswer: number[]
  scan: number | null
}

/**
 * Commits one transaction with a plain HTTP request: the lake runs in this process, and a client
 * library's own work after its commit would land on the lake's thread and be counted against the
 * query that follows (as a separate client process, it would not).
 */
async function commit(lake: RunningLake, mutations: unknown[]): Promise<void> {
  const response = await fetch(
    `${lake.url}/v2025-02-19/data/mutate/production?returnIds=true&visibility=sync`,
    {
      method: 'POST',
      headers: {authorization: `Bearer ${lake.token}`, 'content-type': 'application/json'},
      body: JSON.stringify({mutations}),
    },
  )
  if (!response.ok) throw new Error(`commit failed: ${response.status} ${await response.text()}`)
  await response.arrayBuffer()
}

async function measure(
  dataset: string,
  lake: RunningLake,
  params: Params,
  docs: Array<Record<string, unknown>> | null,
  runs: number,
  coldRuns = 20,
): Promise<Row[]> {
  const writer = lakeClient(lake.url, lake.token)
  const rows: Row[] = []
  for (const [name, {query, inAnswer, outside}] of Object.entries(QUERIES) as Array<
    [QueryName, (typeof QUERIES)[QueryName]]
  >) {
    const url = target(lake.url, query, params[name])
    const first = await timed(url)
    // A benchmark of empty answers measures nothing: every query must find content.
    if (!first.result || (Array.isArray(first.result) && first.result.length === 0))
      throw new Error(`${name} returned no result on ${dataset}: ${JSON.stringify(first.body)}`)
    for (let i = 0; i < 5; i++) await timed(url)
    const warm: number[] = []
    for (let i = 0; i < runs; i++) warm.push((await timed(url)).ms)
    // Cold, a commit elsewhere: the answer does not depend on it and stays cached.
    const coldElsewhere: number[] = []
    for (let i = 0; i < coldRuns; i++) {
      await commit(lake, [{createOrReplace: {_id: 'bench-touch', _type: 'benchTouch', i}}])
      coldElsewhere.push((await timed(url)).ms)
    }
    // Cold, a commit to a document of the type the query reads that its answer does not show:
    // the filter memo finds the same matches, and the answer is kept (none on a small sample).
    const other = await writer.fetch<string | null>(outside, params[name])
    const coldOwnType: number[] = []
    for (let i = 0; other && i < coldRuns; i++) {
      await commit(lake, [{patch: {id: other, set: {benchTick: i}}}])
      coldOwnType.push((await timed(url)).ms)
    }
    // Cold, a commit to a document the answer shows: evaluated afresh.
    const shown = await writer.fetch<string>(inAnswer, params[name])
    const coldInAnswer: number[] = []
    for (let i = 0; i < coldRuns; i++) {
      await commit(lake, [{patch: {id: shown, set: {benchTick: i}}}])
      coldInAnswer.push((await timed(url)).ms)
    }
    rows.push({
      dataset,
      name,
      warm,
      coldElsewhere,
      coldOwnType,
      coldInAnswer,
      scan: docs && scan(docs, query, params[name]),
    })
  }
  return rows
}

/**
 * The baseline: groq-js evaluating the query over every document in this process, with no
 * type prefilter and no cache (`->` through an id map, since groq-js alone scans per reference).
 */
function scan(
  docs: Array<Record<string, unknown>>,
  query: string,
  params: Record<string, unknown>,
) {
  const byId = new Map(docs.map((doc) => [doc._id as string, doc]))
  const tree = parse(query, {params})
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    toJS(
      evaluateSync(tree, {dataset: docs, params, dereference: ({_ref}) => byId.get(_ref) ?? null}),
    )
    times.push(performance.now() - started)
  }
  return median(times)
}

/** p95 of 50 simple queries (each different, so none is cached), alone and beside a runaway one. */
async function underLoad(lake: RunningLake) {
  const simple = async () => {
    const times: number[] = []
    for (let i = 0; i < 50; i++) {
      const query = `count(*[_type == "clinic" && ${Math.random()} >= 0])`
      times.push((await timed(target(lake.url, query, {}))).ms)
    }
    return percentile(times, 95)
  }
  const alone = await simple()
  const runaway = timed(target(lake.url, RUNAWAY, {}))
  const beside = await simple()
  const stopped = (await runaway).ms
  return {alone, beside, stopped}
}

async function started(
  name: string,
  dir: string,
  seed: string,
  options: {queryTimeoutMs?: number} = {},
): Promise<{lake: RunningLake; rss: number; startMs: number}> {
  global.gc?.()
  const before = process.memoryUsage().rss
  const t0 = performance.now()
  const lake = await startLake({
    port: 0,
    dir: join(dir, name),
    seed,
    quiet: true,
    plugins: [clinicRules()],
    ...options,
  })
  await lake.queries.ready()
  return {lake, rss: process.memoryUsage().rss - before, startMs: performance.now() - t0}
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ck-bench-'))
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
  try {
    const rows: Row[] = []
    const memory: string[] = []
    const sample = await started('sample', dir, SAMPLE_PATH)
    rows.push(
      ...(await measure(
        'sample',
        sample.lake,
        {
          'FAQs by condition': {slug: 'chronic-migraine'},
          'article by slug (+refs)': {slug: 'prevent-headaches-with-botox'},
          'clinicians by clinic': {clinicId: 'clinic-allied-pain-spine'},
        },
        null,
        60,
      )),
    )
    await sample.lake.close()

    let load: Awaited<ReturnType<typeof underLoad>> | null = null
    let mutations = ''
    for (const count of [10_000, 100_000]) {
      const seed = join(dir, `generated-${count}.ndjson`)
      writeFileSync(seed, generated(count))
      const docs = readFileSync(seed, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      const label = `${count / 1000}k`
      // At 10k a shorter limit than the default, so the runaway query below ends sooner.
      const big = await started(label, dir, seed, count === 10_000 ? {queryTimeoutMs: 3000} : {})
      memory.push(
        `| ${label} | ${mb(big.rss)} | ${mb(process.memoryUsage().rss)} | ${(big.startMs / 1000).toFixed(1)} s |`,
      )
      rows.push(
        ...(await measure(
          label,
          big.lake,
          {
            'FAQs by condition': {slug: 'condition-7'},
            'article by slug (+refs)': {slug: 'article-1234'},
            'clinicians by clinic': {clinicId: 'clinic-3'},
          },
          docs,
          count > 10_000 ? 30 : 60,
          count > 10_000 ? 10 : 20,
        )),
      )
      if (count === 10_000) {
        load = await underLoad(big.lake)
        mutations = await mutationRates(big.lake)
      }
      await big.lake.close()
    }

    console.log(
      '\nQuery latency over HTTP in ms (warm: after 5 warm-up runs; cold: the first query after a commit, 20 runs each (10 at 100k); the first two after a commit to its type build each query worker’s filter memo; groq-js scan: median of 5 in-process evaluations over all documents; – where the data has no such document)',
    )
    console.log(
      '| data | query | warm p50 | warm p95 | cold p50, commit elsewhere | cold p95 | cold p50, its type, not in the answer | cold p95 | cold p50, in the answer | cold p95 | groq-js scan | scan ÷ warm p50 | scan ÷ cold p50 (in the answer) |',
    )
    console.log(
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    )
    const cell = (values: number[], p: number) => (values.length ? f(percentile(values, p)) : '–')
    for (const row of rows) {
      const cells = [
        f(percentile(row.warm, 50)),
        f(percentile(row.warm, 95)),
        f(percentile(row.coldElsewhere, 50)),
        f(percentile(row.coldElsewhere, 95)),
        cell(row.coldOwnType, 50),
        cell(row.coldOwnType, 95),
        f(percentile(row.coldInAnswer, 50)),
        f(percentile(row.coldInAnswer, 95)),
        row.scan === null ? '–' : f(row.scan),
        row.scan === null ? '–' : `${(row.scan / percentile(row.warm, 50)).toFixed(0)}×`,
        row.scan === null ? '–' : `${(row.scan / percentile(row.coldInAnswer, 50)).toFixed(1)}×`,
      ]
      console.log(`| ${row.dataset} | ${row.name} | ${cells.join(' | ')} |`)
    }
    if (load)
      console.log(
        `\nSimple queries at 10k (50, none cached): p95 ${f(load.alone)} ms alone, ${f(load.beside)} ms while a runaway query runs (${(load.beside / load.alone).toFixed(1)}×); the runaway query was stopped after ${(load.stopped / 1000).toFixed(2)} s (limit 3 s)`,
      )
    console.log('\nMemory (RSS of this process: the lake, its 2 query workers, and the bench)')
    console.log('| data | RSS added by the lake | RSS total | start until workers ready |')
    console.log('| --- | ---: | ---: | ---: |')
    for (const line of memory) console.log(line)
    console.log(`\n${mutations}`)
    console.log('Target: cold and warm <= 3 ms at 10,000 documents.')
    // Figures from a shared machine mean little without how busy it was.
    console.log(
      `Load average at the end (1/5/15 min): ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    )
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

async function mutationRates(lake: RunningLake): Promise<string> {
  const client = lakeClient(lake.url, lake.token)
  const N = 500
  let t0 = performance.now()
  for (let i = 0; i < N; i++) await client.create({_id: `bench-${i}`, _type: 'bench', i})
  const sequential = N / ((performance.now() - t0) / 1000)
  t0 = performance.now()
  await Promise.all(
    Array.from({length: 10}, async (_, w) => {
      for (let i = 0; i < N / 10; i++) await client.patch(`bench-${w}`).inc({i: 1}).commit()
    }),
  )
  const concurrent = N / ((performance.now() - t0) / 1000)
  return `Mutations on the 10k dataset: ${sequential.toFixed(0)}/s sequential creates, ${concurrent.toFixed(0)}/s with 10 concurrent patchers (each one durable transaction)`
}

void main()
