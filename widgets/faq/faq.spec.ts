/// <reference types="mocha" />
// <ck-faq> from its sources in Chromium (@web/test-runner), reading the sample from the lake the
// test runner starts: the seed’s questions, the accordion’s keyboard operation, and its layout
// (a skeleton as tall as the list it stands for; no room taken by closed answers).
import {sendKeys} from '@web/test-runner-commands'
import {expect} from 'chai'
import {mount} from '../testing/spec-page'
import type {CkFaq} from './ck-faq'

const buttons = (element: CkFaq) => [
  ...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="button"]'),
]

describe('<ck-faq> (sources, @web/test-runner)', () => {
  it('shows the seed’s chronic migraine questions', async () => {
    const faq = await mount('ck-faq', '<ck-faq topic="chronic-migraine"></ck-faq>')
    const questions = buttons(faq).map((b) => b.textContent?.trim())
    expect(questions[0]).to.equal('What types of headaches can Botox help?')
    expect(questions).to.include('What is chronic migraine?')
    expect(questions).not.to.include('What helps a minor headache?')
  })

  it('opens with Enter and Space and moves with the arrow, Home and End keys', async () => {
    const faq = await mount(
      'ck-faq',
      '<ck-faq topic="chronic-migraine" heading-level="5"></ck-faq>',
    )
    const all = buttons(faq)
    expect(all.length).to.be.greaterThan(2)
    expect(all[0]!.closest('[role="heading"]')!.getAttribute('aria-level')).to.equal('5')
    all[0]!.focus()
    await sendKeys({press: 'Enter'})
    await faq.updateComplete
    expect(all[0]!.getAttribute('aria-expanded')).to.equal('true')
    await sendKeys({press: 'Space'})
    await faq.updateComplete
    expect(all[0]!.getAttribute('aria-expanded')).to.equal('false')
    await sendKeys({press: 'ArrowDown'})
    expect(faq.shadowRoot!.activeElement).to.equal(all[1])
    await sendKeys({press: 'End'})
    expect(faq.shadowRoot!.activeElement).to.equal(all.at(-1))
    await sendKeys({press: 'ArrowDown'})
    expect(faq.shadowRoot!.activeElement).to.equal(all[0])
    await sendKeys({press: 'ArrowUp'})
    expect(faq.shadowRoot!.activeElement).to.equal(all.at(-1))
    await sendKeys({press: 'Home'})
    expect(faq.shadowRoot!.activeElement).to.equal(all[0])
  })

  it('holds the loaded list’s height while loading, and closed answers take no room', async () => {
    for (const markup of [
      '<ck-faq topic="chronic-migraine" limit="6"></ck-faq>',
      '<ck-faq topic="chronic-migraine" limit="6" searchable></ck-faq>',
    ]) {
      document.body.innerHTML = `<div style="width: 720px">${markup}</div>`
      const faq = document.querySelector('ck-faq')!
      const loaded = new Promise((resolve) =>
        faq.addEventListener('ck-load', resolve, {once: true}),
      )
      await faq.updateComplete
      expect(faq.shadowRoot!.querySelector('[part~="skeleton"]'), markup).not.to.equal(null)
      const loading = faq.getBoundingClientRect().height
      await loaded
      await faq.updateComplete
      expect(faq.items, markup).to.have.length(6)
      // The list's top border is the only pixel the skeleton does not stand for.
      expect(faq.getBoundingClientRect().height - loading, markup).to.be.within(0, 1.5)
      const closed = faq.shadowRoot!.querySelector<HTMLElement>('[part~="panel"][hidden]')!
      expect(closed.getBoundingClientRect().height, markup).to.equal(0)
    }
  })
})
