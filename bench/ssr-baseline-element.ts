// The floor `npm run bench:ssr` (bench/ssr.ts) compares the widgets against: a bare Lit element
// that sends one fetch (the URL in its `src` attribute: the query <ck-faq> sends) and renders each
// question as a button, with no styles, no states, no JSON-LD. Built into one IIFE by the bench.
import {LitElement, html} from 'lit'

interface Answer {
  result: {faqs: Array<{_id: string; question: string}>}
}

class BareFaq extends LitElement {
  static override properties = {faqs: {state: true}}
  declare faqs: Answer['result']['faqs']

  constructor() {
    super()
    this.faqs = []
  }

  override connectedCallback() {
    super.connectedCallback()
    void fetch(this.getAttribute('src') ?? '')
      .then((response) => response.json() as Promise<Answer>)
      .then((answer) => {
        this.faqs = answer.result.faqs
      })
  }

  override render() {
    return html`<ul>
      ${this.faqs.map((faq) => html`<li><button part="button">${faq.question}</button></li>`)}
    </ul>`
  }
}

customElements.define('bare-faq', BareFaq)
