// Opening a document with its Preview view beside the form, in the real Studio: shared by the
// Preview e2e and the preview benchmark.
import type {FrameLocator, Page} from 'playwright-core'

/** A document in the form pane, its Preview beside it: "Split pane right", then the Preview tab. */
export async function openWithPreview(
  page: Page,
  studioUrl: string,
  type: string,
  id: string,
): Promise<FrameLocator> {
  await page.goto(`${studioUrl}/intent/edit/id=${id};type=${type}/`)
  // The intent resolves to the document's pane (not the one a previous step left open).
  await page.waitForURL((url) => url.pathname.includes(`;${id}`), {timeout: 90_000})
  // The pane has loaded the document (its footer says when it was published) before the split.
  await page.getByText(/Last published/).waitFor({timeout: 90_000})
  await page.getByRole('button', {name: 'Split pane right'}).first().click()
  await page.getByRole('tab', {name: 'Preview'}).last().click()
  // The preview of THIS document: until the Studio has replaced the panes a previous step left
  // open, the old document's preview is still on the page, and a choice made in it is lost.
  const frameOfThis = `[data-testid="preview-frame"][title="Preview of ${id}"]`
  await page.locator(frameOfThis).waitFor({timeout: 60_000})
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="preview-view"]').length === 1,
    undefined,
    {timeout: 60_000},
  )
  await page.getByTestId('preview-loading').waitFor({state: 'detached', timeout: 60_000})
  return page.frameLocator(frameOfThis)
}
