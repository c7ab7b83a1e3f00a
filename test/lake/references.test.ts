// Reference integrity: a transaction that would leave a published document with a strong
// reference to a missing document fails with Sanity's 409, whether through /data/mutate or
// /data/actions; weak references, drafts and versions do not hold; publishing strengthens.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {ClientError} from '@sanity/client'
import {SAMPLE_PATH} from '../../content/build'
import {startLake} from '../../lake/server/server'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

let t: TestLake
before(async () => {
  t = await startTestLake()
})
after(async () => {
  await t?.close()
})

interface ErrorItem {
  index: number
  error: {
    type: string
    description: string
    id: string
    referencingIDs?: string[]
    referenceID?: string
  }
}
interface MutationErrorBody {
  error: {type: string; description: string; items: ErrorItem[]}
}

/** The request's 409 and Sanity's body, asserting the promise fails that way. */
async function refused(
  request: Promise<unknown>,
): Promise<{message: string; body: MutationErrorBody}> {
  const error = (await request.then(
    () => assert.fail('the transaction was accepted'),
    (e: unknown) => e,
  )) as ClientError
  assert.equal(error.statusCode, 409, error.message)
  const body = JSON.parse(error.responseBody ?? '') as MutationErrorBody
  assert.equal(body.error.type, 'mutationError')
  assert.equal(
    body.error.description,
    `Mutation(s) failed with ${body.error.items.length} error(s)`,
  )
  return {message: error.message, body}
}

const exists = async (id: string) => (await t.client.getDocument(id, {tag: 'exists'})) !== undefined

