// The Studio's two workspaces on the local lake: staging edits the staging dataset, production
// the production one.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {lakeClient} from '../helpers/lake'
import {openStudio, type StudioSession} from '../helpers/studio'

let s: StudioSession
before(async () => {
  s = await openStudio()
})
after(async () => {
  await s?.close()
})

describe('Studio workspaces', () => {
  it('shows staging content in the staging workspace and not in production', async () => {
    const staging = lakeClient(s.lake.url, s.lake.token).withConfig({dataset: 'staging'})
    await staging.create({
      _id: 'clinician-only-in-staging',
      _type: 'clinician',
      givenName: 'Stella',
      familyName: 'Staging',
      credentials: ['MD'],
      slug: {_type: 'slug', current: 'stella-staging'},
    })
    const stagingUrl = s.studioUrl.replace(/\/production$/, '/staging')
    await s.page.goto(`${stagingUrl}/#token=${s.lake.token}`)
    await s.page.getByText('Clinicians', {exact: true}).click()
    // Copied from production by the helper, as `npm start` does, plus the staging-only one.
    await s.page.getByText('Dr. Sloane Yu, MD').waitFor()
    await s.page.getByText('Stella Staging, MD').waitFor()

    await s.page.goto(`${s.studioUrl}/structure/clinician`)
    await s.page.getByText('Dr. Sloane Yu, MD').waitFor()
    assert.equal(await s.page.getByText('Stella Staging, MD').count(), 0)
  })
})
