// What every clinic-kit element shares: `lang` and `live`, one query driven by the element's
// inputs, the loading and error states, a root marked with the language of what is shown, a
// JSON-LD script kept in step with it, and one console note per load for what it left out.
// Content can also come from the page (`data`), e.g. a preview of a document not yet published.
import {LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult} from 'lit'
import {COMMON_STRINGS, translate, uiLanguage} from '../i18n/strings'
import type {Tally} from '../portable-text/clean'
import {resolveConfig} from './config'
import {QueryController, renderLoadState, type QuerySpec} from './controller'
import {syncJsonLd} from './json-ld'

/** The page's chosen heading level for an element's headings, kept to `lowest`–6 (default 3). */
export const headingLevel = (value: unknown, fallback = 3, lowest = 2): number =>
  Math.min(6, Math.max(lowest, Number(value) || fallback))

export abstract class ContentElement<T> extends LitElement {
  // Subclasses list only their own properties: Lit adds these inherited ones to them.
  static override properties: PropertyDeclarations = {
    lang: {type: String},
    live: {type: Boolean},
    data: {attribute: false},
  }

  /** Properties whose change means asking for the content again. */
  protected static inputs: readonly string[] = []

  override lang = ''
  live = false
  /**
   * Content of exactly the shape the element's query returns, shown instead of loading it: with
   * `data` nothing is fetched, and a load in flight is ignored. `undefined` loads again. Assign a
   * new object to show a change (the element compares by identity).
   */
  data?: T
  protected readonly content: QueryController<T>
  #jsonLd?: HTMLScriptElement
  /** The result whose left-out content has been reported, and what was left out of it. */
  #noted?: T
  #skipped: Tally = {}

  constructor() {
    super()
    this.content = new QueryController(this, this.querySpec())
  }

  /** The element's query; its functions read the element's properties when it loads. */
  protected abstract querySpec(): QuerySpec<T>

  /** schema.org data for exactly what is shown, or `null` for none. */
  protected jsonLdData(): object | null {
    return null
  }

  /**
   * Counts what the element leaves out of `result` (malformed content, unsafe theme values) with
   * `skip`, once per load, before the console note.
   */
  protected malformed(_result: T): void {}

  /** Adds to what this load left out, by kind. */
  protected skip(tally: Tally): void {
    for (const kind in tally)
      if (tally[kind]) this.#skipped[kind] = (this.#skipped[kind] ?? 0) + tally[kind]
  }

  /** The language the element speaks: its own `lang`, else the page's config. */
  protected get uiLang(): string {
    return this.lang || resolveConfig(this).lang
  }

  /**
   * Renders into a `base` part inside the shadow root, which carries the language of what is
   * shown: it may differ from the page's (WCAG 3.1.2), e.g. Spanish FAQs on an English page.
   */
  protected override createRenderRoot(): HTMLElement {
    const base = document.createElement('div')
    base.setAttribute('part', 'base')
    super.createRenderRoot().append(base)
    // Lit renders before the shadow root's first child (a <style> where the browser has no
    // adoptedStyleSheets); here the content goes into `base` instead.
    this.renderOptions.renderBefore = null
    return base
  }

  /** Fetches the content again, bypassing the page cache when `fresh` (Retry does). */
  load(fresh = false): Promise<void> {
    return this.content.load(fresh)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.#jsonLd?.remove()
    this.#jsonLd = undefined
  }

  protected override willUpdate(changed: PropertyValues): void {
    const {inputs} = this.constructor as typeof ContentElement
    const given = changed.has('data')
    if (given || inputs.some((key) => changed.has(key))) void this.content.load()
    if (given || changed.has('live')) this.content.setLive(this.live)
    ;(this.renderRoot as HTMLElement).lang = uiLanguage(this.uiLang)
  }

  /**
   * Content the element cannot show (a field of a type the schema never allowed, say) gives the
   * error state rather than an exception in the partner's page.
   */
  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed)
    } catch (error) {
      if (this.content.state === 'error') throw error
      console.error('clinic-kit: this content cannot be shown', error)
      this.content.fail(error)
      super.update(changed)
    }
  }

  protected override updated(): void {
    const {result, state} = this.content
    if (state === 'ready' && result && result !== this.#noted) {
      // One note per load, naming what was left out, for the page's developer to pass on.
      this.#noted = result
      this.malformed(result)
      const skipped = Object.entries(this.#skipped).map(([kind, n]) => `${n} × ${kind}`)
      if (skipped.length)
        console.warn(
          `clinic-kit: <${this.localName}> skipped malformed content: ${skipped.join(', ')}.`,
        )
    }
    this.#skipped = {}
    let data: object | null = null
    try {
      if (this.content.state === 'ready') data = this.jsonLdData()
    } catch (error) {
      console.error('clinic-kit: no structured data for this content', error)
    }
    this.#jsonLd = syncJsonLd(this, this.#jsonLd, data)
  }

  /** The skeleton while loading, the error with Retry after a failure; `undefined` once ready. */
  protected renderPending(errorText: string): TemplateResult | undefined {
    const t = translate(COMMON_STRINGS, this.uiLang)
    return renderLoadState(this.content, t.loadingContent, errorText, t.retry)
  }
}
