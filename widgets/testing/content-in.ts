/// <reference types="mocha" />
// The content-in specs every element shares (@web/test-runner, real Chromium, the sample in the
// lake the config starts): an element given `data` fetches nothing, `data` set during a slow load
// wins over its answer, and given content renders exactly as the same content loaded from the lake.
import {expect} from 'chai'
import {clearQueryCache} from '../content/client'
import type {ContentElement} from '../content/content-element'
import {mount} from './spec-page'

type Element<T> = ContentElement<T> & HTMLElement

export interface ContentInCase<T> {
  tag: 'ck-faq' | 'ck-article' | 'ck-clinician' | 'ck-clinician-list'
  /** The element with its attributes, e.g. `<ck-faq topic="chronic-migraine"></ck-faq>`. */
  markup: string
  /** A copy of a loaded result that shows differently, so given and loaded content tell apart. */
  edit(result: T): T
  /** What the edit changes, as the element shows it. */
  shown(element: HTMLElement): string | undefined
  /** `shown` once the edited result is in the element. */
  edited: string
}

/** Every fetch() the page makes from now on, and EventSource streams opened, until `restore`. */
function recordRequests() {
  const fetches: string[] = []
  const streams: string[] = []
  const {fetch: originalFetch, EventSource: OriginalEventSource} = window
  let open: () => void = () => undefined
  let gate: Promise<void> | undefined
  window.fetch = async (input, init) => {
    fetches.push(input instanceof Request ? input.url : String(input))
    await gate
    return originalFetch(input, init)
  }
  window.EventSource = class extends OriginalEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init)
      streams.push(String(url))
    }
  }
  return {
    fetches,
    streams,
    /** Holds every response back until `release` (a slow content service). */
    hold() {
      gate = new Promise((resolve) => (open = resolve))
    },
    release: () => open(),
    restore() {
      window.fetch = originalFetch
      window.EventSource = OriginalEventSource
    },
  }
}

/** The element `markup` describes, created (upgraded) but not yet in the page. */
function create<T>(markup: string): Element<T> {
  const holder = document.createElement('div')
  holder.innerHTML = markup
  const source = holder.firstElementChild!
  const element = document.createElement(source.localName) as Element<T>
  for (const {name, value} of source.attributes) element.setAttribute(name, value)
  return element
}

/** Resolves with the next ck-load's detail; rejects on ck-error. */
const nextEvent = (element: HTMLElement, type = 'ck-load') =>
  new Promise<unknown>((resolve, reject) => {
    element.addEventListener(type, (e) => resolve((e as CustomEvent).detail), {once: true})
    if (type === 'ck-load')
      element.addEventListener(
        'ck-error',
        (e) => reject(new Error((e as CustomEvent<{message: string}>).detail.message)),
        {once: true},
      )
  })

/** The shadow DOM's markup without Lit's comment markers (their ids differ per render). */
const rendered = (element: HTMLElement) => element.shadowRoot!.innerHTML.replace(/<!--.*?-->/gs, '')

/** Loads the element from the lake, and returns the query's answer for it, fetched again. */
async function loadedFromLake<T>(markup: string, tag: ContentInCase<T>['tag']) {
  clearQueryCache() // an answer cached by an earlier test would come without a request
  const requests = recordRequests()
  let element: Element<T>
  try {
    element = (await mount(tag, markup)) as unknown as Element<T>
  } finally {
    requests.restore()
  }
  const url = requests.fetches.find((u) => u.includes('/data/query/'))
  expect(url, 'the element queried the lake').to.be.a('string')
  const body = (await (await fetch(url!)).json()) as {result: T}
  return {element, result: body.result}
}

export function describeContentIn<T>(spec: ContentInCase<T>): void {
  const {tag, markup} = spec

  describe(`<${tag}> content in: the data property (sources, @web/test-runner)`, () => {
    it('renders given data exactly as the same content loaded from the lake, fetching nothing', async () => {
      const {element: loaded, result} = await loadedFromLake<T>(markup, tag)
      const fromLake = rendered(loaded)
      expect(fromLake).to.contain('part=')
      document.body.innerHTML = ''
      clearQueryCache() // so that a load would have to ask the lake

      const requests = recordRequests()
      try {
        const given = create<T>(markup)
        given.data = result
        const load = nextEvent(given)
        document.body.append(given)
        await load
        await given.updateComplete
        expect(rendered(given)).to.equal(fromLake)
        expect(requests.fetches).to.deep.equal([])
      } finally {
        requests.restore()
      }
    })

    it('fetches nothing with data set before it connects, and loads again once data is undefined', async () => {
      const {result} = await loadedFromLake<T>(markup, tag)
      document.body.innerHTML = ''
      const requests = recordRequests()
      try {
        // An address nothing answers at: any request would be seen, and fail.
        const given = create<T>(markup)
        given.setAttribute('api-host', 'http://127.0.0.1:9')
        given.setAttribute('live', '')
        given.data = spec.edit(result)
        const load = nextEvent(given)
        document.body.append(given)
        await load
        await given.updateComplete
        expect(spec.shown(given)).to.equal(spec.edited)
        expect(requests.fetches).to.deep.equal([])
        expect(requests.streams).to.deep.equal([])

        const failed = nextEvent(given, 'ck-error')
        given.data = undefined
        await failed
        expect(requests.fetches.length).to.be.greaterThan(0)
        expect(requests.fetches.every((url) => url.startsWith('http://127.0.0.1:9/'))).to.equal(
          true,
        )
        expect(requests.streams.length, 'live follows the lake again').to.be.greaterThan(0)
      } finally {
        requests.restore()
      }
    })

    it('shows data set during a slow load, and ignores that load’s answer', async () => {
      const {result} = await loadedFromLake<T>(markup, tag)
      document.body.innerHTML = ''
      const requests = recordRequests()
      requests.hold()
      try {
        // Two elements share the slow request: the second one's answer tells when it arrived.
        clearQueryCache()
        document.body.innerHTML = markup + markup
        const [first, second] = [...document.querySelectorAll(tag)] as unknown as Element<T>[]
        await first!.updateComplete
        expect(requests.fetches, 'the load is under way').to.have.length(1)
        const loads: unknown[] = []
        first!.addEventListener('ck-load', (e) => loads.push((e as CustomEvent).detail))
        const secondLoaded = nextEvent(second!)
        first!.data = spec.edit(result)
        await first!.updateComplete
        expect(spec.shown(first!)).to.equal(spec.edited)
        expect(loads).to.have.length(1)

        requests.release()
        await secondLoaded
        await Promise.all([first!.updateComplete, second!.updateComplete])
        expect(spec.shown(second!)).not.to.equal(spec.edited)
        expect(spec.shown(first!)).to.equal(spec.edited)
        expect(loads, 'the slow answer fires no ck-load on the element given data').to.have.length(
          1,
        )
      } finally {
        requests.release()
        requests.restore()
      }
    })
  })
}
