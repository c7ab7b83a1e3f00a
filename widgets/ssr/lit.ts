// The one module that knows Lit SSR (@lit-labs/ssr, a Lit Labs package): it renders a clinic-kit
// element, given its attributes and `data`, to HTML with its shadow root as declarative shadow DOM.
// The rest of @clinic-kit/widgets/ssr goes through `renderToString`, so another renderer can take
// its place here.
import {LitElementRenderer, render, type RenderInfo} from '@lit-labs/ssr'
import {collectResult} from '@lit-labs/ssr/lib/render-result.js'
import {renderLight} from '@lit-labs/ssr-client/directives/render-light.js'
import {html} from 'lit'
import type {ContentElement} from '../content/content-element'

/** What the server writes for an element beside its shadow root, once the element has `data`. */
export interface ServerParts {
  /** Inline style properties of the host (e.g. a partner's theme), in the browser's order. */
  hostStyle(element: ContentElement<unknown>): Record<string, string>
  /** The element's light DOM (its JSON-LD, its `data`), as HTML. */
  light(element: ContentElement<unknown>): string
}

/** `element.style` as far as the elements use it (CSSOM custom properties), kept for the markup. */
class StyleRecord {
  readonly values = new Map<string, string>()
  setProperty(name: string, value: string) {
    this.values.set(name, value)
  }
  removeProperty(name: string) {
    this.values.delete(name)
  }
  /** As the browser serializes an element's `style` attribute. */
  toString() {
    return [...this.values].map(([name, value]) => `${name}: ${value};`).join(' ')
  }
}

export const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/**
 * Lit's renderer for the elements, with the `base` part every element renders into (the client
 * creates it in ContentElement.createRenderRoot, which the server does not run).
 */
function rendererFor(parts: ServerParts) {
  return class ClinicKitRenderer extends LitElementRenderer {
    declare element: ContentElement<unknown>
    readonly #base = {lang: '', style: new StyleRecord()}

    constructor(tagName: string) {
      super(tagName)
      // The element sets its shown language and skeleton size on its render root (`base`) as it
      // updates; on the server that root is this stand-in, written out with the shadow root.
      ;(this.element as unknown as {renderRoot: unknown}).renderRoot = this.#base
    }

    override renderAttributes() {
      const style = new StyleRecord()
      for (const [name, value] of Object.entries(parts.hostStyle(this.element)))
        style.setProperty(name, value)
      const own = super.renderAttributes()
      return style.values.size ? [...own, ` style="${escapeAttribute(String(style))}"`] : own
    }

    override renderShadow(renderInfo: RenderInfo) {
      const shadow = super.renderShadow(renderInfo)
      if (!shadow) return shadow
      const head = [...shadow]
      // The last part renders the element's template: it goes inside `base`, as on the client.
      const template = head.pop()!
      const {lang, style} = this.#base
      const attributes = [
        ' part="base"',
        lang ? ` lang="${escapeAttribute(lang)}"` : '',
        style.values.size ? ` style="${escapeAttribute(String(style))}"` : '',
      ]
      return [...head, `<div${attributes.join('')}>`, template, '</div>']
    }

    override renderLight() {
      return [parts.light(this.element)]
    }
  }
}

/** One strings array per element, attribute names and property names, as Lit caches by identity. */
const templates = new Map<string, TemplateStringsArray>()

function templateStrings(tag: string, attributes: string[], properties: string[]) {
  const key = JSON.stringify([tag, attributes, properties])
  let strings = templates.get(key)
  if (!strings) {
    // <tag a=${…} .data=${…}>${renderLight()}</tag>
    const names = [...attributes.map((name) => ` ${name}=`), ...properties.map((n) => ` .${n}=`)]
    const parts = [`<${tag}${names[0] ?? ''}`, ...names.slice(1), '>', `</${tag}>`]
    strings = Object.assign(parts, {raw: parts}) as unknown as TemplateStringsArray
    templates.set(key, strings)
  }
  return strings
}

/**
 * `<tag attributes…>` with its shadow root and light DOM, as one HTML string; `properties` are
 * set on the element before it renders (its `data`). Attribute and property names must be ones
 * the element has (the caller checks): they are written into the template as given.
 */
export async function renderToString(
  tag: string,
  attributes: Record<string, string>,
  properties: Record<string, unknown>,
  parts: ServerParts,
): Promise<string> {
  const strings = templateStrings(tag, Object.keys(attributes), Object.keys(properties))
  const values = [...Object.values(attributes), ...Object.values(properties), renderLight()]
  const template = html(strings, ...values)
  return collectResult(render(template, {elementRenderers: [rendererFor(parts)]}))
}