describe('deleting a referenced document', () => {
  it('fails with 409 naming every published document that references it, and changes nothing', async () => {
    // The sample's review records reference their reviewer weakly: they do not block a delete.
    const referencing = await t.client.fetch<string[]>(
      '*[references("clinician-sloane-yu") && _type != "reviewRecord"]._id | order(@ asc)',
    )
    assert.equal(referencing.length, 11)
    const records = await t.client.fetch<number>(
      'count(*[_type == "reviewRecord" && reviewer._ref == "clinician-sloane-yu" && reviewer._weak])',
    )
    assert.ok(records > 0, 'the sample holds weak references from review records')
    const {message, body} = await refused(t.client.delete('clinician-sloane-yu'))
    assert.deepEqual(body.error.items, [
      {
        index: 0,
        error: {
          type: 'documentHasExistingReferencesError',
          description: `Document "clinician-sloane-yu" cannot be deleted as there are references to it from ${referencing
            .slice(0, 5)
            .map((id) => `"${id}"`)
            .join(', ')} and 6 more`,
          id: 'clinician-sloane-yu',
          referencingIDs: referencing,
        },
      },
    ])
    assert.match(
      message,
      /^Mutation\(s\) failed with 1 error\(s\):\n- Document "clinician-sloane-yu" cannot be deleted/,
    )
    assert.ok(await exists('clinician-sloane-yu'))
    const author = await t.client.fetch<string | null>(
      '*[_type == "article"][0].author->familyName',
    )
    assert.equal(author, 'Yu')
  })

  it('refuses a delete by query and a dry run the same way', async () => {
    const before = await t.client.fetch<number>('count(*[_type in ["clinician", "faq"]])')
    await refused(t.client.delete({query: '*[_type in ["clinician", "faq"]]'}))
    await refused(t.client.mutate([{delete: {id: 'clinician-sloane-yu'}}], {dryRun: true}))
    assert.equal(await t.client.fetch<number>('count(*[_type in ["clinician", "faq"]])'), before)
  })

  it('the delete action fails for the clinic, with the action index', async () => {
    const {body} = await refused(
      t.client.action([
        {
          actionType: 'sanity.action.document.create',
          publishedId: 'faq-action-ok',
          attributes: {_id: 'drafts.faq-action-ok', _type: 'faq', question: 'Fine?'},
          ifExists: 'fail',
        },
        {
          actionType: 'sanity.action.document.delete',
          publishedId: 'clinic-allied-pain-spine',
          includeDrafts: [],
        },
      ]),
    )
    assert.equal(body.error.items.length, 1)
    assert.equal(body.error.items[0]!.index, 1)
    assert.equal(body.error.items[0]!.error.id, 'clinic-allied-pain-spine')
    assert.ok(body.error.items[0]!.error.referencingIDs!.includes('siteSettings'))
    assert.ok(await exists('clinic-allied-pain-spine'))
    assert.equal(await exists('drafts.faq-action-ok'), false)
  })

  it('unpublishing a referenced document fails; discarding a draft does not', async () => {
    await t.client.createOrReplace({_id: 'drafts.clinic-allied-pain-spine', _type: 'clinic'})
    await refused(
      t.client.action({
        actionType: 'sanity.action.document.unpublish',
        draftId: 'drafts.clinic-allied-pain-spine',
        publishedId: 'clinic-allied-pain-spine',
      }),
    )
    assert.ok(await exists('clinic-allied-pain-spine'))
    await t.client.action({
      actionType: 'sanity.action.document.discard',
      draftId: 'drafts.clinic-allied-pain-spine',
    })
    assert.equal(await exists('drafts.clinic-allied-pain-spine'), false)
  })

  it('discarding a draft that a published document references by its draft id fails', async () => {
    await t.client
      .transaction()
      .create({_id: 'drafts.clinic-pinned', _type: 'clinic'})
      .create({
        _id: 'clinician-pinned',
        _type: 'clinician',
        clinics: [{_key: 'a', _type: 'reference', _ref: 'drafts.clinic-pinned'}],
      })
      .commit()
    const {body} = await refused(
      t.client.action({
        actionType: 'sanity.action.document.discard',
        draftId: 'drafts.clinic-pinned',
      }),
    )
    assert.deepEqual(body.error.items[0]!.error.referencingIDs, ['clinician-pinned'])
    assert.ok(await exists('drafts.clinic-pinned'))
  })

  it('deleting the referencing and the referenced documents in one transaction works', async () => {
    await t.client
      .transaction()
      .create({_id: 'clinic-doomed', _type: 'clinic', name: 'Doomed'})
      .create({
        _id: 'clinician-doomed',
        _type: 'clinician',
        clinics: [{_key: 'a', _type: 'reference', _ref: 'clinic-doomed'}],
      })
      .commit()
    await refused(t.client.delete('clinic-doomed'))
    await t.client.transaction().delete('clinic-doomed').delete('clinician-doomed').commit()
    assert.equal(await exists('clinic-doomed'), false)
  })

  it('removing the reference and deleting its target in one transaction works', async () => {
    await t.client
      .transaction()
      .create({_id: 'clinic-moved', _type: 'clinic'})
      .create({
        _id: 'clinician-moved',
        _type: 'clinician',
        clinics: [{_key: 'a', _type: 'reference', _ref: 'clinic-moved'}],
      })
      .commit()
    await t.client
      .transaction()
      .delete('clinic-moved')
      .patch('clinician-moved', (p) => p.unset(['clinics[_key=="a"]']))
      .commit()
    assert.equal(await exists('clinic-moved'), false)
  })

  it('weak references, drafts and release versions do not block a deletion', async () => {
    await t.client
      .transaction()
      .create({_id: 'condition-loose', _type: 'condition', name: 'Loose'})
      .create({
        _id: 'faq-weakly',
        _type: 'faq',
        conditions: [{_key: 'a', _type: 'reference', _ref: 'condition-loose', _weak: true}],
      })
      .create({
        _id: 'drafts.faq-strongly',
        _type: 'faq',
        conditions: [{_key: 'a', _type: 'reference', _ref: 'condition-loose'}],
      })
      .create({
        _id: 'versions.spring.faq-strongly',
        _type: 'faq',
        conditions: [{_key: 'a', _type: 'reference', _ref: 'condition-loose'}],
      })
      .commit()
    await t.client.delete('condition-loose')
    assert.equal(await exists('condition-loose'), false)
    // The draft keeps its dangling reference; it is checked when it is published.
    await refused(
      t.client.action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.faq-strongly',
        publishedId: 'faq-strongly',
      }),
    )
    assert.ok(await exists('drafts.faq-strongly'))
  })
})

