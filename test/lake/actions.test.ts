// The Studio's document actions through @sanity/client's action(): create, edit, publish,
// unpublish, discard and delete, with revision checks.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

const raw = {perspective: 'raw'} as const
const ids = (publishedId: string) =>
  t.client.fetch<string[]>(
    '*[_id in [$id, "drafts." + $id]]._id | order(@ asc)',
    {id: publishedId},
    raw,
  )

describe('document actions', () => {
  it('create, edit and publish a draft, checking the published revision', async () => {
    await t.client.action({
      actionType: 'sanity.action.document.create',
      publishedId: 'faq-action',
      attributes: {_id: 'drafts.faq-action', _type: 'faq', question: 'Draft?'},
      ifExists: 'fail',
    })
    await t.client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.faq-action',
      publishedId: 'faq-action',
      patch: {set: {question: 'Edited?'}},
    })
    await assert.rejects(
      t.client.action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.faq-action',
        publishedId: 'faq-action',
        ifPublishedRevisionId: 'not-the-revision',
      }),
      (error: {statusCode?: number}) => error.statusCode === 409,
    )
    await t.client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.faq-action',
      publishedId: 'faq-action',
    })
    assert.deepEqual(await ids('faq-action'), ['faq-action'])
    assert.equal((await t.anonymous.getDocument('faq-action'))?.question, 'Edited?')
  })

  it('editing a published document starts its draft from the published content', async () => {
    await t.client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.faq-action',
      publishedId: 'faq-action',
      patch: {set: {category: 'conditions'}},
    })
    const draft = await t.client.getDocument('drafts.faq-action')
    assert.equal(draft?.question, 'Edited?')
    assert.equal(draft?.category, 'conditions')
  })

  it('discard removes the draft; unpublish turns the published document into a draft; delete removes both', async () => {
    await t.client.action({
      actionType: 'sanity.action.document.discard',
      draftId: 'drafts.faq-action',
    })
    assert.deepEqual(await ids('faq-action'), ['faq-action'])
    await t.client.action({
      actionType: 'sanity.action.document.unpublish',
      draftId: 'drafts.faq-action',
      publishedId: 'faq-action',
    })
    assert.deepEqual(await ids('faq-action'), ['drafts.faq-action'])
    await t.client.action({
      actionType: 'sanity.action.document.delete',
      publishedId: 'faq-action',
      includeDrafts: ['drafts.faq-action'],
    })
    assert.deepEqual(await ids('faq-action'), [])
  })

  it('rejects unknown action types and needs the token', async () => {
    await assert.rejects(
      t.client.action({actionType: 'sanity.action.document.teleport'} as never),
      (error: {statusCode?: number; message: string}) =>
        error.statusCode === 400 && /teleport/.test(error.message),
    )
    await assert.rejects(
      t.anonymous.action({actionType: 'sanity.action.document.discard', draftId: 'drafts.x'}),
      (error: {statusCode?: number}) => error.statusCode === 401,
    )
  })
})
