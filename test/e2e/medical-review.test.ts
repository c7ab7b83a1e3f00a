// A clinician's sign-off in the real Studio on the real lake: an editor and Dr. Sloane Yu, each
// signed in with their own token in their own browser context, take an FAQ from draft to
// published through Request review and Approve; a changed word needs a new approval; four-eyes
// keeps Dr. Yu from approving her own edit; the Reviews view lists the trail. Dr. Yu reads the
// editor's note in Approve, Request changes and Reviews, and the FAQ list tells a text changed
// since her approval from a reviewed one.
import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {editorDate} from '../../model/review/state'
import {docsScreenshot} from '../helpers/docs-images'
import {lakeClient} from '../helpers/lake'
import {openStudio, watchLakeFailures, type StudioSession} from '../helpers/studio'
import {requestReviewFromYu} from '../helpers/approval'

const QUESTION = 'Can stress bring on a migraine attack?'
const ANSWER = 'Yes. Stress is a common trigger. Regular sleep and meals can help.'
const CHANGED_ANSWER = 'Yes. Stress is a frequent trigger. Regular sleep and meals can help.'
const YU = 'clinician-sloane-yu'
const NOTE = 'New FAQ for the migraine page: please check the trigger advice.'
const CHANGE_NOTE = 'I changed “common” to “frequent”: is that right?'
const raw = {perspective: 'raw'} as const

let s: StudioSession
let editor: Page
let yu: Page
let editorToken: string
let yuToken: string
let faqId = ''
const lakeFailures: string[] = []
const consoleErrors: string[] = []
/** What the Studio's @sanity/client warns about a request's options (e.g. `uri` for `url`). */
const clientWarnings: string[] = []

/** The lake failing the Studio on `page` (test/helpers/studio.ts watchLakeFailures). */
function watch(page: Page, who: string) {
  watchLakeFailures(page, s, {lakeFailures, consoleErrors}, who)
  page.on('console', (message) => {
    if (/request option has been renamed/.test(message.text()))
      clientWarnings.push(`${who}: ${message.text()}`)
  })
}

/** "Review requested from Dr. Sloane Yu by Content editor on <today>, hh:mm UTC". */
const REQUEST_LINE = () =>
  new RegExp(
    `Review requested from Dr\\. Sloane Yu by Content editor on ${editorDate(new Date().toISOString())}, \\d\\d:\\d\\d UTC`,
  )

/** The request card (studio/medical-review/dialog/RequestSummary.tsx) within `scope`, once it names the editor. */
async function requestCard(scope: Page | ReturnType<Page['getByRole']>) {
  const card = scope.getByTestId('review-request')
  await card.getByText(REQUEST_LINE()).waitFor({timeout: 30_000})
  return (await card.textContent()) ?? ''
}

/** The row of this FAQ in the All FAQs list open in `page`. */
const faqRow = (page: Page) => page.locator('a', {hasText: QUESTION})

async function openAllFaqs(page: Page) {
  await page.goto(`${s.studioUrl}/structure`)
  await page.getByText('FAQs', {exact: true}).first().click({timeout: 90_000})
  await page.getByText('All FAQs', {exact: true}).click()
  await faqRow(page).first().waitFor({timeout: 30_000})
}

