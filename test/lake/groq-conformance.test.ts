// Sanity's GROQ conformance suite against a real lake over HTTP: the lake must pass every test
// that plain groq-js (which the lake runs) passes in-process, counted afresh in each run.
import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {loadSuite, SUITE_DIR, type SuiteTest} from '../helpers/groq-suite'
import {judgeLake, oneLine, type Verdict} from '../helpers/groq-suite-judge'
import {SuiteLake} from '../helpers/groq-suite-lake'
import {documentsInIdOrder, groqJsVerdicts} from '../helpers/groq-suite-reference'
import {satisfies, selectTests, withScoreRanks} from '../helpers/groq-suite-rules'
import {startTestLake} from '../helpers/lake'

/** Requests in flight at once: enough to keep the lake busy while answers are read. */
const CONCURRENCY = 8
/** Lake-only failures shown with query and answer; the rest are named with a count. */
const MAX_LISTED = 40
const DIFF_FUNCTIONS = /diff::changed(Any|Only)/
const SYSTEM_FIELD_NAMES = /_rev|_createdAt|_updatedAt/

// The runner's own rules first, on small suites written here, so a wrong rule shows as such.
test('the suite compiler follows the README: inheritance, variables, generated variants', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-groq-suite-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  mkdirSync(join(dir, 'test'))
  const write = (file: string, yaml: string) => writeFileSync(join(dir, 'test', file), yaml)
  write(
    'a-count.yml',
    [
      'documents: [{_id: a, _type: t}, {_id: b, _type: t}]',
      'version: ">= 1.0"',
      'tests:',
      '  name: Counting',
      '  query: count(*)',
      '  result: 2',
      '  tests:',
      '    - documents: [{_id: a, _type: t}, {_id: b, _type: t}, {_id: c, _type: t}]',
      '      result: 3',
      '    - name: Invalid',
      '      query: count(',
      '      valid: false',
    ].join('\n'),
  )
  write(
    'b-vars.yml',
    [
      'tests:',
      '  - name: Compare',
      '    query: ~str~ < "z"',
      '    result: true',
      "    variables: {str: ['\"a\"', 'attr']}",
      '  - name: Join',
      '    query: ~x~ == ~y~',
      '    result: false',
      '    genFilter: false',
      '    genFetch: false',
      '    variables: {x: "1", y: "2"}',
    ].join('\n'),
  )
  const suite = loadSuite(dir)
  const summary = suite.tests.map((entry) => [entry.name, oneLine(entry.query), entry.result])
  assert.deepEqual(summary, [
    ['Counting', 'count(*)', 2],
    ['Counting', 'count(*)', 3],
    ['Counting / Invalid', 'count(', null],
    ['Compare', '"a" < "z"', true],
    ['Compare', '*[_id == "d"][f < "z"][]._id', ['d']],
    ['Compare', '*[_id == "d"][!(f < "z")][]._id', []],
    ['Compare', '*[_id == "d"][0].f < "z"', true],
    // `attr` is not JSON, so it generates nothing.
    ['Compare', 'attr < "z"', true],
    ['Join', '1 == 2', false],
    ['Join', '*[_id == "d-2"]{"children":*[_id == "d-3"][^.f_2 == f_3][]._id}', [{children: []}]],
  ])
  const [first, second, invalid] = suite.tests
  assert.notEqual(first!.datasetId, second!.datasetId, 'a child with documents has its own')
  assert.equal(invalid!.datasetId, first!.datasetId, 'a child inherits the dataset')
  assert.equal(invalid!.version, '>= 1.0', 'a child inherits the version')
  assert.equal(invalid!.valid, false)
  assert.deepEqual(suite.datasets.get(suite.tests[4]!.datasetId)!.documents, [
    {_id: 'd', _type: 'doc', f: 'a'},
    {_id: 'd-2', _type: 'doc', f_2: 1},
    {_id: 'd-3', _type: 'doc', f_3: 2},
  ])
  assert.throws(() => loadSuite(join(dir, 'missing')), /git clone .*groq-test-suite/)
})

test('versions select as semver ranges, scores compare by rank', () => {
  const groq12: [number, number, number] = [1, 2, 0]
  assert.equal(satisfies(groq12, '>= 1.0'), true)
  assert.equal(satisfies(groq12, '>= 1.2'), true)
  assert.equal(satisfies(groq12, '> 1.2'), false)
  assert.equal(satisfies(groq12, '0.1'), false)
  assert.equal(satisfies(groq12, '1.2'), true)
  assert.equal(satisfies(groq12, '0.1 || >= 1.1'), true)
  assert.throws(() => satisfies(groq12, '^1.0'), /Unsupported version range/)
  assert.deepEqual(
    withScoreRanks([
      {_id: 'a', _score: 1.4},
      {_id: 'b', _score: 1.2},
      {_id: 'c', _score: 1.2},
      {_id: 'd', _score: 0},
    ]),
    [
      {_id: 'a', _pos: 1},
      {_id: 'b', _pos: 2},
      {_id: 'c', _pos: 2},
      {_id: 'd', _pos: 3},
    ],
  )
})

