/// <reference types="mocha" />
// One request shared by elements that ask the same query, in Chromium from the sources: an element
// that leaves the page while the request is under way must not take the others' answer with it.
import {expect} from 'chai'
import {mount} from '../testing/spec-page'

const loaded = (element: HTMLElement) =>
  new Promise<string>((resolve) => {
    element.addEventListener('ck-load', () => resolve('ck-load'), {once: true})
    element.addEventListener('ck-error', (e) => resolve(`ck-error: ${e.detail.message}`), {
      once: true,
    })
  })

describe('the page cache’s shared requests (sources, @web/test-runner)', () => {
  it('keeps loading for the elements that stay when the first one leaves mid-request', async () => {
    // A topic no other spec asks for, so the request is this page's first for the query.
    const markup = '<ck-faq topic="botox" lang="en"></ck-faq>'
    document.body.innerHTML = markup + markup
    const [first, second] = document.querySelectorAll('ck-faq')
    const secondLoaded = loaded(second!)
    await first!.updateComplete // its first update has started the shared request
    first!.remove()
    expect(await secondLoaded).to.equal('ck-load')
    expect(second!.items.length).to.be.greaterThan(0)

    // A later element with the same query gets the cached answer, not an aborted one.
    const third = await mount('ck-faq', markup)
    expect(third.items.map((faq) => faq._id)).to.deep.equal(second!.items.map((faq) => faq._id))
  })

  it('aborts the request when the only element waiting for it leaves', async () => {
    const aborted: string[] = []
    const originalFetch = window.fetch
    window.fetch = (input, init) => {
      init?.signal?.addEventListener('abort', () => aborted.push(String(input)))
      return originalFetch(input, init)
    }
    try {
      document.body.innerHTML = '<ck-faq topic="botox" category="treatments"></ck-faq>'
      const only = document.querySelector('ck-faq')!
      await only.updateComplete
      only.remove()
      expect(aborted).to.have.length(1)
      expect(aborted[0]).to.contain('/data/query/')
    } finally {
      window.fetch = originalFetch
    }
  })
})
