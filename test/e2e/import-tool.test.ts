// The Studio's Import tool on the real lake, in Chromium: the seed text pasted in (Ctrl/Cmd+V)
// becomes a proposed article, its title the largest text, and its question-heading FAQs at once;
// "Create drafts" writes them as unreviewed drafts that the desk opens and lists under "Needs
// medical review"; pasting it again changes nothing; hostile HTML is shown as inert text with its
// warnings, a featured image on another site as a warning; a viewer cannot create.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {SEED_PATH} from '../../content/build'
import {lakeClient} from '../helpers/lake'
import {FIXTURES} from '../import/helpers'
import {openStudio, watchLakeFailures, type StudioSession} from '../helpers/studio'

const SEED = readFileSync(SEED_PATH, 'utf8')
const TITLE = 'You Can Prevent Headaches with Botox'
const QUESTION = 'What Type of Headaches Can Botox Help?'
const HOSTILE = `<h1>Migraine clinic hours</h1>
<p>We are open every weekday for migraine care.</p>
<script>window.__imported = true; document.title = 'owned'</script>
<p>Book <a href="javascript:window.__clicked=true">through this link</a> today.</p>`
const raw = {perspective: 'raw'} as const

let s: StudioSession
const lakeFailures: string[] = []
const consoleErrors: string[] = []

/** The lake failing the Studio on `page` (test/helpers/studio.ts watchLakeFailures). */
const watch = (page: Page, who: string) =>
  watchLakeFailures(page, s, {lakeFailures, consoleErrors}, who)

/** Font sizes in pixels of the elements `locator` finds. */
const fontSizes = (locator: ReturnType<Page['locator']>) =>
  locator.evaluateAll((elements) => elements.map((el) => parseFloat(getComputedStyle(el).fontSize)))

/** Opens the Import tool and asks for the proposal of the pasted text. */
async function propose(page: Page, text: string) {
  await page.getByRole('link', {name: 'Import'}).click()
  const box = page.getByLabel('Text to import')
  await box.fill(text)
  await page.getByRole('button', {name: 'Show the drafts'}).click()
  await page.getByTestId('import-proposal').waitFor()
}

