// The real Studio signed in as a contributor: it may edit an FAQ's draft, and both the Studio
// (from the lake's grants) and the lake (on a direct request) refuse to publish it.
import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import {lakeClient} from '../helpers/lake'
import {openStudio, watchLakeFailures, type StudioSession} from '../helpers/studio'

const FAQ = 'faq-what-is-chronic-migraine'

let s: StudioSession
let token: string
/** Lake answers that mean the lake failed the Studio: 401, 403, 404 or 5xx from its origin. */
const lakeFailures: string[] = []
const consoleErrors: string[] = []

before(async () => {
  s = await openStudio()
  token = s.addUser('contributor')
  watchLakeFailures(s.page, s, {lakeFailures, consoleErrors})
})
after(async () => {
  if (s) {
    mkdirSync('test-results', {recursive: true})
    await s.page.screenshot({path: 'test-results/studio-roles.png'}).catch(() => undefined)
    await s.close()
  }
})

describe('a contributor in the Studio', () => {
  it('signs in and sees its role', async () => {
    await s.signIn(token)
    const me = await lakeClient(s.lake.url, token).request<{role: string}>({url: '/users/me'})
    assert.equal(me.role, 'contributor')
  })

  it('edits a published FAQ as a draft, and Publish stays disabled with the reason', async () => {
    const page = s.page
    await page.goto(`${s.studioUrl}/intent/edit/id=${FAQ};type=faq/`)
    const question = page.locator('input[id="question"]')
    // The first document pane loads the form, schema and grants: slow on a loaded machine.
    await question.waitFor({timeout: 90_000})
    await question.fill('What is chronic migraine, exactly?')
    const client = lakeClient(s.lake.url, s.lake.token)
    for (let i = 0; i < 100; i++) {
      const draft = await client.fetch<string | null>(
        '*[_id == $id][0].question',
        {id: `drafts.${FAQ}`},
        {perspective: 'raw'},
      )
      if (draft === 'What is chronic migraine, exactly?') break
      assert.ok(i < 99, 'the draft reached the lake')
      await new Promise((r) => setTimeout(r, 200))
    }
    const author = await fetch(
      `${s.lake.url}/v2025-02-19/data/history/production/transactions/drafts.${FAQ}`,
      {headers: {authorization: `Bearer ${s.lake.token}`}},
    ).then((r) => r.text())
    assert.match(author, /"author":"studio-contributor"/)
    const publish = page.getByTestId('action-publish')
    await publish.waitFor()
    // The verdict that holds, not one sample taken while the Studio is still checking.
    const deadline = Date.now() + 20_000
    while (!(await publish.isDisabled()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    assert.equal(await publish.isDisabled(), true, 'Publish is disabled for a contributor')
    await publish.hover({force: true})
    // The Studio's own reason, from the grants the lake answered for this user's role.
    const reason = page.getByText('You do not have permission to publish this document')
    await reason.waitFor({timeout: 10_000})
    assert.equal(await page.getByText('Insufficient permissions', {exact: true}).isVisible(), true)
    // Beside it, the review's reason: the question is medical text, changed since its approval.
    await page
      .getByText(/^Changed after Dr\. Sloane Yu approved it on .+: request a new review\.$/)
      .waitFor({timeout: 10_000})
    assert.equal(await page.getByText('Contributor', {exact: true}).isVisible(), true)
  })

  it('is refused a direct publish by the lake with 403, and nothing changes', async () => {
    const client = lakeClient(s.lake.url, token)
    const admin = lakeClient(s.lake.url, s.lake.token)
    // Its draft, as the Studio made it above; made here if that step did not run.
    const published = await admin.getDocument(FAQ)
    await client.createIfNotExists({...published!, _id: `drafts.${FAQ}`})
    const before = await admin.fetch(
      '*[_id in [$id, "drafts." + $id]]{_id, _rev}',
      {id: FAQ},
      {perspective: 'raw'},
    )
    const refused = await client
      .action({
        actionType: 'sanity.action.document.publish',
        draftId: `drafts.${FAQ}`,
        publishedId: FAQ,
      })
      .catch((error: {statusCode: number; response: {body: unknown}}) => error)
    assert.equal((refused as {statusCode: number}).statusCode, 403)
    const after = await admin.fetch(
      '*[_id in [$id, "drafts." + $id]]{_id, _rev}',
      {id: FAQ},
      {perspective: 'raw'},
    )
    assert.deepEqual(after, before)
  })

  it('met no lake failure along the way', () => {
    assert.deepEqual(lakeFailures, [], `console errors: ${consoleErrors.join('\n')}`)
  })
})
