import {html, nothing, type PropertyValues} from 'lit'
import {isWebUrl, resolveConfig} from '../content/config'
import {ContentElement, headingLevel} from '../content/content-element'
import {EVENT_INIT, type QuerySpec} from '../content/controller'
import {
  FAQ_LISTEN_QUERY,
  FAQ_QUERY,
  type FaqItem,
  type FaqQueryResult,
  type PartnerTheme,
} from '../content/queries'
import {renderSources} from '../portable-text/citations'
import {cleanText, type Tally} from '../portable-text/clean'
import {plainText, renderPortableText, type Rendered} from '../portable-text/render'
import {entries, textList} from '../content/values'
import {translate} from '../i18n/strings'
import {stateStyles} from '../styles/states'
import {themeProperties} from '../styles/theme'
import {tokens} from '../styles/tokens'
import {FAQ_STRINGS} from './strings'
import {faqStyles} from './styles'

// Each loaded FAQ's rendered answer and search text, computed once: typing in the search box and
// opening answers re-render the list without rebuilding every answer.
const answers = new WeakMap<FaqItem, Rendered>()
const searchTexts = new WeakMap<FaqItem, string>()

/**
 * The answer and, under it, its numbered sources, which its citation markers link to. During a
 * search `mark` marks the matches, and the answer is rendered afresh (the search changes as you
 * type); otherwise it is rendered once.
 */
function answerOf(faq: FaqItem, sourcesLabel: string, mark?: Marker): Rendered {
  let answer = mark ? undefined : answers.get(faq)
  if (answer === undefined) {
    const sources = entries(faq.sources)
    const prefix = `faq-${faq._id}-source-`
    answer = [
      renderPortableText(faq.answer, {
        sourceKeys: sources.map((s) => s._key),
        citationPrefix: prefix,
        text: mark,
      }),
      sources.length
        ? html`<p part="sources-label">${sourcesLabel}</p>
            ${renderSources(sources, prefix)}`
        : nothing,
    ]
    if (!mark) answers.set(faq, answer)
  }
  return answer
}

type Marker = (text: string) => Rendered

