// Portable Text to Lit templates. CMS strings only ever become text nodes (never parsed as HTML);
// links are limited to http(s), mailto and tel; unknown types render nothing and warn once; what
// cannot be read at all is left out by clean.ts.
import {html, nothing, type TemplateResult} from 'lit'
import {isWebUrl} from '../content/config'
import {citationLink} from './citations'
import {cleanText, type PortableTextNode} from './clean'
import type {heading} from './heading'
import {marksTree, nestLists, type InlineNode, type List, type TextBlock} from './tree'

export interface RenderOptions {
  /** `sources[]._key` in order: citation markers link to `#<citationPrefix><n>`. */
  sourceKeys?: string[]
  citationPrefix?: string
  /** URL for an internal link, e.g. (type, slug) => `/${type}/${slug}`; without it they render as text. */
  internalHref?: (type: string, slug: string) => string | null
  /**
   * How the text's own h2–h4 render: heading.ts's `heading`, which the article passes. Without it
   * they are paragraphs: FAQ answers hold no headings, so the FAQ script need not carry them.
   */
  heading?: typeof heading
  /**
   * The level of the heading the text sits under (default 1): the text's own h2–h4 move down
   * with it, so an article titled at h2 has its sections at h3. Capped at h6.
   */
  headingLevel?: number
  /**
   * Renderers for block types beyond text (e.g. an article's callouts and images, see blocks.ts);
   * any other type renders nothing and warns once.
   */
  types?: BlockRenderers
  /** How a run of text is shown, e.g. with search matches marked; as it is by default. */
  text?: (text: string) => Rendered
}

export type BlockRenderers = Record<
  string,
  (node: {[key: string]: unknown}) => TemplateResult | typeof nothing
>

const SAFE_LINK = /^(https?:|mailto:|tel:)/i
const warned = new Set<string>()

function warnOnce(kind: string) {
  if (warned.has(kind)) return
  warned.add(kind)
  console.warn(`clinic-kit: no renderer for Portable Text ${kind}; it is left out`)
}

export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const trimmed = href.trim()
  return SAFE_LINK.test(trimmed) ? trimmed : null
}

/** What the renderer returns: Lit renders arrays directly, which saves a template per level. */
export type Rendered = TemplateResult | string | typeof nothing | Rendered[]

/** The readable nodes of a Portable Text value (see clean.ts). */
const nodesOf = (value: unknown) => cleanText(value).nodes

export function renderPortableText(value: unknown, options: RenderOptions = {}): Rendered {
  const nodes = nodesOf(value)
  if (nodes.length === 0) return nothing
  return nestLists(nodes).map((node) => renderNode(node, options))
}

function renderNode(node: PortableTextNode | List, options: RenderOptions): Rendered {
  if (node._type === '@list') return renderList(node as List, options)
  if (node._type === 'block') return renderBlock(node as TextBlock, options)
  // Own properties only: a block typed `constructor` or `__proto__` is unknown, not Object's.
  const {types} = options
  if (types && Object.hasOwn(types, node._type)) return types[node._type]!(node as PortableTextNode)
  warnOnce(`block type "${node._type}"`)
  return nothing
}

function renderList(list: List, options: RenderOptions): TemplateResult {
  const items = list.items.map(
    (item) =>
      html`<li part="text-list-item">
        ${renderInline(item.block, options)}${item.lists.map((l) => renderList(l, options))}
      </li>`,
  )
  return list.listItem === 'number'
    ? html`<ol part="text-list">
        ${items}
      </ol>`
    : html`<ul part="text-list">
        ${items}
      </ul>`
}

function renderBlock(block: TextBlock, options: RenderOptions): TemplateResult {
  const content = renderInline(block, options)
  const {style} = block
  if (options.heading && (style === 'h2' || style === 'h3' || style === 'h4'))
    // The part keeps the editor's level (text-h2…) so styles need not follow the shifted tag.
    return options.heading(
      Number(style[1]) - 1 + (options.headingLevel ?? 1),
      `text-heading text-${style}`,
      content,
    )
  return style === 'blockquote'
    ? html`<blockquote part="text-quote">${content}</blockquote>`
    : html`<p part="text-paragraph">${content}</p>`
}

function renderInline(block: TextBlock, options: RenderOptions): Rendered {
  return marksTree(block).map((node) => renderSpanNode(node, options))
}

function renderSpanNode(node: InlineNode, options: RenderOptions): Rendered {
  if (node._type === '@text') return options.text?.(node.text as string) ?? (node.text as string)
  if (node._type !== '@span') {
    warnOnce(`inline type "${node._type}"`)
    return nothing
  }
  const span = node as Extract<InlineNode, {_type: '@span'}>
  const children = span.children.map((child) => renderSpanNode(child, options))
  const def = span.markDef as
    | {
        href?: unknown
        sourceKey?: unknown
        reference?: {_type?: string; slug?: string}
      }
    | undefined
  switch (span.markType) {
    case 'strong':
      return html`<strong>${children}</strong>`
    case 'em':
      return html`<em>${children}</em>`
    case 'code':
      return html`<code>${children}</code>`
    case 'link': {
      const href = safeHref(def?.href)
      if (!href) return children
      const external = isWebUrl(href)
      return external
        ? html`<a part="text-link" href=${href} rel="noopener noreferrer">${children}</a>`
        : html`<a part="text-link" href=${href}>${children}</a>`
    }
    case 'internalLink': {
      const ref = def?.reference
      const href = ref?._type && ref.slug ? options.internalHref?.(ref._type, ref.slug) : null
      return href ? html`<a part="text-link" href=${href}>${children}</a>` : children
    }
    case 'citationMarker': {
      const index = options.sourceKeys?.indexOf(String(def?.sourceKey)) ?? -1
      if (index < 0) return children
      const n = index + 1
      return html`${children}<sup part="citation"
          >${citationLink(options.citationPrefix ?? 'ck-source-', n)}</sup
        >`
    }
    default:
      warnOnce(`mark "${span.markType}"`)
      return children
  }
}

/** Plain text of Portable Text, for JSON-LD and search. */
export function plainText(value: unknown): string {
  return nodesOf(value)
    .filter((node) => node._type === 'block')
    .map((block) =>
      (block as TextBlock).children.map((c) => (typeof c.text === 'string' ? c.text : '')).join(''),
    )
    .join('\n')
}
