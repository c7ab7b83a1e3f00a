// A WordPress export (WXR: RSS 2.0 with the wp:, content: and excerpt: namespaces). Each post
// or page becomes one HTML source; attachments, menus and other item types are skipped.

export interface WxrItem {
  title?: string
  link?: string
  slug?: string
  status: string
  type: string
  date?: string
  excerpt?: string
  tags: string[]
  html: string
}

export interface WxrExport {
  siteName?: string
  items: WxrItem[]
  /** Items that are not posts or pages, or are in the bin: `title (type, status)`. */
  skipped: string[]
}

const IMPORTED_TYPES = new Set(['post', 'page'])
const IMPORTED_STATUSES = new Set(['publish', 'draft', 'pending', 'private', 'future'])

/** The text of the first child element with this qualified name (e.g. `wp:post_type`). */
function field(item: Element, name: string): string | undefined {
  const element = Array.from(item.children).find((child) => child.tagName === name)
  const value = element?.textContent?.trim()
  return value || undefined
}

// WordPress stores post content without paragraph tags (wpautop adds them when it renders): a
// blank line separates paragraphs. Content that has its own block tags is left as it is.
const BLOCK_TAG = /^<(p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|section|img)[\s>/]/i

export function wpParagraphs(content: string): string {
  const withoutBlockComments = content.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')
  return withoutBlockComments
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_TAG.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>')}</p>`))
    .join('\n')
}

export function isWxr(doc: Document): boolean {
  const root = doc.documentElement
  return root?.tagName === 'rss' && root.getAttribute('xmlns:wp') !== null
}

export function readWxr(doc: Document): WxrExport {
  if (doc.getElementsByTagName('parsererror').length > 0)
    throw new Error('The file is not well-formed XML.')
  if (!isWxr(doc)) throw new Error('The XML file is not a WordPress export (WXR).')
  const channel = doc.documentElement.getElementsByTagName('channel')[0]
  const siteName = channel ? field(channel, 'title') : undefined
  const items: WxrItem[] = []
  const skipped: string[] = []
  for (const item of Array.from(doc.getElementsByTagName('item'))) {
    const type = field(item, 'wp:post_type') ?? 'post'
    const status = field(item, 'wp:status') ?? 'publish'
    const title = field(item, 'title')
    if (!IMPORTED_TYPES.has(type) || !IMPORTED_STATUSES.has(status)) {
      skipped.push(`${title ?? '(untitled)'} (${type}, ${status})`)
      continue
    }
    const tags = Array.from(item.children)
      .filter((child) => child.tagName === 'category')
      .map((child) => child.textContent?.trim() ?? '')
      .filter((tag) => tag !== '' && tag !== 'Uncategorized')
    items.push({
      title,
      link: field(item, 'link'),
      slug: field(item, 'wp:post_name'),
      status,
      type,
      date: field(item, 'wp:post_date_gmt') ?? field(item, 'wp:post_date'),
      excerpt: field(item, 'excerpt:encoded'),
      tags: [...new Set(tags)],
      html: wpParagraphs(field(item, 'content:encoded') ?? ''),
    })
  }
  return {siteName, items, skipped}
}
