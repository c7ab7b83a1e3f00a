// Property-based: random transactions sent to a real lake through @sanity/client end in the same
// documents as the same transactions applied in memory with @sanity/mutator plus the lake's
// rules (create fails on an existing id, patch on a missing one, ifRevisionID must match, a
// published document's strong references must exist, all or nothing per transaction, each
// transaction's id becomes the `_rev` of exactly the documents it wrote). Seeded: set
// CK_PROPERTY_SEED to replay a failure (its seed and path are printed with it).
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {Mutation} from '@sanity/mutator'
import type {ClientError, SanityClient} from '@sanity/client'
import fc from 'fast-check'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

const SEED = Number(process.env.CK_PROPERTY_SEED ?? 20261201)
const RUNS = Number(process.env.CK_PROPERTY_RUNS ?? 75)

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

type Doc = Record<string, unknown> & {_id: string; _type: string; _rev?: string}

// Documents are named by a slot; each run maps slots to ids of its own, so runs share one lake.
const SLOTS = ['a', 'b', 'c', 'drafts.a', 'drafts.b'] as const
type Slot = (typeof SLOTS)[number]
const PUBLISHED_SLOTS = ['a', 'b', 'c'] as const

type Op =
  | {kind: 'create' | 'createOrReplace' | 'createIfNotExists'; slot: Slot; content: Content}
  | {kind: 'delete'; slot: Slot}
  | {kind: 'patch'; slot: Slot; ops: PatchOps; ifRevision: 'none' | 'current' | 'stale'}

interface Content {
  s: string
  n: number
  list: string[]
  ref?: {slot: (typeof PUBLISHED_SLOTS)[number]; weak: boolean; nested: boolean}
}

type PatchOps =
  | {set: {s: string}}
  | {set: {n: number}}
  | {unset: string[]}
  | {inc: {n: number}}
  | {insert: {after: string; items: string[]}}

const contentArb: fc.Arbitrary<Content> = fc.record(
  {
    s: fc.string({maxLength: 6}),
    n: fc.integer({min: -5, max: 5}),
    list: fc.array(fc.string({maxLength: 3}), {maxLength: 2}),
    ref: fc.record({
      slot: fc.constantFrom(...PUBLISHED_SLOTS),
      weak: fc.boolean(),
      nested: fc.boolean(),
    }),
  },
  {requiredKeys: ['s', 'n', 'list']},
)

const patchArb: fc.Arbitrary<PatchOps> = fc.oneof(
  fc.record({set: fc.record({s: fc.string({maxLength: 6})})}),
  fc.record({set: fc.record({n: fc.integer({min: -5, max: 5})})}),
  fc.record({unset: fc.subarray(['s', 'ref', 'nested', 'missing'], {minLength: 1})}),
  fc.record({inc: fc.record({n: fc.integer({min: 1, max: 3})})}),
  fc.record({
    insert: fc.record({
      after: fc.constant('list[-1]'),
      items: fc.array(fc.string({maxLength: 3}), {minLength: 1, maxLength: 2}),
    }),
  }),
)

const slotArb = fc.constantFrom(...SLOTS)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('create', 'createOrReplace', 'createIfNotExists'),
    slot: slotArb,
    content: contentArb,
  }),
  fc.record({kind: fc.constant('delete'), slot: slotArb}),
  fc.record({
    kind: fc.constant('patch'),
    slot: slotArb,
    ops: patchArb,
    ifRevision: fc.constantFrom('none', 'current', 'stale'),
  }),
) as fc.Arbitrary<Op>

const transactionsArb = fc.array(fc.array(opArb, {minLength: 1, maxLength: 5}), {
  minLength: 1,
  maxLength: 8,
})

/** One run's ids: the same slot names under a prefix no other run uses. */
function namer(prefix: string) {
  const id = (slot: Slot) =>
    slot.startsWith('drafts.') ? `drafts.${prefix}${slot.slice(7)}` : `${prefix}${slot}`
  return {id, ids: SLOTS.map(id)}
}

