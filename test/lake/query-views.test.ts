// The query workers keep their perspective views (and cached answers) up to date one change at a
// time. Property: after any run of creates, patches, deletes and publishes, of drafts and
// published documents, every perspective answers as a view rebuilt from all documents would.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {SanityClient} from '@sanity/client'
import fc from 'fast-check'
import {evaluate, evaluateSync, parse, toJS} from 'groq-js'
import {runQuery} from '../../lake/query/groq'
import {QueryPool} from '../../lake/query/pool'
import {DatasetViews} from '../../lake/query/views'
import {startLake, type RunningLake} from '../../lake/server/server'
import {LakeStore} from '../../lake/store/store'
import type {LakeDocument} from '../../lake/store/types'
import {lakeClient} from '../helpers/lake'

let lake: RunningLake
let dir: string
let client: SanityClient

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ck-views-'))
  lake = await startLake({port: 0, dir, quiet: true})
  client = lakeClient(lake.url, lake.token)
})
after(async () => {
  await lake?.close()
  rmSync(dir, {recursive: true, force: true})
})

const PERSPECTIVES = ['published', 'drafts', 'raw'] as const
type Perspective = (typeof PERSPECTIVES)[number]

/**
 * Each shape reads the views differently: everything, one type (the prefilter), `->` in the
 * projection and in the filter (the filter memo).
 */
const QUERIES = [
  '* | order(_id){_id, _type, n, _originalId}',
  '*[_type == "t1"] | order(_id){_id, n, "rn": r->n, "rt": r->_type}',
  'count(*)',
  '*[_type == "t2" && n > 3] | order(n desc, _id){_id, n}',
  // `->` inside the filter: a commit to the referenced document changes which ones match.
  '*[_type == "t1" && r->n > 4] | order(_id)._id',
  '*[r->_type == "t2"] | order(_id){_id, "rn": r->n}',
]

/** The perspective built from scratch, independently of lake/query/views.ts. */
function rebuilt(perspective: Perspective, all: LakeDocument[]): LakeDocument[] {
  if (perspective === 'raw') return all
  const published = all.filter((d) => !d._id.startsWith('drafts.'))
  if (perspective === 'published') return published
  const merged = new Map(published.map((d) => [d._id, d]))
  for (const draft of all.filter((d) => d._id.startsWith('drafts.'))) {
    const id = draft._id.slice('drafts.'.length)
    merged.set(id, {...draft, _id: id, _originalId: draft._id})
  }
  return [...merged.values()]
}

async function expected(query: string, perspective: Perspective): Promise<unknown> {
  const dataset = rebuilt(perspective, [...lake.store.all()])
  return (await evaluate(parse(query), {dataset})).get()
}

const base = fc.constantFrom('a', 'b', 'c', 'd')
const id = fc.tuple(fc.boolean(), base).map(([draft, b]) => (draft ? `drafts.${b}` : b))
const op = fc.oneof(
  fc.record({
    kind: fc.constant('put' as const),
    id,
    type: fc.constantFrom('t1', 't2'),
    n: fc.integer({min: 0, max: 9}),
    ref: base,
  }),
  fc.record({kind: fc.constant('patch' as const), id, n: fc.integer({min: 0, max: 9})}),
  fc.record({kind: fc.constant('delete' as const), id}),
  fc.record({kind: fc.constant('publish' as const), id: base}),
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

async function apply(step: Op): Promise<void> {
  switch (step.kind) {
    case 'put':
      await client.createOrReplace({
        _id: step.id,
        _type: step.type,
        n: step.n,
        // Weak, so it may point at a document that a later step deletes (or none yet): strong
        // references to missing documents are refused (test/lake/references.test.ts).
        r: {_type: 'reference', _ref: step.ref, _weak: true},
      })
      return
    case 'patch':
      await client
        .patch(step.id)
        .set({n: step.n})
        .commit()
        .catch((error: {statusCode?: number}) => {
          // Patching a missing document is refused and changes nothing.
          if (error.statusCode !== 409) throw error
        })
      return
    case 'delete':
      await client.delete(step.id)
      return
    case 'publish': {
      // One transaction, two changes: the draft replaces the published document and goes.
      const draft = lake.store.get(`drafts.${step.id}`)
      if (!draft) return
      const {_rev: _r, _createdAt: _c, _updatedAt: _u, ...body} = draft
      await client
        .transaction()
        .createOrReplace({...body, _id: step.id})
        .delete(draft._id)
        .commit()
    }
  }
}

describe('incremental perspective views', () => {
  it('answer like views rebuilt from all documents, after every change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, {minLength: 1, maxLength: 12}), async (steps) => {
        for (const step of steps) {
          await apply(step)
          for (const perspective of PERSPECTIVES)
            for (const query of QUERIES)
              assert.deepEqual(
                await client.fetch(query, {}, {perspective}),
                await expected(query, perspective),
                `${query} in ${perspective} after ${JSON.stringify(step)}`,
              )
        }
      }),
      {numRuns: 20},
    )
  })
})

