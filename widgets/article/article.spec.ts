/// <reference types="mocha" />
// <ck-article> from its sources in Chromium (@web/test-runner), reading the sample from the lake
// the test runner starts: the reviewed article with its byline, citations and disclaimer, the
// related questions that open to their answers, the MedicalWebPage JSON-LD for exactly what is
// shown, and the not-found status.
import {expect} from 'chai'
import {mount, text} from '../testing/spec-page'

describe('<ck-article> (sources, @web/test-runner)', () => {
  it('shows the seed article with its reviewer, headings, a citation and the disclaimer', async () => {
    const article = await mount(
      'ck-article',
      '<ck-article slug="prevent-headaches-with-botox"></ck-article>',
    )
    const root = article.shadowRoot!
    expect(text(root.querySelector('[part~="title"]'))).to.equal(
      'You Can Prevent Headaches with Botox',
    )
    expect(text(root.querySelector('[part~="byline"]'))).to.equal(
      'Medically reviewed by Dr. Sloane Yu, MD · November 2, 2026',
    )
    expect(root.querySelector('[part~="byline"] time')!.getAttribute('datetime')).to.equal(
      '2026-11-02',
    )
    const reviewer = root.querySelector('a[part~="reviewer"]')!
    expect(reviewer.getAttribute('href')).to.equal('#clinician-sloane-yu')
    expect(text(reviewer)).to.equal('Dr. Sloane Yu, MD')

    const headings = [...root.querySelectorAll('[part~="body"] h2')].map(text)
    expect(headings).to.deep.equal([
      'What Type of Headaches Can Botox Help?',
      'Choose a Specialist Treatment for Recurring Headaches',
      'The Misconception Regarding Migraines',
    ])

    // The WHO sentence cites source 1, and that entry of the list is the WHO fact sheet.
    const citation = root.querySelector<HTMLAnchorElement>('[part~="body"] [part~="citation"] a')!
    expect(text(citation)).to.equal('[1]')
    expect(citation.getAttribute('href')).to.equal('#ck-source-1')
    const source = root.querySelector(citation.getAttribute('href')!)!
    expect(source.closest('[part~="sources"]')).not.to.equal(null)
    expect(text(source)).to.match(/World Health Organization/)

    expect(text(root.querySelector('[part~="disclaimer"]'))).to.match(/not a substitute/)
    expect(root.querySelector('[part~="overdue"]')).to.equal(null)
  })

  it('puts its title at the page’s heading level and its sections one below', async () => {
    const tags = (article: HTMLElement, part: string) =>
      [...article.shadowRoot!.querySelectorAll(`[part~="${part}"]`)].map((h) => h.tagName)
    const sizes: string[] = []
    // [heading-level attribute, title tag, tag of the text's and the section headings]
    for (const [attribute, title, below] of [
      ['', 'H1', 'H2'],
      [' heading-level="3"', 'H3', 'H4'],
      [' heading-level="9"', 'H6', 'H6'], // clamped to h6
    ] as const) {
      const article = await mount(
        'ck-article',
        `<ck-article slug="prevent-headaches-with-botox"${attribute}></ck-article>`,
      )
      expect(tags(article, 'title'), attribute).to.deep.equal([title])
      expect(tags(article, 'text-heading'), attribute).to.deep.equal([below, below, below])
      expect(tags(article, 'section-heading'), attribute).to.deep.equal([below, below])
      sizes.push(getComputedStyle(article.shadowRoot!.querySelector('[part~="text-h2"]')!).fontSize)
    }
    // The look follows the editor's level, not the tag.
    expect(new Set(sizes).size).to.equal(1)
  })

  it('lists related questions that open to their answers', async () => {
    const article = await mount(
      'ck-article',
      '<ck-article slug="prevent-headaches-with-botox"></ck-article>',
    )
    const root = article.shadowRoot!
    const items = [...root.querySelectorAll<HTMLDetailsElement>('[part~="related-item"]')]
    const questions = items.map((item) => text(item.querySelector('[part~="related-question"]')))
    expect(questions).to.include('What is chronic migraine?')
    expect(questions).to.include('What helps a minor headache?')
    expect(items.every((item) => !item.open)).to.equal(true)

    const item = items[questions.indexOf('What is chronic migraine?')]!
    const question = item.querySelector<HTMLElement>('[part~="related-question"]')!
    expect(question.getBoundingClientRect().height).to.be.at.least(44)
    question.click()
    expect(item.open).to.equal(true)
    const answer = item.querySelector<HTMLElement>('[part~="related-answer"]')!
    expect(answer.getBoundingClientRect().height).to.be.greaterThan(0)
    expect(text(answer)).to.match(/^Chronic migraine means/)
  })

  it('describes what it shows as MedicalWebPage JSON-LD in the light DOM', async () => {
    const article = await mount(
      'ck-article',
      '<ck-article slug="prevent-headaches-with-botox"></ck-article>',
    )
    const root = article.shadowRoot!
    const scripts = article.querySelectorAll(':scope > script[type="application/ld+json"]')
    expect(scripts).to.have.length(1)
    const ld = JSON.parse(scripts[0]!.textContent!) as {
      '@type': string
      name: string
      lastReviewed: string
      reviewedBy: {'@type': string; name: string}
      citation: Array<{'@type': string; name: string; url?: string}>
    }
    expect(ld['@type']).to.equal('MedicalWebPage')
    expect(ld.name).to.equal(text(root.querySelector('[part~="title"]')))
    expect(ld.reviewedBy).to.deep.equal({
      '@type': 'IndividualPhysician',
      name: text(root.querySelector('[part~="reviewer"]')),
    })
    expect(ld.lastReviewed).to.equal(
      root.querySelector('[part~="byline"] time')!.getAttribute('datetime'),
    )
    // One citation per entry of the sources list, in the same order.
    const sources = [...root.querySelectorAll('[part~="sources"] > li')]
    expect(sources.length).to.be.greaterThan(0)
    expect(ld.citation).to.have.length(sources.length)
    ld.citation.forEach((entry, i) => {
      expect(entry['@type']).to.equal('CreativeWork')
      expect(text(sources[i])).to.contain(entry.name)
      if (entry.url)
        expect(sources[i]!.querySelector('a')!.getAttribute('href')).to.equal(entry.url)
    })
  })

  it('says so when no article has the slug, with no JSON-LD', async () => {
    const article = await mount('ck-article', '<ck-article slug="no-such-article"></ck-article>')
    expect(text(article.shadowRoot!.querySelector('[part~="status"]'))).to.equal(
      'This article was not found.',
    )
    expect(article.shadowRoot!.querySelector('[part~="title"]')).to.equal(null)
    expect(article.querySelector('script')).to.equal(null)
  })
})
