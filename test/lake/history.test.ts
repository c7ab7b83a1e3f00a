// The history API the Studio's history and Review changes panes read: document group events,
// transactions with mendoza effects, documents at a revision or time, and restoring a revision
// the way the Studio does (fetch the revision, then replace the draft with it).
import assert from 'node:assert/strict'
import {applyPatch} from 'mendoza'
import {after, before, describe, it} from 'node:test'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

const API = '/v2025-02-19/data/history/production'

async function get(path: string, token: string | undefined = t.lake.token) {
  const res = await fetch(`${t.lake.url}${API}${path}`, {
    headers: token ? {authorization: `Bearer ${token}`} : {},
  })
  return {status: res.status, text: await res.text()}
}

async function getJson<T>(path: string): Promise<T> {
  const res = await get(path)
  assert.equal(res.status, 200, res.text)
  return JSON.parse(res.text) as T
}

interface Event {
  type: string
  documentId: string
  versionId?: string
  versionRevisionId?: string
  revisionId?: string
  publishCause?: string
  timestamp: string
  author: string
}

const ID = 'faq-history'
const DRAFT = `drafts.${ID}`
const revs: Record<string, string> = {}

async function act(action: Record<string, unknown>): Promise<string> {
  const result = await t.client.action(action as never)
  return result.transactionId
}