describe('the Import tool', {timeout: 600_000}, () => {
  before(async () => {
    s = await openStudio()
    watch(s.page, 'editor')
    await s.signIn()
  })
  after(async () => {
    await s?.close()
  })

  it('proposes the pasted seed text as an article and its question-heading FAQs', async () => {
    const page = s.page
    // A real paste (Ctrl/Cmd+V) shows the drafts without a click on "Show the drafts".
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(s.studioUrl).origin,
    })
    await page.getByRole('link', {name: 'Import'}).click()
    await page.getByText('Nothing to show yet').waitFor()
    await page.evaluate((text) => navigator.clipboard.writeText(text), SEED)
    await page.getByLabel('Text to import').focus()
    await page.keyboard.press('ControlOrMeta+V')
    await page.getByTestId('import-proposal').waitFor()
    const article = page.getByTestId('import-article')
    const title = article.getByRole('heading', {name: TITLE})
    await title.waitFor()
    // The title is drawn larger than every heading of the body.
    const [titleSize] = await fontSizes(title)
    const headingSizes = await fontSizes(article.getByTestId('import-body').getByRole('heading'))
    assert.ok(headingSizes.length > 0, 'the seed has section headings')
    for (const size of headingSizes)
      assert.ok(titleSize! > size, `title ${titleSize}px is larger than a heading's ${size}px`)
    await page.getByTestId('import-read-as').getByText('as plain text').waitFor()
    // The body reads as text, headings included.
    await article.getByText('Choose a Specialist Treatment for Recurring Headaches').waitFor()
    const faq = page.getByTestId('import-faq').filter({hasText: QUESTION})
    await faq
      .getByText('Chronic migraines are the worse kind of headaches', {exact: false})
      .waitFor()
    // The sample's topics are suggested from the words of the text.
    await article.getByText('Botox injections for chronic migraine (treatment)').waitFor()
    assert.equal(await page.getByRole('button', {name: 'Create drafts'}).isEnabled(), true)
  })

  it('creates unreviewed drafts, opens them in the desk, and lists them under Needs medical review', async () => {
    const page = s.page
    const faqCount = await page.getByTestId('import-faq').count()
    await page.getByRole('button', {name: 'Create drafts'}).click()
    const result = page.getByTestId('import-result')
    await result.getByText(`${faqCount + 1} created, 0 updated, 0 unchanged`).waitFor()
    const client = lakeClient(s.lake.url, s.lake.token)
    const imported = (prefix: string) =>
      `(string::startsWith(_id, "${prefix}article-import-") || string::startsWith(_id, "${prefix}faq-import-"))`
    const drafts = await client.fetch<Array<{_id: string; medicalReview?: unknown}>>(
      `*[${imported('drafts.')}]{_id, medicalReview}`,
      {},
      raw,
    )
    assert.equal(drafts.length, faqCount + 1)
    assert.ok(
      drafts.every((d) => d.medicalReview == null),
      'imported drafts carry no review',
    )
    const published = await client.fetch<number>(`count(*[${imported('')}])`, {}, raw)
    assert.equal(published, 0, 'nothing is published')

    await result.getByRole('link', {name: TITLE}).click()
    await page.getByTestId('document-panel-document-title').getByText(TITLE).waitFor()
    const articleId = drafts.find((d) => d._id.startsWith('drafts.article-import-'))!._id
    assert.ok(page.url().includes(articleId.replace(/^drafts\./, '')), page.url())

    await page.getByRole('link', {name: 'Structure'}).click()
    await page.getByRole('link', {name: 'Needs medical review'}).click()
    await page.getByRole('link', {name: TITLE}).first().waitFor()
    await page.getByRole('link', {name: QUESTION}).first().waitFor()
  })

  it('pasting the same text again leaves every draft unchanged', async () => {
    const page = s.page
    await propose(page, SEED)
    const count = (await page.getByTestId('import-faq').count()) + 1
    await page.getByRole('button', {name: 'Create drafts'}).click()
    await page
      .getByTestId('import-result')
      .getByText(`0 created, 0 updated, ${count} unchanged`)
      .waitFor()
  })

  it('shows hostile HTML as inert text, with its warnings', async () => {
    const page = s.page
    await propose(page, HOSTILE)
    const article = page.getByTestId('import-article')
    await article.getByText('through this link').waitFor()
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'no javascript: link')
    assert.equal(await article.locator('script').count(), 0)
    await article.getByText('through this link').click()
    const ran = await page.evaluate(() => {
      const w = window as unknown as {__imported?: boolean; __clicked?: boolean}
      return {imported: w.__imported ?? false, clicked: w.__clicked ?? false, title: document.title}
    })
    assert.deepEqual(
      {imported: ran.imported, clicked: ran.clicked},
      {imported: false, clicked: false},
    )
    assert.notEqual(ran.title, 'owned')
    const warnings = page.getByTestId('import-warnings')
    for (const kind of ['element-dropped', 'link-removed'])
      await warnings.locator(`[data-warning-kind="${kind}"]`).waitFor()
  })

  it('reports a WordPress featured image it cannot copy as the main image', async () => {
    const page = s.page
    await propose(
      page,
      `<html><body><main><article><header class="entry-header"><h1>Knee pain</h1>
      <img src="https://old.example/uploads/knee.jpg" class="wp-post-image" alt="A knee"></header>
      <div class="entry-content"><p>Most knee pain gets better with rest, ice and time.</p></div>
      </article></main></body></html>`,
    )
    await page
      .getByTestId('import-warnings')
      .locator('[data-warning-kind="image-remote"]')
      .getByText(
        'Main image (the page’s featured image): Remote image not imported: https://old.example/uploads/knee.jpg',
      )
      .waitFor()
  })

  it('a chosen Markdown file is read as Markdown, its question headings made FAQs', async () => {
    const page = s.page
    const name = 'headaches-in-children.md'
    await page.getByLabel('File to import').setInputFiles(join(FIXTURES, name))
    await page.getByTestId('import-read-as').getByText(`“${name}” as Markdown`).waitFor()
    assert.ok((await page.getByTestId('import-faq').count()) > 0, 'FAQs from the file')
  })

  it('a file kind it cannot read gets a clear message', async () => {
    const page = s.page
    await page.getByLabel('File to import').setInputFiles({
      name: 'leaflet.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4'),
    })
    await page
      .getByRole('alert')
      .getByText('“leaflet.pdf” is not a file the import reads')
      .waitFor()
  })

  it('a viewer sees the proposal, and why Create drafts is not available', async () => {
    const viewer = await s.openSignedIn(s.addUser('viewer'))
    watch(viewer, 'viewer')
    await propose(viewer, SEED)
    await viewer.getByText('Your role can read content but not write it').waitFor()
    assert.equal(await viewer.getByRole('button', {name: 'Create drafts'}).isDisabled(), true)
    assert.deepEqual(lakeFailures, [], `console errors: ${consoleErrors.join('\n')}`)
  })
})
