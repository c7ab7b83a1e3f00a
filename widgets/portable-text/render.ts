// Portable Text to Lit templates. CMS strings only ever become text nodes (never parsed as HTML);
// links are limited to http(s), mailto and tel; unknown types render nothing and warn once; what
// cannot be read at all is left out by clean.ts.
import {
  LIST_NEST_MODE_HTML,
  buildMarksTree,
  isPortableTextBlock,
  isPortableTextToolkitList,
  isPortableTextToolkitSpan,
  isPortableTextToolkitTextNode,
  nestLists,
} from '@portabletext/toolkit'
import type {
  ToolkitNestedPortableTextSpan,
  ToolkitPortableTextList,
  ToolkitTextNode,
} from '@portabletext/toolkit'
import type {PortableTextBlock} from '@portabletext/types'
import {html, nothing, type TemplateResult} from 'lit'
import {isWebUrl} from '../content/config'
import {citationLink} from './citations'
import {cleanText} from './clean'
import type {heading} from './heading'

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

type Node = PortableTextBlock | ToolkitPortableTextList | {_type: string; [key: string]: unknown}

/** What the renderer returns: Lit renders arrays directly, which saves a template per level. */
export type Rendered = TemplateResult | string | typeof nothing | Rendered[]

/** The readable nodes of a Portable Text value (see clean.ts). */
const nodesOf = (value: unknown) => cleanText(value).nodes as Node[]

export function renderPortableText(value: unknown, options: RenderOptions = {}): Rendered {
  const nodes = nodesOf(value)
  if (nodes.length === 0) return nothing
  const nested = nestLists(nodes as PortableTextBlock[], LIST_NEST_MODE_HTML) as Node[]
  return nested.map((node) => renderNode(node, options))
}

function renderNode(node: Node, options: RenderOptions): TemplateResult | typeof nothing {
  if (isPortableTextToolkitList(node)) return renderList(node, options)
  if (isPortableTextBlock(node)) return renderBlock(node, options)
  const custom = options.types?.[node._type]
  if (custom) return custom(node as {[key: string]: unknown})
  warnOnce(`block type "${node._type}"`)
  return nothing
}

function renderList(list: ToolkitPortableTextList, options: RenderOptions): TemplateResult {
  const items = list.children.map((item) => {
    const nestedLists = (item.children as unknown[]).filter((c) =>
      isPortableTextToolkitList(c as Node),
    ) as ToolkitPortableTextList[]
    const inline = {
      ...item,
      children: (item.children as unknown[]).filter((c) => !isPortableTextToolkitList(c as Node)),
    }
    return html`<li part="text-list-item">
      ${renderInline(inline as PortableTextBlock, options)}${nestedLists.map((l) => renderList(l, options))}
    </li>`
  })
  return list.listItem === 'number'
    ? html`<ol part="text-list">
        ${items}
      </ol>`
    : html`<ul part="text-list">
        ${items}
      </ul>`
}

function renderBlock(block: PortableTextBlock, options: RenderOptions): TemplateResult {
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

function renderInline(block: PortableTextBlock, options: RenderOptions): Rendered {
  return buildMarksTree(block).map((node) => renderSpanNode(node, options))
}

function renderSpanNode(
  node: ToolkitNestedPortableTextSpan | ToolkitTextNode | {_type: string},
  options: RenderOptions,
): Rendered {
  if (isPortableTextToolkitTextNode(node)) return options.text?.(node.text) ?? node.text
  if (!isPortableTextToolkitSpan(node)) {
    warnOnce(`inline type "${node._type}"`)
    return nothing
  }
  const children = node.children.map((child) => renderSpanNode(child, options))
  const def = node.markDef as
    | {
        _type?: string
        href?: unknown
        sourceKey?: unknown
        reference?: {_type?: string; slug?: string}
      }
    | undefined
  switch (node.markType) {
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
      warnOnce(`mark "${node.markType}"`)
      return children
  }
}

/** Plain text of Portable Text, for JSON-LD and search. */
export function plainText(value: unknown): string {
  return nodesOf(value)
    .filter((b): b is PortableTextBlock => isPortableTextBlock(b))
    .map((b) =>
      (b.children as Array<{text?: unknown}>)
        .map((c) => (typeof c.text === 'string' ? c.text : ''))
        .join(''),
    )
    .join('\n')
}
