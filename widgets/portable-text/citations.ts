// Numbered sources and the citation links that point at them. The sources sit in the element's
// shadow root, where the page's own fragment navigation cannot reach, so a citation link scrolls
// to its source and moves focus there itself.
import {html, type TemplateResult} from 'lit'
import {isWebUrl} from '../content/config'

export interface Source {
  title?: string | null
  publisher?: string | null
  url?: string | null
}

/** A citation marker's link: `[n]`, to the source with id `<prefix><n>`. */
export function citationLink(prefix: string, n: number): TemplateResult {
  return html`<a href="#${prefix}${n}" @click=${followCitation}>[${n}]</a>`
}

function followCitation(event: MouseEvent): void {
  const link = event.currentTarget as HTMLAnchorElement
  const root = link.getRootNode() as ShadowRoot | Document
  const source = root.getElementById(link.hash.slice(1))
  if (!source) return
  // The URL keeps the page's own fragment; readers land on the source, keyboard focus too.
  event.preventDefault()
  source.scrollIntoView({block: 'center'})
  source.focus({preventScroll: true})
}

/** The numbered list of sources, each `<prefix><n>` so citation links reach it. */
export function renderSources(sources: readonly Source[], prefix: string): TemplateResult {
  return html`<ol part="sources">
    ${sources.map(
      (s, i) =>
        html`<li id="${prefix}${i + 1}" tabindex="-1">
          ${isWebUrl(s.url) ? html`<a href=${s.url} rel="noopener noreferrer">${s.title}</a>` : s.title}${s.publisher ? `, ${s.publisher}` : ''}
        </li>`,
    )}
  </ol>`
}