function documentFor(id: string, content: Content, idOf: (slot: Slot) => string): Doc {
  const {ref, ...fields} = content
  const doc: Doc = {_id: id, _type: 'thing', ...structuredClone(fields)}
  if (ref) {
    const reference = {
      _type: 'reference',
      _ref: idOf(ref.slot),
      ...(ref.weak ? {_weak: true} : {}),
    }
    if (ref.nested) doc.nested = {items: [{_key: 'k', target: reference}]}
    else doc.ref = reference
  }
  return doc
}

/** The wire mutation, with ifRevisionID resolved against the model's current revisions. */
function toMutation(op: Op, idOf: (slot: Slot) => string, model: Map<string, Doc>) {
  const id = idOf(op.slot)
  switch (op.kind) {
    case 'delete':
      return {delete: {id}}
    case 'patch': {
      const ifRevisionID =
        op.ifRevision === 'current'
          ? (model.get(id)?._rev ?? 'no-such-revision')
          : op.ifRevision === 'stale'
            ? 'stale-revision'
            : undefined
      return {patch: {id, ...structuredClone(op.ops), ...(ifRevisionID ? {ifRevisionID} : {})}}
    }
    default:
      return {[op.kind]: documentFor(id, op.content, idOf)}
  }
}

/** Strong references anywhere in a value, found independently of the lake's own index. */
function strongTargets(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(strongTargets)
  if (!value || typeof value !== 'object') return []
  const object = value as Record<string, unknown>
  const own = typeof object._ref === 'string' && object._weak !== true ? [object._ref] : []
  return [...own, ...Object.values(object).flatMap(strongTargets)]
}

type Outcome = {ok: true; changed: Set<string>} | {ok: false; status: number}

/** The lake's documented rules, in memory: the new state, or the status the lake must answer. */
function applyModel(
  model: Map<string, Doc>,
  mutations: Array<Record<string, Record<string, unknown>>>,
  transactionId: string,
): Outcome {
  const working = new Map(model)
  const written = new Set<string>()
  for (const mutation of mutations) {
    const [kind, body] = Object.entries(mutation)[0]!
    if (kind === 'delete') {
      working.delete(String(body.id))
      written.add(String(body.id))
    } else if (kind === 'patch') {
      const id = String(body.id)
      const before = working.get(id)
      if (!before) return {ok: false, status: 409}
      if (body.ifRevisionID !== undefined && body.ifRevisionID !== before._rev)
        return {ok: false, status: 409}
      const {ifRevisionID: _r, ...ops} = body
      let after: Doc
      try {
        after = new Mutation({mutations: [{patch: ops} as never]}).apply(
          structuredClone(before) as never,
        ) as Doc
      } catch {
        return {ok: false, status: 400}
      }
      working.set(id, after)
      written.add(id)
    } else {
      const doc = body as Doc
      if (working.has(doc._id) && kind === 'create') return {ok: false, status: 409}
      if (working.has(doc._id) && kind === 'createIfNotExists') continue
      working.set(doc._id, structuredClone(doc))
      written.add(doc._id)
    }
  }
  for (const [id, doc] of working)
    if (!id.startsWith('drafts.') && strongTargets(doc).some((target) => !working.has(target)))
      return {ok: false, status: 409}
  const changed = new Set([...written].filter((id) => model.has(id) || working.has(id)))
  model.clear()
  for (const [id, doc] of working)
    model.set(id, changed.has(id) ? {...doc, _rev: transactionId} : doc)
  return {ok: true, changed}
}

const withoutSystemFields = ({_rev: _r, _createdAt: _c, _updatedAt: _u, ...rest}: Doc) => rest

async function lakeState(client: SanityClient, ids: string[]): Promise<Map<string, Doc>> {
  const docs = await client.fetch<Doc[]>('*[_id in $ids]', {ids}, {perspective: 'raw'})
  return new Map(docs.map((doc) => [doc._id, doc]))
}

async function historyOf(id: string): Promise<string[]> {
  const response = await fetch(
    `${t.lake.url}/v2025-02-19/data/history/production/transactions/${id}?excludeContent=true`,
    {headers: {authorization: `Bearer ${t.lake.token}`}},
  )
  const text = await response.text()
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as {id: string}).id)
}

