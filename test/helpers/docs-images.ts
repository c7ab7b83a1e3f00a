// Screenshots for the guides in docs/images/: written only when CK_UPDATE_DOCS=1, so an ordinary
// test run never rewrites committed images, and `CK_UPDATE_DOCS=1 node --import tsx --test …`
// regenerates them from the real Studio and demo page.
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import type {Page} from 'playwright-core'

export const DOCS_IMAGES_DIR = join(import.meta.dirname, '..', '..', 'docs', 'images')

export function updatingDocs(): boolean {
  return process.env.CK_UPDATE_DOCS === '1'
}

/** Saves the page as docs/images/<name> when updating the docs; does nothing otherwise. */
export async function docsScreenshot(page: Page | undefined, name: string): Promise<void> {
  if (!page || !updatingDocs()) return
  mkdirSync(DOCS_IMAGES_DIR, {recursive: true})
  await page.screenshot({path: join(DOCS_IMAGES_DIR, name)})
}
