// A second clinician for widget tests: Dr. Ada Okafor at another clinic, with a cropped photo
// (600×400, uploaded through the lake's assets API) and hostile values to render inertly.
import {after, before} from 'node:test'
import type {Page} from 'playwright-core'
import {openDemo, waitForEvery, type DemoSession} from './demo'
import {lakeClient, uploadTestImage} from './lake'

export async function addTestClinician(d: DemoSession): Promise<void> {
  const client = lakeClient(d.lake.url, d.lake.token)
  const asset = await uploadTestImage(client, 600, 400, 'portrait.png')
  await client
    .transaction()
    .create({
      _id: 'clinic-riverside',
      _type: 'clinic',
      name: 'Riverside Partner Clinic',
      slug: {_type: 'slug', current: 'riverside'},
      url: 'https://riverside.example/',
    })
    .create({
      _id: 'clinician-test-photo',
      _type: 'clinician',
      givenName: 'Ada',
      familyName: 'Okafor',
      credentials: ['DO'],
      slug: {_type: 'slug', current: 'ada-okafor'},
      jobTitle: 'Neurologist <b>with HTML</b>',
      specialties: ['Neurology', 'Headache medicine'],
      languages: ['English', 'Spanish'],
      acceptingNewPatients: false,
      bookingUrl: 'javascript:alert(1)',
      npi: '1234567893',
      clinics: [{_type: 'reference', _ref: 'clinic-riverside', _key: 'c1'}],
      photo: {
        _type: 'image',
        alt: 'Portrait of Dr. Ada Okafor',
        asset: {_type: 'reference', _ref: asset._id},
        crop: {_type: 'sanity.imageCrop', left: 0.1, right: 0, top: 0, bottom: 0.25},
        hotspot: {_type: 'sanity.imageHotspot', x: 0.9, y: 0.5, width: 0.2, height: 0.2},
      },
    })
    .commit()
}

/**
 * Opens the demo lake with the test clinician before the file's tests and closes it after; the
 * returned function gives the session once it is open.
 */
export function clinicianDemo(): () => DemoSession {
  let d: DemoSession | undefined
  before(async () => {
    d = await openDemo()
    await addTestClinician(d)
  })
  after(async () => {
    await d?.close()
  })
  return () => d!
}

/** Waits until every element matching `selector` shows a card, a list or a status message. */
export const cardsReady = (page: Page, selector: string): Promise<void> =>
  waitForEvery(page, selector, '[part~="card"], [part~="status"]')