/** Polls the lake (raw, lake token) until `query` answers a truthy value. */
async function untilLake<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  const client = lakeClient(s.lake.url, s.lake.token)
  const deadline = Date.now() + 30_000
  for (;;) {
    const value = await client.fetch<T>(query, params, raw)
    if (value) return value
    if (Date.now() > deadline) throw new Error(`the lake never answered ${query} with a value`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Whether `check` comes to be true and stays so for `holdMs` in a row, within 30 s. */
async function holds(check: () => Promise<boolean>, holdMs = 1500): Promise<boolean> {
  const deadline = Date.now() + 30_000
  let since = 0
  while (Date.now() < deadline) {
    if (!(await check())) since = 0
    else if (!since) since = Date.now()
    else if (Date.now() - since >= holdMs) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

/** The tooltip of a disabled main action: hover it and wait for the tooltip with the text. */
async function tooltipOf(page: Page, testId: string, text: string | RegExp) {
  await page.getByTestId(testId).hover({force: true})
  // The form may show the same words as a validation message: only the tooltip counts here.
  // The Studio keeps closed tooltips in the page, hidden: the open one is the visible one.
  const open = page.locator('[data-ui="Tooltip"]').filter({visible: true})
  await open.getByText(text).first().waitFor({timeout: 15_000})
}

/** The draft's transactions (author, documents), for messages when a four-eyes check fails. */
async function draftHistory(): Promise<string> {
  const url = `${s.lake.url}/v2025-02-19/data/history/production/transactions/drafts.${faqId}?excludeContent=true`
  const body = await fetch(url, {headers: {authorization: `Bearer ${s.lake.token}`}})
  return body.text()
}

async function openFaq(page: Page) {
  await page.goto(`${s.studioUrl}/intent/edit/id=${faqId};type=faq/`)
  await page.locator('input[id="question"]').waitFor({timeout: 90_000})
}

/** Opens the action menu and clicks the item. */
async function menuAction(page: Page, label: string) {
  await page.getByTestId('action-menu-button').click()
  await page.getByRole('menuitem', {name: label}).click()
}

before(async () => {
  s = await openStudio()
  editorToken = s.addSampleUser('editor')
  yuToken = s.addSampleUser(YU)
  editor = s.page
  watch(editor, 'editor')
  await s.signIn(editorToken)
  yu = await s.openSignedIn(yuToken)
  watch(yu, 'Dr. Yu')
})
after(async () => {
  if (s) {
    mkdirSync('test-results', {recursive: true})
    await editor?.screenshot({path: 'test-results/medical-review-editor.png'}).catch(() => {})
    await yu?.screenshot({path: 'test-results/medical-review-yu.png'}).catch(() => {})
    await docsScreenshot(yu, 'medical-review.png')
    await s.close()
  }
})

describe('medical review in the Studio', () => {
  it('a new FAQ starts unreviewed, and Publish says why it is disabled', async () => {
    await editor.goto(`${s.studioUrl}/intent/create/template=faq;type=faq/`)
    const question = editor.locator('input[id="question"]')
    await question.waitFor({timeout: 90_000})
    await question.fill(QUESTION)
    await editor.locator('[contenteditable="true"]').first().click()
    await editor.keyboard.type(ANSWER)
    await editor.getByRole('tab', {name: 'All fields'}).click()
    await editor.getByLabel('Category').selectOption({label: 'Conditions'})
    const draft = await untilLake<{_id: string; medicalReview?: unknown}>(
      '*[_id in path("drafts.**") && question == $q && category == "conditions" && count(answer) > 0][0]',
      {q: QUESTION},
    )
    faqId = draft._id.replace(/^drafts\./, '')
    assert.equal(draft.medicalReview, undefined, 'no review is pre-filled')
    // The source an FAQ needs to publish, added with the editor's own token.
    await lakeClient(s.lake.url, editorToken)
      .patch(draft._id)
      .setIfMissing({sources: []})
      .append('sources', [
        {_key: 'who', _type: 'citation', title: 'Headache disorders', publisher: 'WHO'},
      ])
      .commit()
    const publish = editor.getByTestId('action-publish')
    assert.equal(await holds(() => publish.isDisabled()), true, 'Publish stays disabled')
    await tooltipOf(editor, 'action-publish', /^Not reviewed: a clinician must approve this text/)
  })

  it('the editor requests a review from Dr. Yu, and never sees Approve', async () => {
    await requestReviewFromYu(editor, NOTE)
    const request = await untilLake<{requestedBy: string; reviewer: string; note: string}>(
      '*[_id == $id && reviewRequest.status == "inReview"][0].reviewRequest{requestedBy, "reviewer": reviewer._ref, note}',
      {id: `drafts.${faqId}`},
    )
    assert.deepEqual(request, {requestedBy: 'editor', reviewer: YU, note: NOTE})
    assert.equal(await editor.getByTestId('action-approve').count(), 0)
    await editor.getByTestId('action-menu-button').click()
    await editor.getByRole('menuitem', {name: 'Change review request'}).waitFor()
    assert.equal(await editor.getByRole('menuitem', {name: 'Approve'}).count(), 0)
    await editor.keyboard.press('Escape')
  })

  it('Dr. Yu finds it waiting for her review and approves it', async () => {
    await yu.getByText('Waiting for my review', {exact: true}).click()
    await yu.getByText(QUESTION).first().click()
    const approve = yu.getByTestId('action-approve')
    await approve.waitFor({timeout: 90_000})
    // The Reviews view tells her the review is asked of her, with the editor's note.
    await yu.getByRole('tab', {name: 'Reviews'}).click()
    const inReviews = await requestCard(yu)
    assert.match(inReviews, /^In review/)
    assert.ok(inReviews.includes(NOTE), inReviews)
    assert.equal(await yu.getByText(/No review yet/).count(), 0)
    assert.equal(await holds(() => approve.isEnabled()), true, 'Approve is enabled for Dr. Yu')
    await approve.click()
    const dialog = yu.getByRole('dialog')
    await dialog.getByText('This text has not been approved before.').waitFor()
    const inApprove = await requestCard(dialog)
    assert.ok(inApprove.includes(`Note from Content editor“${NOTE}”`), inApprove)
    await dialog.getByRole('button', {name: 'Approve text'}).click()
    await dialog.waitFor({state: 'detached'})
    const review = await untilLake<{record: string; approvedBy: string; request: unknown}>(
      '*[_id == $id && defined(medicalReview.record)][0]{"record": medicalReview.record, "approvedBy": medicalReview.approvedBy, "request": reviewRequest}',
      {id: `drafts.${faqId}`},
    )
    assert.equal(review.approvedBy, YU)
    assert.equal(review.request, null, 'the request is done')
    assert.match(review.record, new RegExp(`^reviews\\.${faqId}\\.`))
  })

  it('the editor publishes, and readers see the review', async () => {
    const publish = editor.getByTestId('action-publish')
    assert.equal(await holds(() => publish.isEnabled()), true, 'Publish is enabled once approved')
    await publish.click()
    const anonymous = lakeClient(s.lake.url)
    const deadline = Date.now() + 30_000
    let published: {reviewedBy?: string; reviewedAt?: string} | null = null
    while (!published && Date.now() < deadline) {
      published = await anonymous.fetch(
        '*[_id == $id][0]{"reviewedBy": medicalReview.reviewerName, "reviewedAt": medicalReview.reviewedAt}',
        {id: faqId},
      )
      if (!published) await new Promise((r) => setTimeout(r, 200))
    }
    assert.deepEqual(published, {
      reviewedBy: 'Dr. Sloane Yu',
      reviewedAt: new Date().toISOString().slice(0, 10),
    })
    // The trail stays private: a reader without a token does not see the records.
    assert.equal(await anonymous.fetch('count(*[_type == "reviewRecord"])'), 0)
  })

  it('one changed word disables Publish until a new approval, and the list says so', async () => {
    // Dr. Yu's list of FAQs reads the approved text as reviewed…
    await openAllFaqs(yu)
    await faqRow(yu)
      .getByText(/^Reviewed by Dr\. Sloane Yu · due /)
      .waitFor({timeout: 30_000})
    await openFaq(editor)
    // One word changes: the answer is typed again with "frequent" for "common".
    await editor.locator('[contenteditable="true"]').first().click()
    await editor.keyboard.press('ControlOrMeta+a')
    await editor.keyboard.insertText(CHANGED_ANSWER)
    await untilLake('*[_id == $id && answer[0].children[0].text == $text][0]._id', {
      id: `drafts.${faqId}`,
      text: CHANGED_ANSWER,
    })
    const publish = editor.getByTestId('action-publish')
    assert.equal(await holds(() => publish.isDisabled()), true, 'Publish stays disabled')
    const today = editorDate(new Date().toISOString())
    await tooltipOf(
      editor,
      'action-publish',
      `Changed after Dr. Sloane Yu approved it on ${today}: request a new review.`,
    )
    // …and the changed one as changed since her review, not as reviewed.
    await faqRow(yu)
      .getByText('Changed since Dr. Sloane Yu’s review · needs review')
      .waitFor({timeout: 30_000})
    assert.equal(
      await faqRow(yu)
        .getByText(/Reviewed by/)
        .count(),
      0,
    )
  })

  it('Dr. Yu reads the editor’s note, and asks for changes with hers', async () => {
    await requestReviewFromYu(editor, CHANGE_NOTE)
    await untilLake('*[_id == $id && reviewRequest.status == "inReview"][0]._id', {
      id: `drafts.${faqId}`,
    })
    await openFaq(yu)
    await yu.getByTestId('action-approve').waitFor({timeout: 60_000})
    await menuAction(yu, 'Request changes')
    const dialog = yu.getByRole('dialog')
    const inRequestChanges = await requestCard(dialog)
    assert.ok(inRequestChanges.includes(`“${CHANGE_NOTE}”`), inRequestChanges)
    await dialog.getByLabel('What needs to change').fill('Say how often stress is the trigger.')
    await dialog.getByRole('button', {name: 'Send back'}).click()
    await dialog.waitFor({state: 'detached'})
    await untilLake('*[_id == $id && reviewRequest.status == "changesRequested"][0]._id', {
      id: `drafts.${faqId}`,
    })
  })

  it('with four-eyes on, Dr. Yu cannot approve a draft she edited', async () => {
    await requestReviewFromYu(editor)
    await untilLake('*[_id == $id && reviewRequest.status == "inReview"][0]._id', {
      id: `drafts.${faqId}`,
    })
    const approve = yu.getByTestId('action-approve')
    await approve.waitFor({timeout: 60_000})
    // Her change request was no edit of the text: she may still approve, until she edits.
    assert.equal(
      await holds(() => approve.isEnabled()),
      true,
      `Approve is enabled before her edit; the draft's history: ${await draftHistory()}`,
    )
    await yu.locator('input[id="question"]').fill(`${QUESTION.slice(0, -1)}, really?`)
    await untilLake('*[_id == $id && question match "really"][0]._id', {id: `drafts.${faqId}`})
    assert.equal(await holds(() => approve.isDisabled()), true, 'Approve stays disabled')
    await tooltipOf(
      yu,
      'action-approve',
      /^You wrote changes in this draft since its last approval/,
    )
  })

  it('the Reviews view lists the approval and the change request, with the changed word', async () => {
    await editor.getByRole('tab', {name: 'Reviews'}).click()
    const records = editor.getByTestId('review-record')
    await records.nth(1).waitFor({timeout: 20_000})
    assert.equal(await records.count(), 2)
    // Newest first: the change request, then the approval with its diff.
    assert.match((await records.nth(0).textContent()) ?? '', /Changes requested.*Dr\. Sloane Yu/)
    assert.match((await records.nth(0).textContent()) ?? '', /Say how often stress is the trigger/)
    assert.match((await records.nth(1).textContent()) ?? '', /Approved.*Dr\. Sloane Yu/)
    const diff = records.nth(1).getByTestId('review-diff')
    assert.deepEqual(await diff.locator('del').allTextContents(), ['attack?', 'common'])
    assert.deepEqual(await diff.locator('ins').allTextContents(), ['attack, really?', 'frequent'])
  })

  it('a clinician’s Studio user shows who it is, and an id that matches no user says so', async () => {
    await editor.goto(`${s.studioUrl}/intent/edit/id=${YU};type=clinician/`)
    await editor.getByRole('tab', {name: 'Credentials'}).click({timeout: 90_000})
    const linked = editor.getByTestId('linked-user')
    await linked.waitFor({timeout: 30_000})
    assert.match((await linked.textContent()) ?? '', /Dr\. Sloane Yu.*clinician-sloane-yu/)
    // A draft naming an id no user has (as an import might write it).
    const admin = lakeClient(s.lake.url, s.lake.token)
    const clinician = await admin.getDocument(YU)
    await admin.createOrReplace({...clinician!, _id: `drafts.${YU}`, linkedUser: 'dr-nobody'})
    await editor
      .getByTestId('linked-user-missing')
      .getByText('No Studio user with id “dr-nobody”')
      .waitFor({timeout: 30_000})
  })

  it('met no lake failure along the way', () => {
    assert.deepEqual(lakeFailures, [], `console errors: ${consoleErrors.join('\n')}`)
  })

  it('the client warned about no request option (the history is read with `url`)', () => {
    assert.deepEqual(clientWarnings, [])
  })
})
