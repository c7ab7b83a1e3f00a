// <ck-clinician> from the built drop-in script, in Debian's Chromium,
// reading a real lake (with a photo uploaded through the lake's assets API).
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {cardsReady as ready, clinicianDemo} from '../helpers/clinicians'
import {jsonLdOf, widgetPage} from '../helpers/demo'
import {lakeClient} from '../helpers/lake'

const demo = clinicianDemo()

describe('<ck-clinician>', () => {
  it('shows Dr. Sloane Yu with credentials, role, specialty, clinic, languages and JSON-LD', async () => {
    const page = await widgetPage(
      demo(),
      '<ck-clinician slug="sloane-yu" heading-level="2"></ck-clinician>',
    )
    await ready(page, 'ck-clinician')
    const card = page.locator('ck-clinician >> [part~="card"]')
    const heading = card.locator('[role="heading"]')
    assert.equal(await heading.textContent(), 'Dr. Sloane Yu, MD')
    assert.equal(await heading.getAttribute('aria-level'), '2')
    assert.equal(
      await card.locator('[part~="role"]').textContent(),
      'Interventional pain medicine physician',
    )
    assert.equal(
      await card.locator('[part~="specialty"]').textContent(),
      'Interventional pain medicine',
    )
    assert.match(
      String(await card.locator('[part~="clinic"]').textContent()),
      /Allied Pain & Spine Institute/,
    )
    assert.match(String(await card.locator('[part~="languages"]').textContent()), /Speaks English/)
    assert.match(
      String(await card.locator('[part~="accepting"]').textContent()),
      /^\s*Accepting new patients\s*$/,
    )
    // No photo in the sample: initials instead, hidden from screen readers.
    const placeholder = card.locator('[part~="placeholder"]')
    assert.equal(await placeholder.textContent(), 'SY')
    assert.equal(await placeholder.getAttribute('aria-hidden'), 'true')

    const data = await jsonLdOf(page, 'ck-clinician')
    assert.equal(data['@type'], 'IndividualPhysician')
    assert.equal(data.name, 'Dr. Sloane Yu, MD')
    assert.deepEqual(data.medicalSpecialty, ['Interventional pain medicine'])
    assert.equal(data.isAcceptingNewPatients, true)
    assert.deepEqual(data.knowsLanguage, ['English'])
    assert.deepEqual(data.practicesAt, [
      {'@type': 'MedicalClinic', name: 'Allied Pain & Spine Institute'},
    ])
    await page.close()
  })

  it('shows the photo cropped to the hotspot with srcset, sizes and dimensions', async () => {
    const page = await widgetPage(demo(), '<ck-clinician slug="ada-okafor"></ck-clinician>')
    await ready(page, 'ck-clinician')
    const img = page.locator('ck-clinician >> img[part~="photo"]')
    assert.equal(await img.getAttribute('alt'), 'Portrait of Dr. Ada Okafor')
    assert.equal(await img.getAttribute('width'), '96')
    assert.equal(await img.getAttribute('height'), '96')
    assert.equal(await img.getAttribute('sizes'), '96px')
    const src = new URL(String(await img.getAttribute('src')))
    // Crop keeps x 60–600, y 0–300: a 300 px square, pushed right toward the hotspot (x = 540).
    assert.equal(src.searchParams.get('rect'), '300,0,300,300')
    assert.equal(src.searchParams.get('w'), '96')
    const srcset = String(await img.getAttribute('srcset'))
    assert.deepEqual(
      srcset.split(', ').map((entry) => entry.split(' ')[1]),
      ['96w', '192w', '288w'], // 480 would upscale the 300 px square
    )
    // The lake really serves the square at the requested size.
    await img.evaluate((el: HTMLImageElement) => el.decode())
    const natural = await img.evaluate((el: HTMLImageElement) => [
      el.naturalWidth,
      el.naturalHeight,
    ])
    assert.equal(natural[0], natural[1])
    assert.ok([96, 192, 288].includes(natural[0]!), `natural size ${natural[0]}`)
    await page.close()
  })

  it('renders hostile values inertly: HTML as text, no javascript: booking link', async () => {
    const page = await widgetPage(demo(), '<ck-clinician slug="ada-okafor"></ck-clinician>')
    await ready(page, 'ck-clinician')
    const card = page.locator('ck-clinician >> [part~="card"]')
    assert.equal(await card.locator('[part~="role"]').textContent(), 'Neurologist <b>with HTML</b>')
    assert.equal(await card.locator('b').count(), 0)
    assert.equal(await card.locator('[part~="booking"]').count(), 0)
    assert.match(String(await card.locator('[part~="accepting"]').textContent()), /Not accepting/)
    const data = await jsonLdOf(page, 'ck-clinician')
    assert.equal(data.usNPI, '1234567893')
    assert.equal(data.isAcceptingNewPatients, false)
    // The largest square the source allows (300 px), not an upscaled 480.
    assert.match(String(data.image), /\?rect=300,0,300,300&w=288&h=288&/)
    await page.close()
  })

  it('offers a booking button with a name that says who it books, at least 44 px tall', async () => {
    await lakeClient(demo().lake.url, demo().lake.token)
      .patch('clinician-sloane-yu')
      .set({bookingUrl: 'https://booking.example/sloane-yu'})
      .commit()
    const page = await widgetPage(
      demo(),
      '<ck-clinician slug="sloane-yu" lang="es"></ck-clinician>',
    )
    await ready(page, 'ck-clinician')
    const booking = page.locator('ck-clinician >> [part~="booking"]')
    assert.equal(await booking.getAttribute('href'), 'https://booking.example/sloane-yu')
    assert.equal(await booking.textContent(), 'Pedir una cita')
    assert.equal(await booking.getAttribute('aria-label'), 'Pedir una cita: Dr. Sloane Yu, MD')
    const box = await booking.boundingBox()
    assert.ok(box && box.height >= 44, `booking button is ${box?.height}px tall`)
    await lakeClient(demo().lake.url, demo().lake.token)
      .patch('clinician-sloane-yu')
      .unset(['bookingUrl'])
      .commit()
    await page.close()
  })

  it('says so when no clinician has the slug, and when none is given', async () => {
    const page = await widgetPage(
      demo(),
      '<ck-clinician id="a" slug="nobody"></ck-clinician><ck-clinician id="b"></ck-clinician>',
    )
    await ready(page, 'ck-clinician')
    for (const id of ['a', 'b'])
      assert.equal(
        await page.locator(`#${id} >> [part~="status"]`).textContent(),
        'This clinician was not found.',
      )
    assert.equal(await page.locator('ck-clinician > script').count(), 0)
    await page.close()
  })
})
