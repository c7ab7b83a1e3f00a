// Version actions through @sanity/client's own helpers (discardVersion, createVersion,
// replaceVersion, unpublishVersion) and client.action(): the Studio's "Discard changes", versions
// in releases, revision checks, locks and atomicity.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake(undefined)
  await t.client.create({_id: 'faq-v', _type: 'faq', question: 'Published?'})
  await t.client.releases.create({releaseId: 'rSpring', metadata: {title: 'Spring'}})
})
after(async () => {
  await t?.close()
})

const raw = {perspective: 'raw'} as const
const exists = async (id: string) =>
  (await t.client.fetch<number>('count(*[_id == $id])', {id}, raw)) === 1
const status = (code: number) => (error: {statusCode?: number}) => error.statusCode === code

describe('version actions', () => {
  it('discards a draft as the Studio does (version.discard), then answers 409 for none', async () => {
    await t.client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.faq-v',
      publishedId: 'faq-v',
      patch: {set: {question: 'Changed?'}},
    })
    assert.equal(await exists('drafts.faq-v'), true)
    await t.client.discardVersion({publishedId: 'faq-v'})
    assert.equal(await exists('drafts.faq-v'), false)
    assert.equal((await t.client.getDocument('faq-v'))?.question, 'Published?')
    await assert.rejects(t.client.discardVersion({publishedId: 'faq-v'}), status(409))
  })

  it('creates a version in a release from a document, and from a base with its revision', async () => {
    await t.client.createVersion({
      releaseId: 'rSpring',
      publishedId: 'faq-new',
      document: {_type: 'faq', question: 'New in spring?'},
    })
    assert.equal(await exists('versions.rSpring.faq-new'), true)
    const base = await t.client.getDocument('faq-v')
    await assert.rejects(
      t.client.createVersion({
        publishedId: 'faq-v',
        baseId: 'faq-v',
        releaseId: 'rSpring',
        ifBaseRevisionId: 'stale',
      }),
      status(409),
    )
    assert.equal(await exists('versions.rSpring.faq-v'), false)
    await t.client.createVersion({
      publishedId: 'faq-v',
      baseId: 'faq-v',
      releaseId: 'rSpring',
      ifBaseRevisionId: base!._rev,
    })
    const version = await t.client.getDocument('versions.rSpring.faq-v')
    assert.equal(version?.question, 'Published?')
    // A second create of the same version is a conflict.
    await assert.rejects(
      t.client.createVersion({publishedId: 'faq-v', baseId: 'faq-v', releaseId: 'rSpring'}),
      status(409),
    )
  })

  it('replaces a version, and refuses one whose id does not match publishedId', async () => {
    await t.client.replaceVersion({
      document: {_id: 'versions.rSpring.faq-v', _type: 'faq', question: 'Spring answer?'},
    })
    assert.equal((await t.client.getDocument('versions.rSpring.faq-v'))?.question, 'Spring answer?')
    await assert.rejects(
      t.client.action({
        actionType: 'sanity.action.document.version.create',
        publishedId: 'faq-v',
        document: {_id: 'versions.rSpring.other', _type: 'faq'},
      }),
      status(400),
    )
  })

  it('needs an existing, active release for a version', async () => {
    await assert.rejects(
      t.client.createVersion({
        releaseId: 'rNowhere',
        publishedId: 'faq-v',
        document: {_type: 'faq', question: '?'},
      }),
      status(409),
    )
    assert.equal(await exists('versions.rNowhere.faq-v'), false)
  })

  it('marks a version to unpublish its document (_system.delete)', async () => {
    await t.client.create({_id: 'faq-old', _type: 'faq', question: 'Old?'})
    await t.client.unpublishVersion({releaseId: 'rSpring', publishedId: 'faq-old'})
    const marked = await t.client.getDocument('versions.rSpring.faq-old')
    assert.deepEqual(marked?._system, {delete: true})
    assert.equal(marked?.question, 'Old?')
    await assert.rejects(
      t.client.unpublishVersion({releaseId: 'rSpring', publishedId: 'faq-never'}),
      status(409),
    )
  })

  it('applies all actions of a request or none', async () => {
    await assert.rejects(
      t.client.action([
        {
          actionType: 'sanity.action.document.version.create',
          publishedId: 'faq-atomic',
          document: {_id: 'versions.rSpring.faq-atomic', _type: 'faq'},
        },
        {actionType: 'sanity.action.document.version.discard', versionId: 'drafts.faq-none'},
      ]),
      status(409),
    )
    assert.equal(await exists('versions.rSpring.faq-atomic'), false)
  })

  it('names an unknown action type in a 400, and leaves variant actions unserved', async () => {
    for (const actionType of [
      'sanity.action.document.nope',
      'sanity.action.document.variant.create',
    ])
      await assert.rejects(
        t.client.action({actionType, publishedId: 'faq-v'} as never),
        (error: {statusCode?: number; message?: string}) =>
          error.statusCode === 400 && String(error.message).includes(actionType),
      )
  })
})
