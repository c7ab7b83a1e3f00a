/// <reference types="mocha" />
// <ck-faq> from its sources in Chromium (@web/test-runner) while the lake is down: the config's
// `ck-lake` command closes the lake (the proxy then answers 502), the element shows its error
// state, and once the lake is open again on the same data Retry loads the questions.
import {executeServerCommand} from '@web/test-runner-commands'
import {expect} from 'chai'
import '../testing/spec-page'
import type {CkFaq} from './ck-faq'

const lake = (action: 'stop' | 'start') =>
  executeServerCommand<{running: boolean}, {action: string}>('ck-lake', {action})

/** Resolves with the element's next ck-load or ck-error event. */
const nextEvent = (element: HTMLElement) =>
  new Promise<Event>((resolve) => {
    const settle = (event: Event) => {
      element.removeEventListener('ck-load', settle)
      element.removeEventListener('ck-error', settle)
      resolve(event)
    }
    element.addEventListener('ck-load', settle)
    element.addEventListener('ck-error', settle)
  })

describe('<ck-faq> with the lake down (sources, @web/test-runner)', () => {
  afterEach(async () => {
    await lake('start') // whatever happened, the next spec file finds the lake running
  })

  it('shows the error with Retry, and Retry loads the questions once the lake is back', async () => {
    expect(await lake('stop')).to.deep.equal({running: false})
    document.body.innerHTML = '<ck-faq topic="chronic-migraine"></ck-faq>'
    const faq = document.body.querySelector<CkFaq>('ck-faq')!
    const failed = await nextEvent(faq)
    expect(failed.type).to.equal('ck-error')
    expect((failed as CustomEvent<{message: string}>).detail.message).to.match(/502|Bad gateway/)
    await faq.updateComplete
    const root = faq.shadowRoot!
    expect(root.querySelector('[part~="status"][role="alert"]')!.textContent).to.contain(
      'The questions could not be loaded.',
    )
    const retry = root.querySelector<HTMLButtonElement>('button[part~="retry"]')!
    expect(retry.textContent!.trim()).to.equal('Try again')
    expect(root.querySelector('[part~="button"]')).to.equal(null)

    expect(await lake('start')).to.deep.equal({running: true})
    const loaded = nextEvent(faq)
    retry.click()
    expect((await loaded).type).to.equal('ck-load')
    await faq.updateComplete
    expect(root.querySelector('[part~="retry"]')).to.equal(null)
    const questions = [...root.querySelectorAll('[part~="button"]')].map((b) =>
      b.textContent!.trim(),
    )
    expect(questions[0]).to.equal('What types of headaches can Botox help?')
    expect(questions).to.include('What is chronic migraine?')
  })
})
