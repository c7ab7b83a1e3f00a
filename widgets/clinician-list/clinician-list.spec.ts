/// <reference types="mocha" />
// <ck-clinician-list> from its sources in Chromium (@web/test-runner), reading the sample from the
// lake the test runner starts: the clinicians at the sample's clinic, and an empty specialty.
import {expect} from 'chai'
import {mount, text} from '../testing/spec-page'

describe('<ck-clinician-list> (sources, @web/test-runner)', () => {
  it('lists Dr. Sloane Yu’s card among the clinicians at Allied Pain & Spine Institute', async () => {
    const list = await mount(
      'ck-clinician-list',
      '<ck-clinician-list clinic="allied-pain-spine-institute"></ck-clinician-list>',
    )
    const items = [...list.shadowRoot!.querySelectorAll('ul[part~="list"] > li[part~="item"]')]
    const names = items.map((item) => text(item.querySelector('[part~="card"] [part~="name"]')))
    expect(names).to.deep.equal(['Dr. Sloane Yu, MD'])
    const card = items[0]!.querySelector('[part~="card"]')!
    expect(text(card.querySelector('[part~="role"]'))).to.equal(
      'Interventional pain medicine physician',
    )
    expect(text(card.querySelector('[part~="clinic"]'))).to.equal('Allied Pain & Spine Institute')

    const ld = JSON.parse(
      list.querySelector(':scope > script[type="application/ld+json"]')!.textContent!,
    ) as {
      '@graph': Array<Record<string, unknown>>
    }
    expect(ld['@graph'].map((p) => [p['@type'], p.name])).to.deep.equal([
      ['IndividualPhysician', 'Dr. Sloane Yu, MD'],
    ])
  })

  it('says so when no clinician matches', async () => {
    const list = await mount(
      'ck-clinician-list',
      '<ck-clinician-list specialty="Cardiology"></ck-clinician-list>',
    )
    expect(text(list.shadowRoot!.querySelector('[part~="status"]'))).to.equal(
      'No clinicians to show.',
    )
    expect(list.shadowRoot!.querySelector('[part~="list"]')).to.equal(null)
    expect(list.querySelector('script')).to.equal(null)
  })
})
