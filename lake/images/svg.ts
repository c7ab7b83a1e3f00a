// How much drawing an SVG asks for, counted before librsvg renders it: every `<use>` draws its
// target again, so a kilobyte of `<use>` nested ten deep draws billions of shapes. The count
// follows each element and, for a `<use>`, the element it references (memoised per element).
import {LakeError} from '../http/errors'

/**
 * Shapes an SVG may draw, `<use>` copies counted; past it the lake refuses to render it. librsvg
 * takes about half a second for 50,000 (and gives up itself only past 500,000, seconds later).
 */
export const MAX_SVG_ELEMENTS = 50_000

const MAX_SVG_DEPTH = 500

interface Element {
  children: Element[]
  /** The `#id` a `<use>` references. */
  ref: string | null
}

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g
const ID = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)')/
const HREF = /(?:^|\s)(?:xlink:)?href\s*=\s*(?:"\s*#([^"]*)"|'\s*#([^']*)')/

/** The elements an SVG draws, counting each `<use>`'s copy; Infinity for a reference cycle. */
export function svgElementCount(text: string): number {
  const root: Element = {children: [], ref: null}
  const byId = new Map<string, Element>()
  const open: Element[] = [root]
  // Comments, CDATA and processing instructions hold no elements.
  const body = text.replace(/<!--[^]*?-->|<!\[CDATA\[[^]*?\]\]>|<\?[^]*?\?>|<![^>]*>/g, '')
  for (const [, closing, name, attributes = '', selfClosing] of body.matchAll(TAG)) {
    if (closing) {
      if (open.length > 1) open.pop()
      continue
    }
    const href = /(^|:)use$/.exec(name!) ? HREF.exec(attributes) : null
    const element: Element = {children: [], ref: href ? (href[1] ?? href[2] ?? null) : null}
    open.at(-1)!.children.push(element)
    const id = ID.exec(attributes)
    if (id) byId.set(id[1] ?? id[2] ?? '', element)
    if (!selfClosing) open.push(element)
    // Deeper than any drawing needs (and than the count's recursion should go).
    if (open.length > MAX_SVG_DEPTH) return Infinity
  }
  const counted = new Map<Element, number>()
  const visiting = new Set<Element>()
  const count = (element: Element): number => {
    const known = counted.get(element)
    if (known !== undefined) return known
    if (visiting.has(element)) return Infinity
    visiting.add(element)
    let total = 1
    for (const child of element.children) total += count(child)
    const target = element.ref === null ? undefined : byId.get(element.ref)
    if (target) total += count(target)
    visiting.delete(element)
    counted.set(element, total)
    return total
  }
  return count(root) - 1
}

/** Refuses an SVG that would draw more than MAX_SVG_ELEMENTS shapes. */
export function checkSvgCost(text: string): void {
  const elements = svgElementCount(text)
  if (elements > MAX_SVG_ELEMENTS)
    throw new LakeError(
      422,
      'imageTooComplexError',
      `The SVG draws ${Number.isFinite(elements) ? elements : 'endlessly many'} elements (its <use> references included); the lake renders SVGs of up to ${MAX_SVG_ELEMENTS}`,
      {limit: MAX_SVG_ELEMENTS},
    )
}
