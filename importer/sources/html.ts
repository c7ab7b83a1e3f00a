// An HTML page as website builders (WordPress, Wix, Squarespace) serve it: finds the article
// among the theme's navigation, banners and sidebars, and removes what cannot be imported.
// Works on any DOM Document (jsdom or the browser's), so it runs in both.

export interface HtmlPage {
  title?: string
  description?: string
  siteName?: string
  date?: string
  /** The article's element, cleaned; its children are the body. */
  content: Element
  /** Elements removed from the article that held content (tables, embeds, forms, scripts). */
  dropped: string[]
  /** Figure captions of images, which the converter would otherwise read as paragraphs. */
  captions: string[]
  /** The post's featured image (WordPress puts it in the entry header), for the main image. */
  featuredImage?: {src: string; alt?: string}
}

// Never content: the theme's frame and invisible parts.
const CHROME = 'nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo]'
const INVISIBLE = 'style, noscript, template, svg, link, meta, [hidden], [aria-hidden=true]'
// Content we cannot carry into Portable Text: removed, each with a report line.
const DROPPED: Record<string, string> = {
  script: 'script',
  iframe: 'embedded frame (iframe)',
  embed: 'embedded object',
  object: 'embedded object',
  video: 'video',
  audio: 'audio',
  canvas: 'canvas',
  form: 'form',
  table: 'table',
}
const FORM_PARTS = 'input, button, select, textarea, label'
// Cookie banners, pop-ups and share bars are marked by class or id, not by element.
const BOILERPLATE =
  /(^|[\s_-])(cookies?|consent|gdpr|cmplz|newsletter|popup|modal|share|sharing|social|breadcrumbs?|sidebar|related|comments?|menu|navbar|skip-link)([\s_-]|$)/i

/** Elements that sit inside a line of text, as builders wrap their prose in divs. */
const INLINE = new Set(['#text', 'SPAN', 'B', 'STRONG', 'I', 'EM', 'A', 'BR', 'U', 'FONT', 'SMALL'])

const textLength = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').length

function isBoilerplate(element: Element): boolean {
  const marker = `${element.id} ${element.getAttribute('class') ?? ''}`
  return marker.trim() !== '' && BOILERPLATE.test(marker)
}

/** Paragraphs long enough to be prose, outside the theme's frame. */
function proseParagraphs(root: Element): Element[] {
  return Array.from(root.querySelectorAll('p, div')).filter((element) => {
    if (element.closest(CHROME)) return false
    for (let at: Element | null = element; at && at !== root; at = at.parentElement)
      if (isBoilerplate(at)) return false
    // Builders without <p> (Wix, Elementor text widgets) put text straight into divs.
    const own =
      element.tagName === 'P'
        ? textLength(element)
        : Array.from(element.childNodes)
            .filter((node) => node.nodeType === 3 || INLINE.has(node.nodeName))
            .reduce((sum, node) => sum + (node.textContent ?? '').trim().length, 0)
    return own >= 40
  })
}

function commonAncestor(elements: Element[], root: Element): Element {
  let common = elements[0] ?? root
  for (const element of elements.slice(1))
    while (common !== root && !common.contains(element)) common = common.parentElement ?? root
  return common
}

/**
 * The article's element: the `<article>` (or `<main>`) with most text, else the closest element
 * holding all the page's prose paragraphs, however deep the page builder nests them.
 */
export function findContent(doc: Document): Element {
  const body = doc.body ?? doc.documentElement
  const byText = (elements: Element[]) =>
    elements.reduce<Element | undefined>(
      (best, element) => (!best || textLength(element) > textLength(best) ? element : best),
      undefined,
    )
  const articles = Array.from(body.querySelectorAll('article')).filter((a) => !isBoilerplate(a))
  const main = byText(articles) ?? body.querySelector('main, [role=main]')
  if (main) return main
  const prose = proseParagraphs(body)
  return prose.length > 0 ? commonAncestor(prose, body) : body
}

function meta(doc: Document, selector: string): string | undefined {
  const value = doc.querySelector(selector)?.getAttribute('content')?.trim()
  return value || undefined
}

/** "Title | Clinic name" → "Title": themes append the site name to the page title. */
function pageTitle(doc: Document, siteName: string | undefined): string | undefined {
  const raw = doc.querySelector('title')?.textContent?.trim()
  if (!raw) return undefined
  const parts = raw.split(/\s+[|–—-]\s+/)
  if (parts.length > 1 && (!siteName || parts.slice(1).join(' ').includes(siteName)))
    return parts[0]
  return raw
}

/**
 * Takes the post's featured image out of the article: WordPress marks it `wp-post-image` and
 * themes put it in the entry header (which, as a header, is otherwise left out) or a
 * `post-thumbnail` box. When the article is the whole page, a header image is the site's logo.
 */
function takeFeaturedImage(content: Element, wholePage: boolean): HtmlPage['featuredImage'] {
  const selector = wholePage
    ? 'img.wp-post-image'
    : 'img.wp-post-image, .post-thumbnail img, header img'
  const image = content.querySelector(selector)
  const src = image?.getAttribute('src')?.trim()
  if (!image || !src) return undefined
  image.remove()
  const alt = image.getAttribute('alt')?.replace(/\s+/g, ' ').trim()
  return alt ? {src, alt} : {src}
}

function removeAll(root: Element, selector: string) {
  for (const element of Array.from(root.querySelectorAll(selector))) element.remove()
}

/** @param fragment the text is a piece of a page (a post's content): all of it is the article. */
export function readHtmlPage(doc: Document, {fragment = false} = {}): HtmlPage {
  const siteName = meta(doc, 'meta[property="og:site_name"]')
  const content = fragment ? doc.body : findContent(doc)
  const heading = content.querySelector('h1') ?? doc.querySelector('h1')
  const title =
    heading?.textContent?.replace(/\s+/g, ' ').trim() ||
    meta(doc, 'meta[property="og:title"]') ||
    pageTitle(doc, siteName)
  const description =
    meta(doc, 'meta[name="description"]') ?? meta(doc, 'meta[property="og:description"]')
  const date =
    meta(doc, 'meta[property="article:published_time"]') ??
    content.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined

  // The title is the document's own field; the body starts after it.
  if (heading && content.contains(heading) && heading.textContent?.trim() === title)
    heading.remove()
  const featuredImage = takeFeaturedImage(content, !fragment && content === doc.body)
  const dropped: string[] = []
  for (const element of Array.from(content.querySelectorAll(Object.keys(DROPPED).join(', ')))) {
    if (!element.isConnected || !content.contains(element)) continue
    dropped.push(DROPPED[element.tagName.toLowerCase()] ?? element.tagName.toLowerCase())
    element.remove()
  }
  removeAll(content, `${CHROME}, ${INVISIBLE}, ${FORM_PARTS}`)
  // A marker on a wrapper of most of the article (e.g. "has-sidebar") is layout, not a banner.
  const half = textLength(content) / 2
  for (const element of Array.from(content.querySelectorAll('[class], [id]')))
    if (element.isConnected && isBoilerplate(element) && textLength(element) < half)
      element.remove()
  const captions = Array.from(content.querySelectorAll('figure'))
    .filter((figure) => figure.querySelector('img'))
    .map((figure) => figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim())
    .filter((caption): caption is string => Boolean(caption))
  return {
    title: title || undefined,
    description,
    siteName,
    date,
    content,
    dropped,
    captions,
    ...(featuredImage ? {featuredImage} : {}),
  }
}