describe('writing a strong reference to a missing document', () => {
  it('fails with 409 for a reference nested in arrays and objects, and creates nothing', async () => {
    const {message, body} = await refused(
      t.client
        .transaction()
        .create({_id: 'faq-fine', _type: 'faq', question: 'Fine?'})
        .create({
          _id: 'article-dangling',
          _type: 'article',
          body: [
            {
              _key: 'b1',
              _type: 'block',
              markDefs: [
                {
                  _key: 'm1',
                  _type: 'internalLink',
                  reference: {_type: 'reference', _ref: 'nowhere'},
                },
              ],
            },
          ],
        })
        .commit(),
    )
    assert.deepEqual(body.error.items, [
      {
        index: 1,
        error: {
          type: 'documentReferenceDoesNotExistError',
          description: 'Document "article-dangling" references non-existent document "nowhere"',
          id: 'article-dangling',
          referenceID: 'nowhere',
        },
      },
    ])
    assert.match(message, /references non-existent document "nowhere"/)
    assert.equal(await exists('faq-fine'), false)
    assert.equal(await exists('article-dangling'), false)
  })

  it('a patch that adds a strong reference to a missing document fails', async () => {
    const {body} = await refused(
      t.client
        .patch('faq-what-is-chronic-migraine')
        .set({'medicalReview.reviewer': {_type: 'reference', _ref: 'clinician-ghost'}})
        .commit(),
    )
    assert.equal(body.error.items[0]!.error.referenceID, 'clinician-ghost')
  })

  it('a reference to a document created later in the same transaction is fine', async () => {
    await t.client
      .transaction()
      .create({
        _id: 'clinician-early',
        _type: 'clinician',
        clinics: [{_key: 'a', _type: 'reference', _ref: 'clinic-late'}],
      })
      .create({_id: 'clinic-late', _type: 'clinic'})
      .commit()
    assert.ok(await exists('clinician-early'))
  })

  it('weak references and cross-dataset references may point anywhere', async () => {
    await t.client.create({
      _id: 'faq-anywhere',
      _type: 'faq',
      conditions: [{_key: 'a', _type: 'reference', _ref: 'condition-none', _weak: true}],
      elsewhere: {_type: 'crossDatasetReference', _ref: 'x', _dataset: 'other'},
    })
    assert.ok(await exists('faq-anywhere'))
  })
})

describe('publishing strengthens references', () => {
  const draft = (ref: Record<string, unknown>) => ({
    _id: 'drafts.article-fresh',
    _type: 'article',
    title: 'Fresh',
    author: {_type: 'reference', _ref: 'clinician-fresh', ...ref},
  })

  it('a reference to an unpublished document stays weak in the draft and fails to publish strong', async () => {
    await t.client
      .transaction()
      .create({_id: 'drafts.clinician-fresh', _type: 'clinician', givenName: 'Fresh'})
      .create(draft({_weak: true, _strengthenOnPublish: {type: 'clinician'}}))
      .commit()
    const publish = {
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.article-fresh',
      publishedId: 'article-fresh',
    } as const
    const {body} = await refused(t.client.action(publish))
    assert.equal(body.error.items[0]!.error.type, 'documentReferenceDoesNotExistError')
    assert.equal(body.error.items[0]!.error.referenceID, 'clinician-fresh')

    await t.client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.clinician-fresh',
      publishedId: 'clinician-fresh',
    })
    await t.client.action(publish)
    const published = await t.client.getDocument('article-fresh')
    assert.deepEqual(published?.author, {_type: 'reference', _ref: 'clinician-fresh'})
    await refused(t.client.delete('clinician-fresh'))
  })

  it('a field declared weak keeps _weak and loses only the marker', async () => {
    await t.client.createOrReplace(
      draft({_weak: true, _strengthenOnPublish: {type: 'clinician', weak: true}}),
    )
    await t.client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.article-fresh',
      publishedId: 'article-fresh',
    })
    const published = await t.client.getDocument('article-fresh')
    assert.deepEqual(published?.author, {_type: 'reference', _ref: 'clinician-fresh', _weak: true})
  })

  it('a marker without _weak (as the Studio writes in a release) is left as it is', async () => {
    await t.client.createOrReplace(draft({_strengthenOnPublish: {type: 'clinician'}}))
    await t.client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.article-fresh',
      publishedId: 'article-fresh',
    })
    const published = await t.client.getDocument('article-fresh')
    assert.deepEqual(published?.author, {
      _type: 'reference',
      _ref: 'clinician-fresh',
      _strengthenOnPublish: {type: 'clinician'},
    })
  })
})

describe('the reference index after a restart', () => {
  it('still refuses to delete a referenced document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-lake-'))
    try {
      const first = await startLake({port: 0, dir, seed: SAMPLE_PATH, quiet: true})
      await first.close()
      const second = await startLake({port: 0, dir, seed: SAMPLE_PATH, quiet: true})
      try {
        const client = lakeClient(second.url, second.token)
        await refused(client.delete('clinic-allied-pain-spine'))
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
