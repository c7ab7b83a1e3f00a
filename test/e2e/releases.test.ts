// The real Studio on the lake: "Discard changes" from the document pane (the open form shows the
// published text at once), and a release made in the Releases tool, its changed FAQs reviewed in
// the release (the editor requests, Dr. Yu approves in her own browser), scheduled there, and
// published by the lake's scheduler at that time on a test clock. (Releases and the scheduler are also tested
// with @sanity/client in test/lake/releases.test.ts.)
import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import type {Page, Response} from 'playwright-core'
import {lakeClient} from '../helpers/lake'
import {openStudio, type StudioSession} from '../helpers/studio'
import {requestReviewFromYu} from '../helpers/approval'

/** The lake's clock runs `offsetMs` ahead of real time: the release scenario moves it forward. */
const clock = {offsetMs: 0}
let s: StudioSession
/** Lake answers of 4xx/5xx to the Studio, and the Studio's console errors and toasts. */
const failures: string[] = []
/** Collects the page's failed lake answers, console errors and page errors into `failures`. */
function watch(page: Page) {
  page.on('response', (response: Response) => {
    if (response.status() >= 400)
      failures.push(`${response.status()} ${response.request().method()} ${response.url()}`)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`))
}
before(async () => {
  s = await openStudio({now: () => new Date(Date.now() + clock.offsetMs)})
  watch(s.page)
})
after(async () => {
  if (s) {
    mkdirSync('test-results', {recursive: true})
    await s.page.screenshot({path: 'test-results/releases.png'}).catch(() => undefined)
    await s.close()
  }
})

const raw = {perspective: 'raw'} as const

async function until<T>(
  read: () => Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Waits until `read` answers the same (non-null) value for `quietMs`: no save is still on its way. */
async function settled<T>(read: () => Promise<T>, what: string, quietMs = 1500): Promise<T> {
  let value: T = await until(read, what)
  for (let since = Date.now(); Date.now() - since < quietMs;) {
    await new Promise((r) => setTimeout(r, 200))
    const now = await read()
    if (now !== value) [value, since] = [now, Date.now()]
  }
  return value
}

/**
 * Lake-caused failures of the parts under test: error answers of the document, query, listen and
 * release routes, and the Studio's errors about actions and releases. (Presence sockets and
 * document history are served elsewhere; the Studio's npm version check has no network here.)
 */
const UNDER_TEST =
  /\/data\/(actions|query|listen|mutate|doc)\/|new-content-release-allowed|An error occurred during|release/i
function lakeFailures(): string[] {
  return failures.filter((failure) => UNDER_TEST.test(failure))
}

describe('document actions in the Studio', () => {
  it('discards an edited FAQ’s draft from the document pane, without an error', async () => {
    const client = lakeClient(s.lake.url, s.lake.token)
    const page = s.page
    await page.goto(`${s.studioUrl}/#token=${s.lake.token}`)
    await page.getByText('FAQs', {exact: true}).click()
    await page.getByText('All FAQs', {exact: true}).click()
    await page.getByText('What is chronic migraine?', {exact: true}).first().click()
    const question = page.getByLabel('Question')
    await question.waitFor()
    await question.fill('What is chronic migraine, really?')
    // The whole edit saved, and no save still on its way (its revision holds): a later save would
    // start a new draft after the discard.
    const draftRev = () =>
      client.fetch<string | null>(
        '*[_id == "drafts.faq-what-is-chronic-migraine" && question == $q][0]._rev',
        {q: 'What is chronic migraine, really?'},
        raw,
      )
    await settled(draftRev, 'the autosaved draft')
    await page.getByTestId('action-menu-button').click()
    await page.getByRole('menuitem', {name: 'Discard changes'}).click()
    await page
      .getByRole('dialog')
      .getByRole('button', {name: /^(Discard|Confirm)/})
      .click()
    await until(
      async () =>
        (await client.fetch('count(*[_id == "drafts.faq-what-is-chronic-migraine"])', {}, raw)) ===
        0,
      'the draft to be gone',
    )
    // The open form follows the lake's deletion event: the published question, without reopening.
    await until(
      async () => (await question.inputValue()) === 'What is chronic migraine?',
      'the open form to show the published question',
      5_000,
    )
    assert.equal(await page.getByText('An error occurred during discardChanges').count(), 0)
    assert.deepEqual(lakeFailures(), [])
  })
})

/** The two FAQs the release changes; both show in the demo page's live "conditions" list. */
const RELEASED = [
  {
    id: 'faq-are-headaches-common',
    from: 'Are headaches common?',
    to: 'Are headaches really common?',
  },
  {
    id: 'faq-is-every-headache-a-migraine',
    from: 'If I have migraines, is every headache I get a migraine?',
    to: 'With migraines, is every headache a migraine?',
  },
]

