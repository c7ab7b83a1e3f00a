// The real Sanity Studio editing the sample content on the local lake, offline.
import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {after, before, describe, it} from 'node:test'
import {chromium} from 'playwright-core'
import sharp from 'sharp'
import {medicalReviewOf, newRecord} from '../../studio/medical-review/data/records'
import {lakeClient} from '../helpers/lake'
import {CHROMIUM_ARGS} from '../helpers/chromium'
import {docsScreenshot} from '../helpers/docs-images'
import {openStudio, type StudioSession} from '../helpers/studio'

let s: StudioSession
before(async () => {
  s = await openStudio()
})
after(async () => {
  if (s) {
    mkdirSync('test-results', {recursive: true})
    await s.page.screenshot({path: 'test-results/studio.png'}).catch(() => undefined)
    await docsScreenshot(s.page, 'studio-embed-code.png')
    await s.close()
  }
})

const raw = {perspective: 'raw'} as const

/**
 * Polls the lake (raw perspective) until `query` returns a truthy value: the autosaved draft has
 * arrived. The Studio's "Saved" status is transient and can be missed under load; the lake is not.
 */
/** Whether `check` comes to be true for `holdMs` in a row within 20 s. */
async function holds(check: () => Promise<boolean>, holdMs = 1500): Promise<boolean> {
  const deadline = Date.now() + 20_000
  let since = 0
  while (Date.now() < deadline) {
    if (!(await check())) since = 0
    else if (!since) since = Date.now()
    else if (Date.now() - since >= holdMs) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

async function waitForLake<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  const client = lakeClient(s.lake.url, s.lake.token)
  for (let i = 0; i < 100; i++) {
    const value = await client.fetch<T>(query, params, raw)
    if (value) return value
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`the lake never answered ${query} with a value`)
}

describe('Sanity Studio on the local lake', () => {
  it('logs in with the lake token and lists Dr. Sloane Yu under Clinicians', async () => {
    await s.page.goto(`${s.studioUrl}/#token=${s.lake.token}`)
    await s.page.getByText('Clinicians', {exact: true}).click()
    await s.page.getByText('Dr. Sloane Yu, MD').click()
    await s.page.getByLabel('Role').waitFor()
  })

  it('autosaves an edit as a draft', async () => {
    const role = 'Interventional pain medicine physician and headache specialist'
    await s.page.getByLabel('Role').fill(role)
    const draft = await waitForLake<string>(
      '*[_id == "drafts.clinician-sloane-yu" && jobTitle == $role][0].jobTitle',
      {role},
    )
    assert.equal(draft, role)
  })

  it('uploads a clinician photo', async () => {
    const client = lakeClient(s.lake.url, s.lake.token)
    const png = await sharp({create: {width: 320, height: 400, channels: 3, background: '#5a7d9a'}})
      .png()
      .toBuffer()
    await s.page
      .locator('input[type=file]')
      .first()
      .setInputFiles({name: 'sloane-yu.png', mimeType: 'image/png', buffer: png})
    let ref: string | null = null
    for (let i = 0; i < 75 && !ref; i++) {
      ref = await client.fetch(
        '*[_id == "drafts.clinician-sloane-yu"][0].photo.asset._ref',
        {},
        raw,
      )
      if (!ref) await new Promise((r) => setTimeout(r, 200))
    }
    assert.match(String(ref), /^image-[a-f0-9]{40}-320x400-png$/)
  })
})

describe('creating and publishing an FAQ in the Studio', () => {
  const question = 'Can children get chronic migraine?'

  it('blocks publishing while the text is not reviewed and has no source', async () => {
    const page = s.page
    await page.getByText('FAQs', {exact: true}).click()
    await page.getByText('All FAQs', {exact: true}).click()
    await page.locator('[aria-label="FAQ"]').last().click()
    await page.getByLabel('Question').fill(question)
    await page.locator('[contenteditable="true"]').first().click()
    await page.keyboard.type(
      'Yes. Children and teenagers can have migraine too. Ask our team about care for young people.',
    )
    await page.getByRole('tab', {name: 'All fields'}).click()
    await page.getByLabel('Category').selectOption({label: 'Conditions'})
    await waitForLake(
      '*[_id in path("drafts.**") && _type == "faq" && question == $q && category == "conditions"][0]._id',
      {q: question},
    )
    // Right after an edit the Studio may enable Publish for a moment before validation of the new
    // draft has run: the verdict is what holds for a while, not one sample.
    const publish = page.getByTestId('action-publish')
    assert.equal(await holds(() => publish.isDisabled()), true, 'Publish must stay disabled')
  })

  it('publishes once a source is added and Dr. Yu approved it, and the lake serves it', async () => {
    const page = s.page
    await page.getByRole('button', {name: 'Add item'}).nth(2).click()
    const dialog = page.getByRole('dialog').last()
    await dialog.getByLabel('Title', {exact: true}).fill('Headache disorders (fact sheet)')
    await dialog.getByLabel('Publisher', {exact: true}).fill('World Health Organization')
    await page.keyboard.press('Escape')
    const draftId = await waitForLake<string>(
      '*[_id in path("drafts.**") && question == $q && sources[0].publisher == "World Health Organization"][0]._id',
      {q: question},
    )
    // The review is no longer typed in: the form offers no reviewer to pick, and a source alone
    // does not let the text publish.
    assert.equal(
      await page.locator('input[id="medicalReview.reviewer"]:not([readonly])').count(),
      0,
    )
    const publish = page.getByTestId('action-publish')
    assert.equal(await holds(() => publish.isDisabled()), true, 'Publish must stay disabled')
    // Dr. Yu's approval, as her Approve action writes it (medical-review.test.ts runs the
    // action itself): the record and the draft's review in one transaction, with her token.
    const yuToken = s.addSampleUser('clinician-sloane-yu')
    const yu = lakeClient(s.lake.url, yuToken)
    const draft = await yu.getDocument(draftId)
    const record = await newRecord({
      kind: 'approval',
      draft: draft as typeof draft & {_rev: string},
      reviewer: {_id: 'clinician-sloane-yu', name: 'Dr. Sloane Yu'},
      userId: 'clinician-sloane-yu',
      at: new Date(),
    })
    await yu
      .transaction()
      .create(record)
      .patch(
        yu
          .patch(draftId)
          .ifRevisionId(draft!._rev)
          .set({medicalReview: medicalReviewOf(record)}),
      )
      .commit()
    // A partner-style page with <ck-faq live> is open before publishing; it must update by itself.
    const demo = await s.browser.newPage()
    await demo.goto(`${s.lake.url}/demo/`)
    await demo.waitForFunction(() =>
      document
        .querySelector('#demo-conditions')
        ?.shadowRoot?.textContent?.includes('What is chronic migraine?'),
    )
    // Dr. Yu has the same FAQ open in her own Studio while the editor publishes it.
    const publishedId = draftId.replace(/^drafts\./, '')
    const yuPage = await s.openSignedIn(yuToken)
    await yuPage.goto(`${s.studioUrl}/intent/edit/id=${publishedId};type=faq/`)
    await yuPage.locator('input[id="question"]').waitFor({timeout: 90_000})
    await page.bringToFront()
    for (let i = 0; i < 50 && (await publish.isDisabled()); i++) await page.waitForTimeout(200)
    await publish.click()
    // The toast names the question (the Studio shortens a long title), not "Untitled".
    const toast = page.getByText(/ was published$/).first()
    await toast.waitFor({timeout: 20_000})
    assert.match((await toast.textContent()) ?? '', /^Can children get chronic\b.* was published$/)
    const anonymous = lakeClient(s.lake.url)
    let published: {question?: string; reviewer?: string} | null = null
    for (let i = 0; i < 75 && !published; i++) {
      published = await anonymous.fetch(
        '*[_type == "faq" && question == $q][0]{question, "reviewer": medicalReview.reviewer->familyName}',
        {q: question},
      )
      if (!published) await new Promise((r) => setTimeout(r, 200))
    }
    assert.deepEqual(published, {question, reviewer: 'Yu'})
    // Both Studios stay on the published FAQ: no "This document has been deleted." banner (it
    // came when a listen event applied the draft's delete to the published document).
    for (const [who, studio] of [
      ['the editor', page],
      ['Dr. Yu', yuPage],
    ] as const) {
      const stays = await holds(
        async () =>
          (await studio.getByText('This document has been deleted.').count()) === 0 &&
          (await studio.locator('input[id="question"]').inputValue()) === question,
        3000,
      )
      assert.equal(stays, true, `${who}'s Studio left the published FAQ or showed it deleted`)
    }
    await yuPage.context().close()
    await demo.waitForFunction(
      (q) => document.querySelector('#demo-conditions')?.shadowRoot?.textContent?.includes(q),
      question,
      {timeout: 10_000},
    )
    await demo.close()
  })
})

describe('a partner’s embed code in the Studio', () => {
  it('shows the snippet for Lakeshore, which loads from the lake and copies', async () => {
    const page = s.page
    const origin = new URL(s.studioUrl).origin
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {origin})
    // With the token in the URL, this test also runs on its own (--test-name-pattern).
    await page.goto(
      `${s.studioUrl}/structure/partner;partner-lakeshore-community-health#token=${s.lake.token}`,
    )
    // The document pane has loaded the partner (its footer says when it was published): before
    // that the pane may still draw its views again, and a click could land on one it replaces.
    await page.getByText(/Last published/).waitFor({timeout: 60_000})
    await page.getByRole('tab', {name: 'Embed code'}).click()
    const code = page.locator('pre').filter({hasText: '<ck-faq'})
    await code.waitFor()
    // The lake's plain-HTTP address (its real port), not the Studio's HTTPS one: a partner's
    // browser need not trust the lake's certificate authority.
    const snippet = [
      `<script src="${s.lake.url}/dist/ck-faq.iife.js"></script>`,
      `<ck-faq partner="lakeshore-community-health" lang="es" api-host="${s.lake.url}"></ck-faq>`,
    ].join('\n')
    assert.equal((await code.textContent())?.trim(), snippet)
    // Published, with its sites listed: no warnings, and the sites it works on.
    await page.getByText('Works on: https://lakeshore-health.example').waitFor()
    assert.equal(await page.getByText('Publish Lakeshore').count(), 0)
    // Pasted into a page in a Chromium that does not trust the lake's certificate authority, the
    // snippet shows Lakeshore's FAQs (a page on the lake's origin: Chromium's local network access
    // rules block a loopback page on another port).
    const untrusting = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    })
    try {
      const partnerPage = await untrusting.newPage()
      await partnerPage.route('**/partner-site.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="es"><body>${snippet}</body></html>`,
        }),
      )
      await partnerPage.goto(`${s.lake.url}/partner-site.html`)
      const question = partnerPage.locator('ck-faq [part~="button"]').first()
      await question.waitFor({timeout: 20_000})
      assert.match(String(await question.textContent()), /\?/)
      await partnerPage.locator('ck-faq [part~="attribution"]').waitFor()
    } finally {
      await untrusting.close()
    }
    // The clipboard takes text only from the focused page: earlier tests opened other pages.
    await page.bringToFront()
    await page.waitForFunction(() => document.hasFocus(), undefined, {timeout: 10_000})
    await page.getByRole('button', {name: 'Copy code'}).click()
    const copied = page.getByRole('button', {name: /^(Copied|Copying was blocked)/})
    await copied.waitFor()
    assert.equal(await copied.textContent(), 'Copied')
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet)
  })
})