/** Marks every match of a search in a text (part `match`); none without a search. */
function matchMarker(search: string): Marker | undefined {
  if (!search) return undefined
  const pattern = new RegExp(`(${search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi')
  return (text) =>
    text.split(pattern).map((part, i) => (i % 2 ? html`<mark part="match">${part}</mark>` : part))
}

function searchTextOf(faq: FaqItem): string {
  let text = searchTexts.get(faq)
  if (text === undefined) {
    text = `${faq.question}\n${plainText(faq.answer)}`.toLowerCase()
    searchTexts.set(faq, text)
  }
  return text
}

/** A question that can be shown: FAQs without one (written through the API) are left out. */
const hasQuestion = (faq: FaqItem) => typeof faq.question === 'string' && faq.question !== ''

const scoped = new WeakMap<FaqQueryResult, FaqItem[]>()

/** The start of the error (ck-error, console) for a partner slug no published partner has. */
const UNKNOWN = FAQ_STRINGS.en.unknownPartner

/** Unknown partner slugs already named on the console: once per slug per page. */
const warnedPartners = new Set<string>()

/**
 * The FAQs a result shows, once per result. A partner's scope narrows them to its FAQ categories
 * (uncategorised FAQs stay) and to FAQs about at least one of its conditions.
 */
function scopedFaqs(result: FaqQueryResult): FaqItem[] {
  let faqs = scoped.get(result)
  if (!faqs) {
    const categories = textList(result.partner?.scope?.faqCategories)
    const conditions = textList(result.partner?.scope?.conditions)
    faqs = entries(result.faqs).filter(
      (faq) =>
        hasQuestion(faq) &&
        (!categories.length || !faq.category || categories.includes(faq.category)) &&
        (!conditions.length || textList(faq.conditions).some((id) => conditions.includes(id))),
    )
    scoped.set(result, faqs)
  }
  return faqs
}

/**
 * @summary Medically reviewed FAQs as an accessible accordion, for any page or partner site.
 * @element ck-faq
 *
 * @attr topic - Condition or treatment slug, e.g. `chronic-migraine`.
 * @attr category - FAQ category: conditions, treatments, appointments, insurance-and-cost.
 * @attr limit - Most questions to show (default 50).
 * @attr lang - `en` or `es`: the FAQs' language and the UI strings.
 * @attr partner - Partner clinic slug: only FAQs shared with it, in its theme, with attribution.
 * @attr heading-level - Level of each question's heading, 2–6 (default 3).
 * @attr searchable - Shows a search box that filters and highlights as you type.
 * @attr structured-data - Adds schema.org FAQPage JSON-LD for exactly the questions shown.
 * @attr live - Updates when the content changes.
 * @attr cache - `persist`: shows the last loaded questions at once (localStorage), then refreshes.
 * @attr api-host - Content service (overrides `<ck-config>`); also project-id, dataset, api-version.
 *
 * @prop {FaqQueryResult | undefined} data - What FAQ_QUERY returns,
 *   shown as given (a JS property, see docs/widgets-content-in.md): nothing is fetched.
 *   `undefined` loads from the content service again.
 *
 * @csspart base - The wrapper around everything shown; its `lang` is the language shown.
 * @csspart search - The search input.
 * @csspart search-status - How many questions match the search (a live region).
 * @csspart questions - The list of questions.
 * @csspart item - One question and answer.
 * @csspart heading - The heading around each question's button.
 * @csspart button - The button that opens and closes an answer.
 * @csspart icon - The chevron in the button.
 * @csspart panel - An answer.
 * @csspart match - Search matches, highlighted in questions and answers.
 * @csspart skeleton - The placeholder while loading.
 * @csspart status - Empty and error messages.
 * @csspart retry - The retry button of the error state.
 * @csspart attribution - The partner attribution line.
 * @csspart sources - An answer's numbered sources, which its citation markers link to.
 * @csspart sources-label - The "Sources" label above them.
 * @csspart text-paragraph - A paragraph of an answer.
 * @csspart text-list - A bulleted or numbered list (nested lists inside their item).
 * @csspart text-list-item - A list item.
 * @csspart text-quote - A quotation.
 * @csspart text-link - A link in the text.
 * @csspart citation - A numbered citation marker linking to its source.
 *
 * @cssprop --ck-color-primary - Accent: focus rings, links, buttons.
 * @cssprop --ck-color-on-primary - Text on the accent colour.
 * @cssprop --ck-color-text - Text colour.
 * @cssprop --ck-color-muted - Secondary text.
 * @cssprop --ck-color-bg - Background.
 * @cssprop --ck-color-border - Dividers between questions.
 * @cssprop --ck-color-field-border - The search field's border (keep it 3:1 against the background).
 * @cssprop --ck-color-highlight - Search match background.
 * @cssprop --ck-font - Font family.
 * @cssprop --ck-radius - Corner radius.
 * @cssprop --ck-space - Base spacing.
 * @cssprop --ck-padding - Space inside the element's edge (default none; a partner theme with a background sets it).
 *
 * @fires ck-faq-toggle - An answer opened or closed: `{id, question, open}`.
 * @fires ck-load - Questions loaded: `{count}`.
 *   Also fires each time `data` is set.
 * @fires ck-error - Loading failed: `{message}`.
 */
export class CkFaq extends ContentElement<FaqQueryResult> {
  static override styles = [tokens, stateStyles, faqStyles]

  static override properties = {
    topic: {type: String},
    category: {type: String},
    limit: {type: Number},
    partner: {type: String},
    headingLevel: {type: Number, attribute: 'heading-level'},
    searchable: {type: Boolean},
    structuredData: {type: Boolean, attribute: 'structured-data'},
    filter: {state: true},
    open: {state: true},
  }

  topic = ''
  category = ''
  limit = 50
  partner = ''
  headingLevel = 3
  searchable = false
  structuredData = false
  filter = ''
  open = new Set<string>()

  protected static override inputs = ['topic', 'category', 'limit', 'lang', 'partner']
  #shown?: FaqQueryResult
  /** Whether the element's style holds a partner theme's properties. */
  #themed = false

  protected querySpec(): QuerySpec<FaqQueryResult> {
    return {
      query: FAQ_QUERY,
      listenQuery: FAQ_LISTEN_QUERY,
      params: (config) => ({
        lang: this.lang || config.lang,
        topic: this.topic,
        category: this.category,
        partner: this.partner || config.partner,
        limit: Math.max(1, Math.min(500, Number(this.limit) || 50)),
      }),
      detail: (result) => ({count: scopedFaqs(result).length}),
      // A partner slug that names no published partner (misspelt, or not published yet) would
      // show every FAQ without the partner's scope, theme or credit line: an error instead.
      problem: (result) => {
        const slug = this.partner || resolveConfig(this).partner
        if (!slug || result.partner) return
        const message = `${UNKNOWN} “${slug}”`
        if (!warnedPartners.has(slug)) console.warn('clinic-kit:', message)
        warnedPartners.add(slug)
        return message
      },
    }
  }

  /** The questions loaded (before any search filter). */
  get items(): FaqItem[] {
    return this.content.result ? scopedFaqs(this.content.result) : []
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('hashchange', this.#onHashChange)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('hashchange', this.#onHashChange)
  }

  /**
   * A partner's theme, as --ck-* properties on the element (see styles/theme.ts); values that are
   * not safe CSS are left out and noted. Without a theme the element's style is left as the page
   * wrote it.
   */
  #applyTheme(theme: PartnerTheme | null | undefined) {
    const skipped: Tally = {}
    const values = themeProperties(theme, skipped)
    this.skip(skipped)
    const themed = Object.values(values).some(Boolean)
    if (!themed && !this.#themed) return
    for (const [name, value] of Object.entries(values))
      if (value) this.style.setProperty(name, value)
      else this.style.removeProperty(name)
    this.#themed = themed
  }

  get #visible(): FaqItem[] {
    const needle = this.filter.trim().toLowerCase()
    if (!needle) return this.items
    return this.items.filter((faq) => searchTextOf(faq).includes(needle))
  }

  #toggle(faq: FaqItem, open = !this.open.has(faq._id)) {
    const next = new Set(this.open)
    if (open) next.add(faq._id)
    else next.delete(faq._id)
    this.open = next
    this.dispatchEvent(
      new CustomEvent('ck-faq-toggle', {
        detail: {id: faq._id, question: faq.question, open},
        ...EVENT_INIT,
      }),
    )
  }

  readonly #onHashChange = () => this.#openFromHash()

  /** `#faq-<id>` opens that question and scrolls it into view. */
  #openFromHash() {
    const {hash} = window.location
    if (!hash.startsWith('#faq-')) return
    let id: string
    try {
      id = decodeURIComponent(hash.slice(5))
    } catch {
      // A malformed escape (`#faq-%E0%A4%A`) names no question.
      return
    }
    const faq = this.items.find((item) => item._id === id)
    if (!faq) return
    if (!this.open.has(id)) this.#toggle(faq, true)
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector(`#faq-${CSS.escape(id)}`)?.scrollIntoView({block: 'start'}),
    )
  }

  #onKeyDown(event: KeyboardEvent) {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="button"]')]
    const index = buttons.indexOf(event.target as HTMLButtonElement)
    if (index < 0) return
    const target = {
      ArrowDown: buttons[(index + 1) % buttons.length],
      ArrowUp: buttons[(index - 1 + buttons.length) % buttons.length],
      Home: buttons[0],
      End: buttons[buttons.length - 1],
    }[event.key]
    if (!target) return
    event.preventDefault()
    target.focus()
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed)
    // The skeleton stands for up to eight questions, below the space the search box will take.
    // Set through CSSOM: a strict Content-Security-Policy blocks style attributes.
    const base = this.renderRoot as HTMLElement
    base.style.setProperty('--_rows', String(Math.min(Math.max(1, Number(this.limit) || 6), 8)))
    base.style.setProperty('--_lead', this.searchable ? 'calc(44px + var(--_space))' : '0px')
  }

  protected override updated(): void {
    const result = this.content.result
    if (result && result !== this.#shown) {
      this.#shown = result
      this.#applyTheme(result.partner?.theme)
      this.#openFromHash()
    }
    // After the theme: its unsafe values are in this load's console note.
    super.updated()
  }

  /** Questions without text, and what each answer shown left out. */
  protected override malformed(result: FaqQueryResult): void {
    const questionless = entries(result.faqs).filter((faq) => !hasQuestion(faq)).length
    this.skip({'question without text': questionless})
    for (const faq of scopedFaqs(result)) this.skip(cleanText(faq.answer).skipped)
  }

  /** FAQPage with exactly the questions shown, when `structured-data` is set. */
  protected override jsonLdData(): object | null {
    if (!this.structuredData) return null
    return {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: this.#visible.map((faq) => ({
        '@type': 'Question',
        name: faq.question,
        acceptedAnswer: {'@type': 'Answer', text: plainText(faq.answer)},
      })),
    }
  }

  protected override render() {
    const t = translate(FAQ_STRINGS, this.uiLang)
    // An unknown partner is named, in the element's language; other failures say what failed.
    const {errorMessage} = this.content
    const pending = this.renderPending(
      errorMessage.startsWith(UNKNOWN)
        ? t.unknownPartner + errorMessage.slice(UNKNOWN.length)
        : t.error,
    )
    if (pending) return pending
    const level = headingLevel(this.headingLevel)
    const visible = this.#visible
    const attribution = this.content.result?.partner?.attribution
    const mark = matchMarker(this.filter.trim())
    return html`
      ${
        this.searchable
          ? html`<input
                part="search"
                type="search"
                aria-label=${t.search}
                placeholder=${t.search}
                .value=${this.filter}
                @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
              />
              <p part="search-status" role="status">${this.#searchStatus(t, visible.length)}</p>`
          : nothing
      }
      ${
        this.items.length === 0
          ? html`<p part="status">${t.empty}</p>`
          : visible.length === 0
            ? nothing
            : html`<div
                part="questions"
                @keydown=${this.#onKeyDown}
                @click=${this.#onItemEvent}
                @beforematch=${this.#onItemEvent}
              >
                ${visible.map((faq) => this.#renderItem(faq, level, visible.length <= 6, t.sources, mark))}
              </div>`
      }
      ${attribution?.text && typeof attribution.text === 'string' ? this.#renderAttribution(attribution) : nothing}
    `
  }

  /**
   * One listener for every question: a click on a button toggles its answer, and find-in-page
   * revealing a closed answer (`beforematch`, which bubbles) opens it.
   */
  #onItemEvent(event: Event) {
    const target = event.target as Element
    if (event.type === 'click' && !target.closest('[part~="button"]')) return
    const id = target.closest<HTMLElement>('[part~="item"]')?.dataset.id
    const faq = this.items.find((item) => item._id === id)
    if (faq) this.#toggle(faq, event.type === 'beforematch' ? true : undefined)
  }

  /**
   * What a search found, announced as it changes (a live region, always present so screen readers
   * hear each change); empty without a search.
   */
  #searchStatus(t: (typeof FAQ_STRINGS)['en'], count: number): string {
    if (!this.filter.trim()) return ''
    return count ? t.matches(count) : t.noMatches
  }

  /** `region` only for short lists: the APG advises against a landmark per panel in long ones. */
  #renderItem(
    faq: FaqItem,
    level: number,
    regions: boolean,
    sourcesLabel: string,
    mark: Marker | undefined,
  ) {
    const open = this.open.has(faq._id) || mark !== undefined
    const panelId = `faq-panel-${faq._id}`
    return html`<div part="item" id="faq-${faq._id}" data-id=${faq._id}>
      <div part="heading" role="heading" aria-level=${level}>
        <button
          part="button"
          type="button"
          id="faq-button-${faq._id}"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${panelId}
        >
          <span>${mark ? mark(faq.question) : faq.question}</span
          ><i part="icon" aria-hidden="true"></i>
        </button>
      </div>
      <div
        part="panel"
        id=${panelId}
        role=${regions ? 'region' : nothing}
        aria-labelledby="faq-button-${faq._id}"
        hidden=${open ? nothing : 'until-found'}
      >
        ${answerOf(faq, sourcesLabel, mark)}
      </div>
    </div>`
  }

  #renderAttribution(attribution: {text?: string; url?: string}) {
    const href = isWebUrl(attribution.url) ? attribution.url : null
    return html`<p part="attribution">
      ${href ? html`<a href=${href} rel="noopener">${attribution.text}</a>` : attribution.text}
    </p>`
  }
}