/** `date` as the Releases tool's date field reads it ("PP HH:mm", the browser's time zone). */
function studioDateText(page: StudioSession['page'], date: Date): Promise<string> {
  // No named functions inside: tsx wraps those in a helper (`__name`) the page does not have.
  return page.evaluate((iso) => {
    const d = new Date(iso)
    const [hours, minutes] = [d.getHours(), d.getMinutes()].map((n) => String(n).padStart(2, '0'))
    const month = d.toLocaleString('en-US', {month: 'short'})
    return `${month} ${d.getDate()}, ${d.getFullYear()} ${hours}:${minutes}`
  }, date.toISOString())
}

/**
 * Dr. Yu opens the FAQ in the release's perspective and approves the version's text; done once
 * the lake holds her approval on the version.
 */
async function approveInRelease(yu: Page, releaseId: string, faqId: string) {
  const client = lakeClient(s.lake.url, s.lake.token)
  // The version starts with the published FAQ's approval: done is a new record and no request.
  const approved = () =>
    client.fetch<boolean>(
      `count(*[_id == $version && !defined(reviewRequest)
        && medicalReview.approvedBy == "clinician-sloane-yu"
        && medicalReview.record != *[_id == $published][0].medicalReview.record]) == 1`,
      {version: `versions.${releaseId}.${faqId}`, published: faqId},
      raw,
    )
  await yu.goto(`${s.studioUrl}/intent/edit/id=${faqId};type=faq/?perspective=${releaseId}`)
  const approve = yu.getByTestId('action-approve')
  await approve.waitFor({timeout: 90_000})
  const approveText = yu.getByRole('dialog').getByRole('button', {name: 'Approve text'})
  // While the pane settles on the release version, a click on Approve may open nothing and an
  // open dialog may close again: each round looks at the lake first, then opens the dialog or
  // presses its button, whichever is due. A pressed button is busy until the approval is in.
  const quick = {timeout: 2_000}
  await until(
    async () => {
      if (await approved()) return true
      if (!(await approveText.isVisible())) {
        if (await approve.isEnabled(quick).catch(() => false))
          await approve.click(quick).catch(() => undefined)
        return false
      }
      if (await approveText.isEnabled(quick).catch(() => false))
        await approveText.click(quick).catch(() => undefined)
      return false
    },
    `Dr. Yu's approval of the ${faqId} version`,
    90_000,
  )
  await approveText.waitFor({state: 'detached'})
}

