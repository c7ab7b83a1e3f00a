/// <reference types="mocha" />
// <ck-clinician> from its sources in Chromium (@web/test-runner), reading the sample from the lake
// the test runner starts: Dr. Sloane Yu's card, with a booking link the spec gives her through the
// config's `ck-lake` command, and her IndividualPhysician JSON-LD.
import {executeServerCommand} from '@web/test-runner-commands'
import {expect} from 'chai'
import {mount, text} from '../testing/spec-page'

const BOOKING_URL = 'https://booking.example/sloane-yu'
const patchSloane = (patch: object) =>
  executeServerCommand('ck-lake', {
    action: 'mutate',
    mutations: [{patch: {id: 'clinician-sloane-yu', ...patch}}],
  })

describe('<ck-clinician> (sources, @web/test-runner)', () => {
  before(() => patchSloane({set: {bookingUrl: BOOKING_URL}}))
  after(() => patchSloane({unset: ['bookingUrl']}))
  it('shows Dr. Sloane Yu’s card with her role and a booking link named for her', async () => {
    const clinician = await mount(
      'ck-clinician',
      '<ck-clinician slug="sloane-yu" heading-level="2"></ck-clinician>',
    )
    const card = clinician.shadowRoot!.querySelector('[part~="card"]')!
    const heading = card.querySelector('[part~="name"]')!
    expect(heading.getAttribute('role')).to.equal('heading')
    expect(heading.getAttribute('aria-level')).to.equal('2')
    expect(text(heading)).to.equal('Dr. Sloane Yu, MD')
    expect(text(card.querySelector('[part~="role"]'))).to.equal(
      'Interventional pain medicine physician',
    )
    expect(text(card.querySelector('[part~="clinic"]'))).to.equal('Allied Pain & Spine Institute')
    const booking = card.querySelector<HTMLAnchorElement>('a[part~="booking"]')!
    expect(booking.getAttribute('href')).to.equal(BOOKING_URL)
    expect(text(booking)).to.equal('Book an appointment')
    expect(booking.getAttribute('aria-label')).to.equal('Book an appointment: Dr. Sloane Yu, MD')
  })

  it('describes her as an IndividualPhysician practising at a MedicalClinic', async () => {
    const clinician = await mount('ck-clinician', '<ck-clinician slug="sloane-yu"></ck-clinician>')
    const script = clinician.querySelector(':scope > script[type="application/ld+json"]')!
    const ld = JSON.parse(script.textContent!) as Record<string, unknown>
    expect(ld['@context']).to.equal('https://schema.org')
    expect(ld['@type']).to.equal('IndividualPhysician')
    expect(ld.name).to.equal(text(clinician.shadowRoot!.querySelector('[part~="name"]')))
    expect(ld.medicalSpecialty).to.deep.equal(['Interventional pain medicine'])
    expect(ld.isAcceptingNewPatients).to.equal(true)
    expect(ld.practicesAt).to.deep.equal([
      {'@type': 'MedicalClinic', name: 'Allied Pain & Spine Institute'},
    ])
  })

  it('says so when no clinician has the slug', async () => {
    const clinician = await mount('ck-clinician', '<ck-clinician slug="nobody"></ck-clinician>')
    expect(text(clinician.shadowRoot!.querySelector('[part~="status"]'))).to.equal(
      'This clinician was not found.',
    )
    expect(clinician.shadowRoot!.querySelector('[part~="card"]')).to.equal(null)
    expect(clinician.querySelector('script')).to.equal(null)
  })
})