let runNumber = 0

describe('mutations, property-based', {timeout: 120_000}, () => {
  it('the lake ends where the in-memory model ends, transaction by transaction', async () => {
    await fc.assert(
      fc.asyncProperty(transactionsArb, async (transactions) => {
        const prefix = `p${++runNumber}x`
        const {id: idOf, ids} = namer(prefix)
        const model = new Map<string, Doc>()
        const touchedBy = new Map<string, string[]>(ids.map((id) => [id, []]))
        for (const [index, ops] of transactions.entries()) {
          const transactionId = `${prefix}t${index}`
          const mutations = ops.map((op) => toMutation(op, idOf, model))
          const expected = applyModel(model, mutations as never, transactionId)
          const actual = await t.client
            .mutate(mutations as never, {transactionId, returnFirst: false, returnDocuments: false})
            .then(
              (result) => ({ok: true as const, result}),
              (error: ClientError) => ({ok: false as const, status: error.statusCode}),
            )
          const step = `transaction ${index}: ${JSON.stringify(mutations)}`
          if (expected.ok) {
            assert.ok(actual.ok, `${step} failed with ${actual.ok ? '' : actual.status}`)
            assert.equal(actual.result.transactionId, transactionId)
            assert.deepEqual(
              new Set(actual.result.results.map((r) => r.id)),
              expected.changed,
              step,
            )
            for (const id of expected.changed) touchedBy.get(id)!.push(transactionId)
          } else {
            assert.ok(!actual.ok, `${step} succeeded; expected ${expected.status}`)
            assert.equal(actual.status, expected.status, step)
          }
          // Same documents, and the revision moved exactly on the documents written.
          const state = await lakeState(t.client, ids)
          assert.deepEqual(
            [...state.keys()].sort(),
            [...model.keys()].sort(),
            `${step}: which documents exist`,
          )
          for (const [id, doc] of model) {
            const stored = state.get(id)!
            assert.deepEqual(
              withoutSystemFields(stored),
              withoutSystemFields(doc),
              `${step}: ${id}`,
            )
            assert.equal(stored._rev, doc._rev, `${step}: _rev of ${id}`)
          }
        }
        // Each document's history is the transactions that wrote it, in commit order.
        for (const id of ids) assert.deepEqual(await historyOf(id), touchedBy.get(id), id)
      }),
      {seed: SEED, numRuns: RUNS},
    )
  })

  it('concurrent clients lose no write', async () => {
    const clients = Array.from({length: 4}, () => lakeClient(t.lake.url, t.lake.token))
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom('inc', 'compareAndSet'), {minLength: 1, maxLength: 5}), {
          minLength: 2,
          maxLength: clients.length,
        }),
        async (plans) => {
          const id = `p${++runNumber}counter`
          await t.client.create({_id: id, _type: 'counter', n: 0})
          const revisions: string[] = []
          await Promise.all(
            plans.map(async (plan, c) => {
              const client = clients[c]!
              for (const step of plan) {
                if (step === 'inc') {
                  const result = await client.patch(id).inc({n: 1}).commit()
                  revisions.push(result._rev)
                  continue
                }
                // Read, then write only if nobody wrote in between; retry on 409.
                for (;;) {
                  const current = (await client.getDocument<{n: number}>(id))!
                  try {
                    const result = await client
                      .patch(id)
                      .ifRevisionId(current._rev)
                      .set({n: current.n + 1})
                      .commit()
                    revisions.push(result._rev)
                    break
                  } catch (error) {
                    assert.equal((error as ClientError).statusCode, 409)
                  }
                }
              }
            }),
          )
          const total = plans.flat().length
          const final = (await t.client.getDocument<{n: number}>(id))!
          assert.equal(final.n, total)
          assert.equal(new Set(revisions).size, total)
          const history = await historyOf(id)
          assert.equal(history.length, total + 1)
          assert.equal(history.at(-1), final._rev)
          assert.deepEqual(new Set(history.slice(1)), new Set(revisions))
        },
      ),
      {seed: SEED, numRuns: Math.max(3, Math.round(RUNS / 8))},
    )
  })
})