describe('loading a dataset into a worker', () => {
  it('ends with the current documents when commits land between the chunks it is sent in', async () => {
    const storeDir = mkdtempSync(join(tmpdir(), 'ck-chunks-'))
    const store = LakeStore.open(storeDir)
    const pool = new QueryPool({workers: 1})
    try {
      const count = 5000
      await store.commit(
        Array.from({length: count}, (_, i) => ({
          create: {_id: `doc-${String(i).padStart(4, '0')}`, _type: 'bulk', n: i},
        })),
      )
      pool.addDataset('production', store)
      // addDataset sent the first chunk; these commits run before the next one is sent.
      await store.commit([{patch: {id: 'doc-0000', set: {n: -1}}}])
      await store.commit([{patch: {id: 'doc-4999', set: {n: -2}}}])
      await store.commit([{delete: {id: 'doc-2500'}}])
      await store.commit([{create: {_id: 'doc-new', _type: 'bulk', n: -3}}])
      await pool.ready()
      const query = '*[_type == "bulk"] | order(_id){_id, n}'
      const answer = JSON.parse(
        await pool.query({dataset: 'production', perspective: 'raw', query, params: {}}),
      ) as Array<{_id: string; n: number}>
      const wanted = await (await evaluate(parse(query), {dataset: [...store.all()]})).get()
      assert.equal(answer.length, count)
      assert.deepEqual(answer, wanted)
    } finally {
      await pool.close()
      store.close()
      rmSync(storeDir, {recursive: true, force: true})
    }
  })
})

/**
 * In one process, without HTTP: a query's answer through the filter memo (re-testing only what
 * changed, the matches put back in dataset order) against a plain evaluation of the same view.
 * No `order()`: the memo must keep the order `*` reads the documents in.
 */
describe('filter memos', () => {
  /** Each query, and the type its `*` reads (the prefilter), or null for all documents. */
  const MEMO_QUERIES: Array<[string, string | null]> = [
    // Few matches: put in order by sorting them (lake/query/filters.ts SORT_SHARE)…
    ['*[_type == "t1" && n < 4]{_id, n}', 't1'],
    ['*[_type == "t1" && r->n < 5]._id', 't1'],
    ['*[r->_type == "t2" && n < 3 || n == 5]{_id, "rn": r->n}', null],
    // …many: by a walk over the dataset.
    ['*[_type == "t2" && n > 10][0..4]._id', 't2'],
  ]
  const memoOp = fc.oneof(
    fc.record({
      kind: fc.constant('put' as const),
      id: fc.integer({min: 0, max: 30}),
      type: fc.constantFrom('t1', 't2'),
      n: fc.integer({min: 0, max: 9}),
      ref: fc.integer({min: 0, max: 30}),
    }),
    fc.record({kind: fc.constant('delete' as const), id: fc.integer({min: 0, max: 30})}),
  )

  it('answer as a plain evaluation of the view after every change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(memoOp, {minLength: 40, maxLength: 80, size: 'max'}),
        async (steps) => {
          const views = new DatasetViews()
          const view = views.view('published')
          // Documents no step touches, that the few-match filters never match: matches of the
          // steps' documents stay few against them.
          const doc = (id: string, type: string, n: number, ref: string): LakeDocument => ({
            ...{_id: id, _type: type, n, r: {_ref: ref}},
            ...{_rev: 'r', _createdAt: '', _updatedAt: ''},
          })
          for (let i = 0; i < 300; i++)
            views.apply(`f${i}`, doc(`f${i}`, `t${1 + (i % 2)}`, 100 + i, 'none'))
          const options = {maxResultBytes: 1e8}
          for (const step of steps) {
            const id = `d${step.id}`
            views.apply(
              id,
              step.kind === 'delete' ? null : doc(id, step.type, step.n, `d${step.ref}`),
            )
            for (const [query, type] of MEMO_QUERIES) {
              // Twice: the second run gets a memo; later steps reuse it.
              for (let run = 0; run < 2; run++) {
                const plain = toJS(
                  evaluateSync(parse(query), {
                    dataset: type === null ? view.documents : (view.byType.get(type) ?? []),
                    dereference: ({_ref}: {_ref: string}) => view.get(_ref) ?? null,
                  }),
                )
                assert.deepEqual(
                  JSON.parse(await runQuery(query, {}, view, options)),
                  plain,
                  `${query} after ${JSON.stringify(step)}`,
                )
              }
            }
          }
        },
      ),
      {numRuns: 25},
    )
  })
})