test(
  'the lake passes every GROQ conformance test that groq-js passes',
  {timeout: 240_000},
  async (t) => {
    const started = performance.now()
    const cpuAtStart = process.cpuUsage()
    const suite = loadSuite()
    const selected = selectTests(suite)
    assert.ok(selected.length > 7000, `only ${selected.length} tests selected from the suite`)
    // groq-js answers in a worker while the lake answers here.
    const groqJs = groqJsVerdicts(SUITE_DIR)

    const byDataset = new Map<string, SuiteTest[]>()
    for (const entry of selected) {
      const list = byDataset.get(entry.datasetId)
      if (list) list.push(entry)
      else byDataset.set(entry.datasetId, [entry])
    }

    const lake = await startTestLake(undefined)
    const store = lake.lake.datasets.get(lake.lake.datasets.defaultName)!.store
    const suiteLake = new SuiteLake(lake.lake.url, lake.lake.token, store)
    t.after(async () => {
      suiteLake.close()
      await lake.close()
    })
    const verdicts = new Map<SuiteTest, Verdict>()
    for (const [datasetId, tests] of byDataset) {
      await suiteLake.load(documentsInIdOrder(suite.datasets.get(datasetId)!))
      await inBatches(tests, CONCURRENCY, async (entry) => {
        verdicts.set(entry, await judgeLake(entry, suiteLake))
      })
    }
    const lakeSeconds = seconds(started)

    const groqJsPasses = await groqJs
    assert.equal(groqJsPasses.length, selected.length, 'groq-js judged another selection')
    const groqJsPassed = selected.filter((_, i) => groqJsPasses[i])
    const lakePassed = selected.filter((entry) => verdicts.get(entry)!.passes)
    const lakeOnlyFailures = groqJsPassed.filter((entry) => !verdicts.get(entry)!.passes)
    const diffFailures = lakeOnlyFailures.filter((entry) => DIFF_FUNCTIONS.test(entry.query))
    const stripped = selected.filter(
      (entry) => verdicts.get(entry)!.kind === 'pass without system fields',
    )
    const failureKinds = new Map<string, number>()
    for (const entry of lakeOnlyFailures) {
      const {kind, cached} = verdicts.get(entry)!
      const label = cached ? `${kind} (cached answer)` : kind
      failureKinds.set(label, (failureKinds.get(label) ?? 0) + 1)
    }

    t.diagnostic(
      `selected ${selected.length} of ${suite.tests.length} suite tests over ${byDataset.size} datasets`,
    )
    t.diagnostic(`groq-js passes ${groqJsPassed.length}; the lake passes ${lakePassed.length}`)
    t.diagnostic(
      `lake-only failures: ${lakeOnlyFailures.length} (of them diff::changedAny/changedOnly: ${diffFailures.length})`,
    )
    if (failureKinds.size > 0)
      t.diagnostic(
        `lake-only failures by kind: ${[...failureKinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      )
    // Queries naming these fields could observe them beyond what the judge leaves out.
    const naming = selected.filter((entry) => SYSTEM_FIELD_NAMES.test(entry.query))
    t.diagnostic(
      `passed only without the lake's own _rev/_createdAt/_updatedAt: ${stripped.length} tests; ` +
        `queries naming those fields: ${naming.length}`,
    )
    // CPU time (all threads) says what the run costs whatever else the machine is doing.
    const cpu = process.cpuUsage(cpuAtStart)
    const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1)
    t.diagnostic(
      `run time ${seconds(started)} s, ${cpuSeconds} s CPU (lake done at ${lakeSeconds} s)`,
    )
    for (const entry of lakeOnlyFailures.slice(0, MAX_LISTED))
      t.diagnostic(`lake-only failure: ${describe(entry, verdicts.get(entry)!)}`)
    // The rest by name only (a name covers a test's variants), so every failure is named.
    const more = new Map<string, number>()
    for (const entry of lakeOnlyFailures.slice(MAX_LISTED)) {
      const name = `${entry.filename} "${entry.name}"`
      more.set(name, (more.get(name) ?? 0) + 1)
    }
    for (const [name, count] of more) t.diagnostic(`lake-only failures: ${name} ×${count}`)

    assert.equal(
      lakeOnlyFailures.length,
      0,
      `${lakeOnlyFailures.length} tests pass in groq-js but fail on the lake, e.g.\n` +
        lakeOnlyFailures
          .slice(0, 10)
          .map((entry) => describe(entry, verdicts.get(entry)!))
          .join('\n'),
    )
  },
)

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await run(items[next++]!)
  }
  await Promise.all(Array.from({length: Math.min(size, items.length)}, worker))
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1)
}

function describe(entry: SuiteTest, verdict: Verdict): string {
  return `${entry.filename} "${entry.name}": ${oneLine(entry.query)} → ${verdict.detail}`
}
