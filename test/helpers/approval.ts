// Writes an article or FAQ as Dr. Sloane Yu approved it: its approval record and the document
// with the `medicalReview` copied from it, in one transaction, the way the sample does; and, in
// the Studio, an editor's request for her review.
import type {SanityClient} from '@sanity/client'
import type {Page} from 'playwright-core'
import {approve} from '../../content/approvals'
import {sampleApprover} from '../../content/source'

export async function writeApproved<T extends {_id: string; _type: string}>(
  client: SanityClient,
  doc: T,
  approver: Partial<typeof sampleApprover> = {},
) {
  const {document, record} = approve(doc, {...sampleApprover, ...approver})
  await client
    .transaction()
    .createOrReplace(record as never)
    .createOrReplace(document as never)
    .commit()
  return {document, record}
}

/**
 * In the Studio: the editor asks Dr. Yu to review the document open in `page` (the action menu's
 * item), with `note` for her when given.
 */
export async function requestReviewFromYu(page: Page, note?: string): Promise<void> {
  await page.getByTestId('action-menu-button').click()
  await page.getByRole('menuitem', {name: 'Request review'}).click()
  const dialog = page.getByRole('dialog')
  const reviewer = dialog.getByLabel('Reviewer', {exact: true})
  await reviewer.locator('option', {hasText: 'Dr. Sloane Yu'}).waitFor({state: 'attached'})
  await reviewer.selectOption({label: 'Dr. Sloane Yu'})
  if (note) await dialog.getByLabel('Note for the reviewer').fill(note)
  await dialog.getByRole('button', {name: 'Send request'}).click()
  await dialog.waitFor({state: 'detached'})
}
