// A listen event carries the mutations that wrote its own document, addressed to it: applied to
// the document before the change they give the document after it. The Studio's document store
// relies on this (it applies an event's mutations to the event's document), so a publish's
// delete of the draft reaching the published document made the Studio show "This document has
// been deleted" right after Publish.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {Mutation} from '@sanity/mutator'
import type {MutationEvent} from '@sanity/client'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake(undefined)
})
after(() => t.close())

type Doc = Record<string, unknown>

/** What the Studio's buffered document does with an event: apply its mutations to what it had. */
function applied(event: MutationEvent): Doc | null {
  const mutation = new Mutation({
    mutations: event.mutations as never,
    transactionId: event.transactionId,
    resultRev: event.resultRev,
    timestamp: event.timestamp,
  })
  const previous = (event.previous ?? null) as Parameters<Mutation['apply']>[0]
  return mutation.apply(previous) as Doc | null
}

/** Collects every mutation event the query matches while `work` runs, until `count` arrived. */
async function eventsDuring(
  query: string,
  count: number,
  work: () => Promise<unknown>,
): Promise<MutationEvent[]> {
  const events: MutationEvent[] = []
  await new Promise<void>((resolve, reject) => {
    const subscription = t.client
      .listen(
        query,
        {},
        {
          events: ['welcome', 'mutation'],
          includeResult: true,
          includePreviousRevision: true,
          includeMutations: true,
        },
      )
      .subscribe({
        next: (event) => {
          if (event.type === 'welcome') work().catch(reject)
          else if (event.type === 'mutation') {
            events.push(event)
            if (events.length === count) {
              subscription.unsubscribe()
              resolve()
            }
          }
        },
        error: reject,
      })
  })
  return events
}

function assertReplayable(events: MutationEvent[]) {
  for (const event of events) {
    const result = (event.result as Doc | undefined) ?? null
    assert.deepEqual(
      applied(event),
      result,
      `${event.documentId}: its mutations ${JSON.stringify(event.mutations)} do not give its result`,
    )
  }
}

describe('listen: per-document mutations', () => {
  it('a publish sends the draft its delete and the published document its write, nothing else', async () => {
    await t.client.create({_id: 'drafts.note-pub', _type: 'note', title: 'Draft'})
    const events = await eventsDuring('*[_type == "note" && title != "ignored"]', 2, () =>
      t.client.action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.note-pub',
        publishedId: 'note-pub',
      }),
    )
    const published = events.find((event) => event.documentId === 'note-pub')
    const draft = events.find((event) => event.documentId === 'drafts.note-pub')
    assert.ok(published && draft, `events for ${events.map((e) => e.documentId).join(', ')}`)
    assert.equal(
      published.mutations.some((mutation) => 'delete' in mutation),
      false,
      'the draft delete reached the published document',
    )
    assert.deepEqual(draft.mutations, [{delete: {id: 'drafts.note-pub'}}])
    assert.equal((applied(published) as Doc | null)?.title, 'Draft')
    assert.equal(applied(draft), null)
    assertReplayable(events)
  })

  it('mutations by query and creates without an id are addressed to each document they wrote', async () => {
    await t.client.create({_id: 'note-q1', _type: 'note', title: 'one', tag: 'q'})
    await t.client.create({_id: 'note-q2', _type: 'note', title: 'two', tag: 'q'})
    const events = await eventsDuring('*[_type == "note" && tag == "q"]', 3, () =>
      t.client.mutate([
        {patch: {query: '*[_type == "note" && tag == "q"]', set: {title: 'patched'}}},
        {create: {_type: 'note', title: 'fresh', tag: 'q'}},
      ]),
    )
    assert.equal(events.length, 3)
    for (const event of events) {
      for (const mutation of event.mutations) {
        const body = Object.values(mutation)[0] as Doc
        assert.equal(body.query, undefined, 'a mutation by query reached a listener unresolved')
        assert.equal(body.id ?? body._id, event.documentId)
      }
    }
    const created = events.find((event) => event.transition === 'appear')
    assert.equal(created?.mutations.length, 1, 'the created document got the patch too')
    assertReplayable(events)
  })

  it('an anonymous listener sees the published write of a publish and never the draft', async () => {
    await t.client.create({_id: 'drafts.note-anon', _type: 'note', title: 'Public soon'})
    const events: MutationEvent[] = []
    await new Promise<void>((resolve, reject) => {
      const subscription = t.anonymous
        .listen('*[_type == "note"]', {}, {events: ['welcome', 'mutation']})
        .subscribe({
          next: (event) => {
            if (event.type === 'welcome')
              t.client
                .action({
                  actionType: 'sanity.action.document.publish',
                  draftId: 'drafts.note-anon',
                  publishedId: 'note-anon',
                })
                .catch(reject)
            else if (event.type === 'mutation') {
              events.push(event)
              subscription.unsubscribe()
              resolve()
            }
          },
          error: reject,
        })
    })
    assert.equal(events[0]?.documentId, 'note-anon')
    assert.equal(JSON.stringify(events[0]?.mutations).includes('drafts.'), false)
  })
})
