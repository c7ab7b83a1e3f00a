// npm run bench:lake — query latency (p50/p95) of widget-shaped queries on the sample and on a
// generated 10,000-document dataset, and mutations per second. Prints a table; asserts nothing.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {SAMPLE_PATH} from '../content/build'
import {startLake} from '../lake/server'
import {lakeClient} from '../test/helpers/lake'

const QUERIES = {
  'FAQs by condition': {
    query:
      '*[_type == "faq" && language == "en" && $slug in conditions[]->slug.current] | order(orderRank asc){_id, question, answer}',
  },
  'article by slug (+refs)': {
    query:
      '*[_type == "article" && slug.current == $slug][0]{..., author->{givenName, familyName, credentials}, "reviewer": medicalReview.reviewer->{givenName, familyName}, conditions[]->{name, slug}, relatedFaqs[]->{question}}',
  },
  'clinicians by clinic': {
    query:
      '*[_type == "clinician" && references($clinicId)] | order(familyName asc){_id, givenName, familyName, jobTitle}',
  },
}

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
  for (let i = 0; i < articles; i++)
    docs.push({
      _id: `article-${i}`,
      _type: 'article',
      title: `Article ${i}`,
      slug: {current: `article-${i}`},
      author: {_type: 'reference', _ref: `clinician-${i % clinicians}`},
      medicalReview: {
        reviewer: {_type: 'reference', _ref: `clinician-${(i + 1) % clinicians}`},
        reviewedAt: '2026-11-01',
      },
      conditions: [ref(`condition-${i % conditions}`, 0)],
      relatedFaqs: [ref(`faq-${i}`, 0), ref(`faq-${i + 1}`, 1)],
      body: [
        {
          _type: 'block',
          _key: 'b',
          children: [{_type: 'span', _key: 's', text: 'Text '.repeat(50)}],
        },
      ],
    })
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

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

async function measure(
  url: string,
  token: string,
  params: Record<string, Record<string, unknown>>,
  runs = 60,
) {
  const writer = lakeClient(url, token)
  const rows: Array<[string, string, string, string]> = []
  for (const [name, {query}] of Object.entries(QUERIES)) {
    const search = new URLSearchParams({query, returnQuery: 'false'})
    for (const [key, value] of Object.entries(params[name]!))
      search.set(`$${key}`, JSON.stringify(value))
    const target = `${url}/v2025-02-19/data/query/production?${search}`
    const times: number[] = []
    for (let i = 0; i < runs + 5; i++) {
      const started = performance.now()
      const response = await fetch(target)
      const body = (await response.json()) as {result?: unknown}
      if (i >= 5) times.push(performance.now() - started)
      // A benchmark of empty answers measures nothing: every query must find content.
      if (i === 0 && (!body.result || (Array.isArray(body.result) && body.result.length === 0)))
        throw new Error(`${name} returned no result: ${JSON.stringify(body).slice(0, 200)}`)
    }
    times.sort((a, b) => a - b)
    // Cold: right after a commit, so the lake rebuilds its views and evaluates the query afresh.
    const cold: number[] = []
    for (let i = 0; i < 10; i++) {
      await writer.createOrReplace({_id: 'bench-touch', _type: 'benchTouch', i})
      const started = performance.now()
      await (await fetch(target)).json()
      cold.push(performance.now() - started)
    }
    cold.sort((a, b) => a - b)
    rows.push([
      name,
      percentile(times, 50).toFixed(2),
      percentile(times, 95).toFixed(2),
      percentile(cold, 50).toFixed(2),
    ])
  }
  return rows
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ck-bench-'))
  try {
    const sample = await startLake({
      port: 0,
      dir: join(dir, 'sample'),
      seed: SAMPLE_PATH,
      quiet: true,
    })
    const sampleRows = await measure(sample.url, sample.token, {
      'FAQs by condition': {slug: 'chronic-migraine'},
      'article by slug (+refs)': {slug: 'prevent-headaches-with-botox'},
      'clinicians by clinic': {clinicId: 'clinic-allied-pain-spine'},
    })
    await sample.close()

    const seed = join(dir, 'generated.ndjson')
    writeFileSync(seed, generated(10_000))
    const big = await startLake({port: 0, dir: join(dir, 'big'), seed, quiet: true})
    const bigRows = await measure(big.url, big.token, {
      'FAQs by condition': {slug: 'condition-7'},
      'article by slug (+refs)': {slug: 'article-1234'},
      'clinicians by clinic': {clinicId: 'clinic-3'},
    })

    const client = lakeClient(big.url, big.token)
    const N = 500
    let started = performance.now()
    for (let i = 0; i < N; i++) await client.create({_id: `bench-${i}`, _type: 'bench', i})
    const sequential = N / ((performance.now() - started) / 1000)
    started = performance.now()
    await Promise.all(
      Array.from({length: 10}, async (_, w) => {
        for (let i = 0; i < N / 10; i++) await client.patch(`bench-${w}`).inc({i: 1}).commit()
      }),
    )
    const concurrent = N / ((performance.now() - started) / 1000)
    await big.close()

    console.log(
      '\nLocal lake query latency over HTTP in ms (warm: 60 runs after 5 warm-up; cold: median of 10 runs each right after a commit)',
    )
    console.log('| query | sample p50 | sample p95 | sample cold | 10k p50 | 10k p95 | 10k cold |')
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    sampleRows.forEach(([name, p50, p95, cold], i) => {
      const [, bp50, bp95, bcold] = bigRows[i]!
      console.log(`| ${name} | ${p50} | ${p95} | ${cold} | ${bp50} | ${bp95} | ${bcold} |`)
    })
    console.log(
      `\nMutations on the 10k dataset: ${sequential.toFixed(0)}/s sequential creates, ${concurrent.toFixed(0)}/s with 10 concurrent patchers (each one durable transaction)`,
    )
    console.log('Target: p50 <= 3 ms at 10,000 documents.')
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

void main()