describe('history of a document edited, published, unpublished', () => {
  before(async () => {
    revs.create = await act({
      actionType: 'sanity.action.document.create',
      publishedId: ID,
      attributes: {_id: DRAFT, _type: 'faq', question: 'First?'},
      ifExists: 'fail',
    })
    revs.edit = await act({
      actionType: 'sanity.action.document.edit',
      draftId: DRAFT,
      publishedId: ID,
      patch: {set: {question: 'Second?'}},
    })
    revs.publish = await act({
      actionType: 'sanity.action.document.publish',
      draftId: DRAFT,
      publishedId: ID,
    })
    revs.unpublish = await act({
      actionType: 'sanity.action.document.unpublish',
      draftId: DRAFT,
      publishedId: ID,
    })
  })

  it('lists the lifecycle events, newest first, keyed by the requested id', async () => {
    const body = await getJson<{events: Record<string, Event[]>; nextCursor: string}>(
      `/events/documents/${DRAFT}?limit=100`,
    )
    assert.equal(body.nextCursor, '')
    const events = body.events[DRAFT]!
    assert.deepEqual(
      events.map((e) => e.type),
      ['unpublishDocument', 'publishDocumentVersion', 'createDocumentVersion'],
    )
    const [unpublish, publish, create] = events as [Event, Event, Event]
    assert.deepEqual(
      {...create, timestamp: undefined},
      {
        type: 'createDocumentVersion',
        documentId: ID,
        versionId: DRAFT,
        versionRevisionId: revs.create,
        author: 'lake-robot',
        timestamp: undefined,
      },
    )
    assert.equal(publish.revisionId, revs.publish)
    assert.equal(publish.versionRevisionId, revs.edit, 'the draft revision that was published')
    assert.equal(publish.publishCause, 'document.publish')
    assert.equal(unpublish.versionId, DRAFT)
    assert.equal(unpublish.versionRevisionId, revs.unpublish)
    assert.ok(Date.parse(unpublish.timestamp) >= Date.parse(create.timestamp))
  })

  it('pages events with limit and nextCursor', async () => {
    const first = await getJson<{events: Record<string, Event[]>; nextCursor: string}>(
      `/events/documents/${ID}?limit=2`,
    )
    assert.equal(first.events[ID]!.length, 2)
    assert.notEqual(first.nextCursor, '')
    const rest = await getJson<{events: Record<string, Event[]>; nextCursor: string}>(
      `/events/documents/${ID}?limit=2&nextCursor=${first.nextCursor}`,
    )
    assert.deepEqual(
      rest.events[ID]!.map((e) => e.type),
      ['createDocumentVersion'],
    )
    assert.equal(rest.nextCursor, '')
  })

  it('answers transactions from a revision with mendoza effects that rebuild each body', async () => {
    const res = await get(
      `/transactions/${DRAFT}?excludeContent=true&effectFormat=mendoza&includeIdentifiedDocumentsOnly=true&limit=50&fromTransaction=${revs.create}`,
    )
    assert.equal(res.status, 200)
    const lines = res.text
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            id: string
            mutations?: unknown
            documentIDs: string[]
            effects: Record<string, {apply: unknown[]; revert: unknown[]}>
          },
      )
    assert.deepEqual(
      lines.map((l) => l.id),
      [revs.create, revs.edit, revs.publish, revs.unpublish],
    )
    assert.equal(lines[0]!.mutations, undefined, 'excludeContent leaves the mutations out')
    assert.deepEqual(lines[2]!.documentIDs, [DRAFT], 'only the identified document')
    const edit = lines[1]!.effects[DRAFT]!
    const afterEdit = applyPatch({question: 'First?'}, edit.apply) as {question: string}
    assert.equal(afterEdit.question, 'Second?')
    const beforeEdit = applyPatch(afterEdit, edit.revert) as {question: string; _rev: string}
    assert.equal(beforeEdit._rev, revs.create)
    assert.deepEqual(lines[2]!.effects[DRAFT]!.apply, [0, null], 'publish deleted the draft')
    assert.deepEqual(lines[0]!.effects[DRAFT]!.revert, [0, null], 'the first created it')
  })

  it('stops at toTransaction and answers newest first with reverse', async () => {
    const res = await get(
      `/transactions/${DRAFT}?excludeContent=true&fromTransaction=${revs.create}&toTransaction=${revs.edit}`,
    )
    assert.equal(res.text.trim().split('\n').length, 2)
    const reversed = await get(`/transactions/${DRAFT}?reverse=true&limit=1`)
    assert.equal(JSON.parse(reversed.text.trim()).id, revs.unpublish)
  })

  it('lists every document a transaction changed unless asked for the identified only', async () => {
    const lines = (await get(`/transactions/${DRAFT}?excludeContent=true`)).text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {id: string; documentIDs: string[]; timestamp: string})
    const publish = lines.find((line) => line.id === revs.publish)!
    assert.deepEqual([...publish.documentIDs].sort(), [DRAFT, ID])
    // fromTime and toTime (inclusive) select by the transactions' timestamps.
    const edit = lines.find((line) => line.id === revs.edit)!
    const since = await get(`/transactions/${DRAFT}?excludeContent=true&fromTime=${edit.timestamp}`)
    const sinceIds = since.text
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as {id: string}).id)
    assert.ok(!sinceIds.includes(revs.create!) && sinceIds.includes(revs.edit!), since.text)
    const until = await get(`/transactions/${DRAFT}?excludeContent=true&toTime=${edit.timestamp}`)
    const untilIds = until.text
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as {id: string}).id)
    assert.ok(untilIds.includes(revs.edit!) && !untilIds.includes(revs.unpublish!), until.text)
    assert.equal((await get(`/transactions/${DRAFT}?fromTime=yesterday`)).status, 400)
  })

  it('serves a document at a revision, at a time and its last revision', async () => {
    const atEdit = await getJson<{documents: Array<{_id: string; _rev: string; question: string}>}>(
      `/documents/${ID},${DRAFT}?revision=${revs.create}`,
    )
    assert.deepEqual(
      atEdit.documents.map((d) => [d._id, d._rev, d.question]),
      [[DRAFT, revs.create, 'First?']],
    )
    const published = await getJson<{documents: Array<{_id: string; question: string}>}>(
      `/documents/${ID}?revision=${revs.publish}`,
    )
    assert.equal(published.documents[0]!.question, 'Second?')
    const now = new Date().toISOString()
    const atTime = await getJson<{documents: Array<{_id: string}>}>(
      `/documents/${ID},${DRAFT}?time=${now}`,
    )
    assert.deepEqual(
      atTime.documents.map((d) => d._id),
      [DRAFT],
      'the published document is gone',
    )
    const last = await getJson<{documents: Array<{_id: string; _rev: string}>}>(
      `/documents/${ID}?lastRevision=true`,
    )
    assert.equal(last.documents[0]!._rev, revs.publish)
    const before = await getJson<{documents: unknown[]}>(
      `/documents/${ID}?time=2000-01-01T00:00:00Z`,
    )
    assert.deepEqual(before.documents, [])
  })

  it('rejects a request without a revision, time or lastRevision, and a bad limit', async () => {
    for (const path of [
      `/documents/${ID}`,
      `/documents/${ID}?time=yesterday`,
      `/events/documents/${ID}?limit=-1`,
      `/transactions/${ID}?effectFormat=json`,
    ]) {
      const res = await get(path)
      assert.equal(res.status, 400, path)
      assert.ok(JSON.parse(res.text).error.description, path)
    }
  })

  it('restores an earlier revision as the Studio does: replaceDraft with that revision', async () => {
    const {documents} = await getJson<{documents: Array<Record<string, unknown>>}>(
      `/documents/${ID},${DRAFT}?revision=${revs.create}`,
    )
    const {_updatedAt: _u, ...restored} = documents[0]!
    await act({
      actionType: 'sanity.action.document.replaceDraft',
      publishedId: ID,
      attributes: {...restored, _id: DRAFT},
    })
    const draft = await t.client.getDocument<{question: string}>(DRAFT)
    assert.equal(draft?.question, 'First?')
    const events = await getJson<{events: Record<string, Event[]>}>(`/events/documents/${DRAFT}`)
    assert.equal(events.events[DRAFT]!.length, 3, 'a restore is an edit, not a lifecycle event')
  })
})

describe('history of a document written straight to its published id', () => {
  it('shows the write as a publish without a draft revision', async () => {
    const {_rev: transactionId} = await t.client.create({
      _id: 'faq-direct',
      _type: 'faq',
      question: 'Direct?',
    })
    const body = await getJson<{events: Record<string, Event[]>}>(
      `/events/documents/drafts.faq-direct`,
    )
    assert.deepEqual(
      body.events['drafts.faq-direct']!.map((e) => [
        e.type,
        e.versionId,
        e.revisionId,
        e.versionRevisionId,
      ]),
      [['publishDocumentVersion', 'faq-direct', transactionId, undefined]],
    )
  })
})

describe('history without the token', () => {
  it('answers 401 on events, documents and transactions', async () => {
    for (const path of [
      `/events/documents/${ID}`,
      `/documents/${ID}?lastRevision=true`,
      `/transactions/${ID}`,
    ]) {
      const res = await get(path, '')
      assert.equal(res.status, 401, path)
      assert.equal(JSON.parse(res.text).error.type, 'unauthorizedError', path)
    }
  })
})
