// The Studio's history pane, restore, presence and comments on the lake, in real Chromium: an edit
// shows in History and Review changes, an earlier revision is restored, two editors on one FAQ see
// each other, and a comment on a field is added, resolved and reopened. Every page's console and
// requests are recorded; the test fails on anything the lake caused (a request to its origin that
// fails or answers 4xx/5xx, or a Studio error about its routes).
import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {lakeClient} from '../helpers/lake'
import {openStudio, type StudioSession} from '../helpers/studio'

let s: StudioSession
const problems: string[] = []
const sockets: string[] = []

/** Records what on this page went wrong because of the lake. */
function watch(page: Page, name: string): void {
  const lakePort = new URL(s.lake.tlsUrl!).port
  const isLake = (url: string) => new URL(url).port === lakePort
  page.on('response', (response) => {
    if (isLake(response.url()) && response.status() >= 400)
      problems.push(
        `${name}: ${response.status()} ${response.request().method()} ${response.url()}`,
      )
  })
  page.on('requestfailed', (request) => {
    // Listen streams are aborted when the Studio moves on; that is the browser, not the lake.
    if (isLake(request.url()) && request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`${name}: ${request.failure()?.errorText} ${request.url()}`)
  })
  page.on('console', (message) => {
    const text = message.text()
    if (
      message.type() === 'error' &&
      /\/data\/|\/socket\/|Error fetching|history|WebSocket/i.test(text) &&
      // Chromium's words when the Studio sends on a socket the browser is closing because the
      // page navigates away: the page's own teardown, whatever the server does.
      text !== 'WebSocket is already in CLOSING or CLOSED state.'
    )
      problems.push(`${name}: console: ${text.slice(0, 300)}`)
  })
  page.on('websocket', (ws) => {
    sockets.push(`${name}: ${ws.url()}`)
    ws.on('socketerror', (error) => problems.push(`${name}: socket error ${error}`))
  })
}

before(async () => {
  s = await openStudio()
  watch(s.page, 'editor A')
})
after(async () => {
  if (s) {
    mkdirSync('test-results', {recursive: true})
    await s.page.screenshot({path: 'test-results/history-presence.png'}).catch(() => undefined)
    await s.close()
  }
})

const FAQ = 'faq-what-is-chronic-migraine'
const raw = {perspective: 'raw'} as const

async function waitForLake<T>(
  query: string,
  params: Record<string, unknown> = {},
  dataset = 'production',
): Promise<T> {
  const client = lakeClient(s.lake.url, s.lake.token).withConfig({dataset})
  for (let i = 0; i < 150; i++) {
    // The comments dataset exists only once the Studio has made it for the first comment: until
    // then the lake answers 404, which means "not yet" here.
    const value = await client
      .fetch<T>(query, params, raw)
      .catch((error: {statusCode?: number}) => {
        if (error.statusCode === 404) return null
        throw error
      })
    if (value) return value
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`the lake never answered ${query} with a value`)
}

async function openFaq(page: Page): Promise<void> {
  await page.goto(`${s.studioUrl}/#token=${s.lake.token}`)
  await page.getByText('Clinicians', {exact: true}).waitFor()
  await page.goto(`${s.studioUrl}/intent/edit/id=${FAQ};type=faq`)
  await page.getByLabel('Question').first().waitFor()
}

describe('history, restore, presence and comments in the Studio on the lake', () => {
  let original: string

  it('shows an edit in History and Review changes', async () => {
    original = await waitForLake<string>('*[_id == $id][0].question', {id: FAQ})
    await openFaq(s.page)
    await s.page.getByLabel('Question').first().fill(`${original} (edited)`)
    await waitForLake('*[_id == $id && question == $q][0]._id', {
      id: `drafts.${FAQ}`,
      q: `${original} (edited)`,
    })
    await s.page.getByRole('button', {name: 'Review changes'}).first().click()
    await s.page.getByText('(edited)', {exact: false}).last().waitFor()
    await s.page.getByText('History', {exact: true}).click()
    await s.page.getByText('Draft created').first().waitFor()
    await s.page.getByText('Edited').first().waitFor()
  })

  it('restores the revision from before the edit', async () => {
    await s.page.getByText('Draft created').first().click()
    await s.page.getByRole('button', {name: 'Revert to revision'}).click()
    await s.page.getByRole('button', {name: 'Confirm'}).click()
    const restored = await waitForLake<string>('*[_id == $id && question == $q][0].question', {
      id: `drafts.${FAQ}`,
      q: original,
    })
    assert.equal(restored, original)
  })

  it('shows two editors on one FAQ to each other', async () => {
    // A second browser context: its own session storage, so its own presence session.
    const other = await s.browser.newContext({viewport: {width: 1400, height: 900}})
    const page = await other.newPage()
    watch(page, 'editor B')
    try {
      await openFaq(page)
      await s.page.goto(`${s.studioUrl}/intent/edit/id=${FAQ};type=faq`)
      await s.page.getByTestId('document-level-presence').waitFor()
      await page.getByTestId('document-level-presence').waitFor()
    } finally {
      await other.close()
    }
  })

  it('adds a comment on the question, resolves it and reopens it', async () => {
    const comment = (status: string) =>
      waitForLake<{_id: string; field: string} | null>(
        '*[_type == "comment" && status == $status && target.document._ref == $id][0]{_id, "field": target.path.field}',
        {status, id: FAQ},
        'production-comments',
      )
    const page = s.page
    await page.goto(`${s.studioUrl}/intent/edit/id=${FAQ};type=faq`)
    const question = page.getByLabel('Question').first()
    await question.waitFor()
    // A field's comment button shows while the pointer is over the field.
    await question.hover()
    await page.getByRole('button', {name: 'Add comment'}).first().click()
    await page.getByTestId('comment-input-editable').first().click()
    await page.keyboard.type('Please check the wording')
    await page.getByTestId('comment-input-send-button').first().click()
    const added = await comment('open')
    assert.equal(added?.field, 'question')
    // The first time the Comments panel opens, Sanity's onboarding popover covers its top; it
    // stays until dismissed.
    // More than one onboarding popover may be up at once: dismiss each (role locators count
    // only the ones shown).
    const gotIt = page.getByRole('button', {name: 'Got it'})
    await gotIt.first().waitFor()
    for (let shown = await gotIt.count(); shown > 0;) {
      await gotIt.first().click()
      const was = shown
      for (let i = 0; i < 150 && shown >= was; i++) {
        await new Promise((r) => setTimeout(r, 200))
        shown = await gotIt.count()
      }
      assert.ok(shown < was, 'a dismissed onboarding popover closes')
    }
    await page.getByText('Please check the wording').first().hover()
    await page.getByRole('button', {name: 'Mark comment as resolved'}).first().click()
    assert.equal((await comment('resolved'))?._id, added?._id)
    await page.getByRole('button', {name: 'Open', exact: true}).click()
    await page
      .getByRole('menuitem', {name: /Resolved/})
      .first()
      .click()
    await page.getByText('Please check the wording').first().hover()
    await page.getByRole('button', {name: 'Re-open'}).first().click()
    assert.equal((await comment('open'))?._id, added?._id)
  })

  it('left nothing the lake caused in the consoles or the network logs', () => {
    assert.deepEqual(problems, [])
    assert.ok(sockets.length >= 2, `presence sockets opened: ${sockets.join(', ')}`)
  })
})
