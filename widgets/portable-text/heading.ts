// Headings at a level the page chooses. Lit cannot make a tag name dynamic without its static
// templates (which a drop-in script would pay for), so each level has its own small template.
import {html, type TemplateResult} from 'lit'

/** An `<h1>`–`<h6>` (levels outside 1–6 are clamped) with `part` and `content`. */
export function heading(level: number, part: string, content: unknown): TemplateResult {
  switch (Math.min(6, Math.max(1, Math.round(level) || 1))) {
    case 1:
      return html`<h1 part=${part}>${content}</h1>`
    case 2:
      return html`<h2 part=${part}>${content}</h2>`
    case 3:
      return html`<h3 part=${part}>${content}</h3>`
    case 4:
      return html`<h4 part=${part}>${content}</h4>`
    case 5:
      return html`<h5 part=${part}>${content}</h5>`
    default:
      return html`<h6 part=${part}>${content}</h6>`
  }
}
