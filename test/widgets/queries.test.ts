// The article query shows a medical review only when it is a clinician's approval: on a real
// lake, the sample's approved article shows Dr. Yu; a review typed in (no approval record or no
// fingerprint) shows nothing, so no byline or JSON-LD `reviewedBy` can come from it.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {startTestLake, type TestLake} from '../helpers/lake'
import {ARTICLE_QUERY, type ArticleQueryResult} from '../../widgets/content/queries'

const SLUG = 'prevent-headaches-with-botox'
const ARTICLE_ID = 'article-prevent-headaches-with-botox'

let lake: TestLake
before(async () => {
  lake = await startTestLake()
})
after(async () => {
  await lake?.close()
})

// A draft, read with the drafts perspective: the same query over a review nobody approved.
async function reviewWith(medicalReview: Record<string, unknown>) {
  const published = await lake.client.getDocument(ARTICLE_ID)
  assert.ok(published)
  await lake.client.createOrReplace({
    ...published,
    _id: `drafts.${ARTICLE_ID}`,
    medicalReview,
  })
  const result = await lake.client.fetch<ArticleQueryResult>(
    ARTICLE_QUERY,
    {slug: SLUG},
    {perspective: 'drafts'},
  )
  return result.article?.medicalReview
}

describe('ARTICLE_QUERY and the medical review', () => {
  it('shows the approved review of the sample article', async () => {
    const result = await lake.anonymous.fetch<ArticleQueryResult>(ARTICLE_QUERY, {slug: SLUG})
    assert.equal(result.article?.medicalReview?.reviewedAt, '2026-11-02')
    assert.equal(result.article?.medicalReview?.reviewer?.familyName, 'Yu')
  })

  it('hides a review without its approval record or fingerprint', async () => {
    const published = await lake.client.getDocument(ARTICLE_ID)
    const approved = published?.medicalReview as Record<string, unknown>
    assert.equal((await reviewWith(approved))?.reviewer?.familyName, 'Yu')
    const typedIn = {
      _type: 'medicalReview',
      reviewer: approved.reviewer,
      reviewedAt: '2026-11-02',
    }
    assert.equal(await reviewWith(typedIn), null)
    assert.equal(await reviewWith({...approved, record: undefined}), null)
    assert.equal(await reviewWith({...approved, fingerprint: undefined}), null)
  })
})