describe('a release in the Releases tool', () => {
  it('is created with two FAQs, scheduled, and published by the lake at that time only', async () => {
    const client = lakeClient(s.lake.url, s.lake.token)
    const anonymous = lakeClient(s.lake.url)
    const page = s.page
    const title = 'Spring FAQ refresh'
    await page.goto(`${s.studioUrl}/#token=${s.lake.token}`)
    await page.getByRole('link', {name: 'Releases'}).click()
    await page.getByRole('button', {name: 'New release'}).first().click()
    await page.getByTestId('release-form-title').fill(title)
    await page.getByTestId('submit-release-button').click()
    const releaseId = await until(
      () =>
        client.fetch<string | null>(
          '*[_type == "system.release" && metadata.title == $title][0].name',
          {title},
          raw,
        ),
      'the release',
    )
    // The Studio opens the new release and makes it the perspective: edits go into it.
    await page.waitForURL(new RegExp(`/releases/${releaseId}`))

    await page.getByRole('link', {name: 'Structure'}).click()
    await page.getByText('FAQs', {exact: true}).click()
    await page.getByText('All FAQs', {exact: true}).click()
    for (const faq of RELEASED) {
      await page.getByText(faq.from, {exact: true}).first().click()
      await page.getByRole('button', {name: 'Add to release'}).click()
      const question = page.getByLabel('Question')
      await until(() => question.isEditable(), `the ${faq.id} version to be editable`)
      await question.fill(faq.to)
      await settled(
        () =>
          client.fetch<string | null>(
            '*[_id == $id && question == $q][0]._rev',
            {id: `versions.${releaseId}.${faq.id}`, q: faq.to},
            raw,
          ),
        `the ${faq.id} version`,
      )
      // A changed question needs Dr. Yu's approval of the version before the release may publish
      // it (the lake refuses a published review that no longer matches the text): the editor asks
      // for it in the release perspective, so the request goes onto the version.
      await requestReviewFromYu(page)
      await until(
        () =>
          client.fetch<boolean>(
            'count(*[_id == $id && reviewRequest.status == "inReview" && reviewRequest.reviewer._ref == "clinician-sloane-yu"]) == 1',
            {id: `versions.${releaseId}.${faq.id}`},
            raw,
          ),
        `the review request on the ${faq.id} version`,
      )
    }

    // Dr. Yu, in her own browser, approves each version in the release perspective.
    const yu = await s.openSignedIn(s.addSampleUser('clinician-sloane-yu'))
    watch(yu)
    try {
      for (const faq of RELEASED) {
        const id = `versions.${releaseId}.${faq.id}`
        await approveInRelease(yu, releaseId, faq.id)
        const review = await until(
          () =>
            client.fetch<{approvedBy: string; record: string; request: unknown} | null>(
              '*[_id == $id && defined(medicalReview.record) && medicalReview.approvedBy == "clinician-sloane-yu"][0]{"approvedBy": medicalReview.approvedBy, "record": medicalReview.record, "request": reviewRequest}',
              {id},
              raw,
            ),
          `Dr. Yu's approval on the ${faq.id} version`,
        )
        assert.equal(review.request, null, 'the request is done')
        const record = await client.fetch<{revision: string; text: string} | null>(
          '*[_id == $record][0]{revision, text}',
          {record: review.record},
          raw,
        )
        assert.ok(record?.text.includes(faq.to), `the record holds the version's question`)
        // The draft was never written: the review happened on the version.
        assert.equal(await client.getDocument(`drafts.${faq.id}`), undefined)
      }
    } finally {
      await yu.context().close()
    }

    // Schedule it: "At time" in the release's type picker, then "Schedule release…" and confirm.
    await page.getByRole('link', {name: 'Releases'}).click()
    await page.getByText(title, {exact: true}).first().click()
    const publishAt = new Date(Date.now() + 24 * 3600_000)
    publishAt.setUTCSeconds(0, 0)
    await page.getByTestId('release-type-picker').click()
    await page.locator('#release-timing-at-time-tab').click()
    const dateInput = page.getByTestId('date-input')
    await dateInput.fill(await studioDateText(page, publishAt))
    await dateInput.press('Enter')
    // The picker saves its choice when it closes, on a click outside it.
    await page.mouse.click(900, 750)
    await until(
      () =>
        client.fetch<boolean>(
          'count(*[_id == $id && metadata.releaseType == "scheduled" && metadata.intendedPublishAt == $at]) == 1',
          {id: `_.releases.${releaseId}`, at: publishAt.toISOString()},
          raw,
        ),
      'the release to be planned for that time',
    )
    await page.getByTestId('schedule-button').click()
    await page.getByTestId('confirm-schedule-dialog').getByTestId('confirm-button').click()
    const scheduled = await until(
      () =>
        client.fetch<{state: string; publishAt: string} | null>(
          '*[_id == $id && state == "scheduled"][0]{state, publishAt}',
          {id: `_.releases.${releaseId}`},
          raw,
        ),
      'the release to be scheduled',
    )
    assert.equal(Date.parse(scheduled.publishAt), publishAt.getTime())

    // A partner-style page with the live FAQ list is open before the release goes out.
    const demo = await s.browser.newPage()
    const listed = () =>
      demo.evaluate(() => document.querySelector('#demo-conditions')?.shadowRoot?.textContent ?? '')
    const published = () =>
      anonymous.fetch<string[]>('*[_id in $ids].question | order(@ asc)', {
        ids: RELEASED.map((faq) => faq.id),
      })
    const before = RELEASED.map((faq) => faq.from).sort()
    const after = RELEASED.map((faq) => faq.to).sort()
    try {
      await demo.goto(`${s.lake.url}/demo/`)
      await until(async () => {
        const text = await listed()
        return before.every((q) => text.includes(q))
      }, 'the demo page to list the published questions')
      // A minute before its time nothing is due: readers still see the published FAQs.
      clock.offsetMs = publishAt.getTime() - 60_000 - Date.now()
      assert.equal(await s.lake.scheduler.tick(), 0)
      assert.deepEqual(await published(), before)
      // At its time the lake publishes it, both FAQs at once, and the open page follows.
      clock.offsetMs = publishAt.getTime() + 1000 - Date.now()
      assert.equal(await s.lake.scheduler.tick(), 1)
      assert.deepEqual(await published(), after)
      await until(async () => {
        const text = await listed()
        return after.every((q) => text.includes(q)) && !before.some((q) => text.includes(q))
      }, 'the demo page to show the released questions')
      const release = await client.fetch<{state: string; publishedAt: string}>(
        '*[_id == $id][0]{state, publishedAt}',
        {id: `_.releases.${releaseId}`},
        raw,
      )
      assert.equal(release.state, 'published')
      assert.ok(Date.parse(release.publishedAt) >= publishAt.getTime())
      // The Releases tool shows it published.
      await page.getByText('This release is published successfully.').waitFor()
    } finally {
      await demo.close()
    }
    assert.deepEqual(lakeFailures(), [])
  })
})
