// One source → the drafts it becomes (articles, FAQs), the images to upload and the report
// (mutations.ts then writes a plan against what the dataset holds).
import {
  htmlToBlocks,
  mainImage,
  markdownToBlocks,
  normalizeBlocks,
  plainText,
  textBlocks,
  toAnswerBlocks,
  type BodyBlock,
  type Conversion,
} from './convert'
import {questionSections} from './faqs'
import {articleId, faqId, keyGenerator, slugify} from './ids'
import {draftId, publishedIdOf as publishedId} from '../model/sanity/ids'
import {
  draftReferences,
  guessCategory,
  matchTags,
  QUESTION_LIMIT,
  references,
  suggestTopics,
  summaryOf,
  SUMMARY_LIMIT,
  TITLE_LIMIT,
  trimTo,
} from './map'
import {ANSWER_SCHEMA, BODY_SCHEMA} from './schema'
import {readHtmlPage} from './sources/html'
import {readMarkdownPage} from './sources/markdown'
import {readTextPage} from './sources/text'
import {readWxr} from './sources/wxr'
import type {
  ConvertContext,
  ImportPlan,
  ImportSource,
  PlannedAsset,
  PlannedDocument,
  SourceKind,
  TopicSuggestion,
  WarningKind,
} from './types'

/** The format of a source: its `kind`, else its extension, else a look at its first bytes. */
export function detectKind(source: ImportSource): SourceKind {
  if (source.kind) return source.kind
  const extension = /\.([a-z0-9]+)$/i.exec(source.name)?.[1]?.toLowerCase()
  if (extension === 'md' || extension === 'markdown') return 'markdown'
  if (extension === 'txt') return 'text'
  if (extension === 'html' || extension === 'htm') return 'html'
  const start = source.text.trimStart().slice(0, 500)
  if (extension === 'xml' || (start.startsWith('<?xml') && start.includes('<rss'))) return 'wxr'
  if (start.startsWith('---')) return 'markdown'
  return /^<|<\/(p|div|h[1-6])>/i.test(start) ? 'html' : 'text'
}

/** One text to become an article, whatever format it came in. */
interface Page {
  /** The file path (or `file#post`) the ids derive from. */
  key: string
  /** Where it came from, as editors read it: the file, or the post's address. */
  origin: string
  format: SourceKind
  title?: string
  description?: string
  date?: string
  tags: string[]
  siteName?: string
  url?: string
  body: (keys: () => string, warn: Conversion['warn']) => Promise<unknown[]> | unknown[]
  dropped: string[]
  captions?: string[]
  /** The featured image, which becomes the article's main image. */
  featuredImage?: {src: string; alt?: string}
}

function pagesOf(
  source: ImportSource,
  ctx: ConvertContext,
  kind: SourceKind,
): {pages: Page[]; skipped: string[]} {
  const base = {key: source.name, origin: source.name, format: kind, dropped: [] as string[]}
  switch (kind) {
    case 'html': {
      const doc = ctx.parseHtml(source.text)
      const page = readHtmlPage(doc, {fragment: !/<(html|body)[\s>]/i.test(source.text)})
      const body = (keys: () => string) => htmlToBlocks(doc, page.content, BODY_SCHEMA, keys)
      return {pages: [{...base, ...page, tags: [], body}], skipped: []}
    }
    case 'markdown': {
      const page = readMarkdownPage(source.text)
      // The first level-1 heading is the title, unless the front matter gives another one.
      const h1 = /^#\s+(.+?)\s*#*\s*$/m.exec(page.markdown)
      const title = page.title ?? h1?.[1]
      const markdown = h1 && h1[1] === title ? page.markdown.replace(h1[0], '') : page.markdown
      const body: Page['body'] = (keys, warn) => markdownToBlocks(markdown, BODY_SCHEMA, keys, warn)
      return {pages: [{...base, ...page, title, body}], skipped: []}
    }
    case 'text': {
      const page = readTextPage(source.text)
      const body = (keys: () => string) => textBlocks(page.paragraphs, keys)
      return {pages: [{...base, title: page.title, tags: [], body}], skipped: []}
    }
    case 'wxr': {
      const wxr = readWxr(ctx.parseXml(source.text))
      const pages = wxr.items.map((item): Page => {
        const doc = ctx.parseHtml(item.html)
        const page = readHtmlPage(doc, {fragment: true})
        const slug = item.slug ?? slugify(item.title ?? '')
        return {
          key: `${source.name}#${slug}`,
          origin: item.link ?? `${source.name}#${slug}`,
          format: kind,
          title: item.title,
          description: item.excerpt ? plainExcerpt(ctx, item.excerpt) : undefined,
          date: item.date,
          tags: item.tags,
          siteName: wxr.siteName,
          url: item.link && /^https?:\/\//.test(item.link) ? item.link : undefined,
          dropped: page.dropped,
          captions: page.captions,
          featuredImage: page.featuredImage,
          body: (keys: () => string) => htmlToBlocks(doc, page.content, BODY_SCHEMA, keys),
        }
      })
      return {pages, skipped: wxr.skipped}
    }
  }
}

const plainExcerpt = (ctx: ConvertContext, html: string) =>
  ctx.parseHtml(html).body.textContent?.replace(/\s+/g, ' ').trim() || undefined

/** A title from a file name, when the page has none: "botox-faq.html" → "Botox faq". */
function titleFromName(name: string): string {
  const file =
    name
      .split(/[\\/#]/)
      .pop()
      ?.replace(/\.[a-z0-9]+$/i, '') ?? name
  const words = file.replace(/[-_]+/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled'
}

/**
 * Converts one source into drafts: an article per page (a WordPress export has many), an FAQ
 * per question heading, the local images to upload, and a warning for everything left out.
 */
export async function convertSource(
  source: ImportSource,
  ctx: ConvertContext,
): Promise<ImportPlan> {
  const plan: ImportPlan = {articles: [], faqs: [], assets: [], warnings: [], suggestions: []}
  const assets = new Map<string, PlannedAsset>()
  const warnAt = (origin: string) => (kind: WarningKind, message: string) =>
    plan.warnings.push({kind, message, source: origin})
  let kind: SourceKind
  let pages: Page[]
  try {
    kind = detectKind(source)
    const read = pagesOf(source, ctx, kind)
    pages = read.pages
    for (const skipped of read.skipped)
      warnAt(source.name)('item-skipped', `Not a post or page, or in the bin: ${skipped}`)
  } catch (error) {
    warnAt(source.name)('unreadable', error instanceof Error ? error.message : String(error))
    return plan
  }
  if (pages.length === 0) warnAt(source.name)('no-content', 'The source has no posts or pages.')
  const now = ctx.now ?? new Date().toISOString()
  const usedSlugs = ctx.usedSlugs ?? new Set<string>()
  for (const page of pages) {
    const warn = warnAt(page.origin)
    await convertPage(page, {ctx, now, warn, assets, plan, usedSlugs})
  }
  plan.assets = [...assets.values()]
  return plan
}

interface PageRun {
  ctx: ConvertContext
  now: string
  warn: (kind: WarningKind, message: string) => void
  assets: Map<string, PlannedAsset>
  plan: ImportPlan
  usedSlugs: Set<string>
}

async function convertPage(page: Page, run: PageRun) {
  const {ctx, warn, plan} = run
  let title = page.title?.replace(/\s+/g, ' ').trim()
  if (!title) {
    title = titleFromName(page.key)
    warn('no-title', `No title found; using "${title}" from the file name.`)
  }
  if (title.length > TITLE_LIMIT)
    warn(
      'title-long',
      `The title has ${title.length} characters; the Studio warns above ${TITLE_LIMIT}.`,
    )
  let slug = slugify(title)
  for (let n = 2; run.usedSlugs.has(slug); n++) slug = `${slugify(title).slice(0, 90)}-${n}`
  run.usedSlugs.add(slug)
  const id = await articleId(page.key, slug)
  const keys = keyGenerator(id)
  const conversion: Conversion = {
    source: page.origin,
    path: page.key.split('#')[0] ?? page.key,
    keys,
    warn,
    ctx,
    assets: run.assets,
    documentId: draftId(id),
  }
  for (const dropped of page.dropped) warn('element-dropped', `Removed from the text: ${dropped}`)
  const raw = await page.body(keys, warn)
  const body = withCaptions(
    await normalizeBlocks(raw as never[], BODY_SCHEMA, conversion),
    page.captions ?? [],
  )
  if (!body.some((block) => block._type === 'block' && plainText(block).trim() !== '')) {
    warn('no-content', `"${title}" has no text to import.`)
    return
  }

  const summary = trimTo(summaryOf(page.description, body) ?? title, SUMMARY_LIMIT)
  if (summary.trimmed)
    warn('summary-trimmed', `The summary was cut to ${SUMMARY_LIMIT} characters: check its end.`)
  const citation = {
    _type: 'citation',
    _key: keys(),
    title,
    publisher: ctx.publisher ?? page.siteName ?? 'Original website',
    ...(page.url ? {url: page.url} : {}),
  }
  const importedFrom = {
    _type: 'importSource',
    source: page.origin,
    format: page.format,
    importedAt: run.now,
    ...(page.date ? {sourceDate: page.date} : {}),
  }
  const topics = ctx.topics ?? []
  const articleText = [title, ...body.map(plainText)].join('\n')
  const tagged = matchTags(draftId(id), page.tags, topics)
  for (const tag of tagged.unmatched)
    warn('tag-unmatched', `Tag "${tag}" names no condition or treatment in the dataset.`)
  const suggestions = dedupe([
    ...suggestTopics(draftId(id), articleText, topics),
    ...tagged.suggestions,
  ])

  const faqs = await faqsOf(body, {page, slug, title, citation, importedFrom, topics, warn})
  const heroImage = page.featuredImage && (await mainImage(page.featuredImage, conversion))
  plan.faqs.push(...faqs.map((f) => f.doc))
  plan.suggestions.push(...suggestions, ...faqs.flatMap((f) => f.suggestions))
  plan.articles.push({
    _id: draftId(id),
    _type: 'article',
    title,
    slug: {_type: 'slug', current: slug},
    summary: summary.text,
    body,
    sources: [citation],
    ...(heroImage ? {heroImage} : {}),
    ...topicFields(suggestions),
    ...(faqs.length > 0
      ? {
          relatedFaqs: draftReferences(
            faqs.map((f) => publishedId(f.doc._id)),
            'faq',
          ),
        }
      : {}),
    audience: ['patients'],
    language: 'en',
    importedFrom,
  })
}

/** A figure's caption, converted as the paragraph after its image, becomes the image's caption. */
function withCaptions(body: BodyBlock[], captions: string[]): BodyBlock[] {
  if (captions.length === 0) return body
  const out: BodyBlock[] = []
  for (const block of body) {
    const previous = out.at(-1)
    const text = plainText(block)
    if (previous?._type === 'image' && !previous.caption && captions.includes(text)) {
      out[out.length - 1] = {...previous, caption: text}
      continue
    }
    out.push(block)
  }
  return out
}

function dedupe(suggestions: TopicSuggestion[]): TopicSuggestion[] {
  const seen = new Set<string>()
  return suggestions.filter((s) => {
    const key = `${s.documentId} ${s.topicId}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function topicFields(suggestions: TopicSuggestion[]) {
  const of = (type: string) => suggestions.filter((s) => s.topicType === type).map((s) => s.topicId)
  const conditions = of('condition')
  const treatments = of('treatment')
  return {
    ...(conditions.length > 0 ? {conditions: references(conditions)} : {}),
    ...(treatments.length > 0 ? {treatments: references(treatments)} : {}),
  }
}

interface FaqInput {
  page: Page
  slug: string
  title: string
  citation: Record<string, unknown>
  importedFrom: Record<string, unknown>
  topics: NonNullable<ConvertContext['topics']>
  warn: PageRun['warn']
}

async function faqsOf(body: BodyBlock[], input: FaqInput) {
  const out: Array<{doc: PlannedDocument; suggestions: TopicSuggestion[]}> = []
  const seen = new Set<string>()
  for (const section of questionSections(body)) {
    if (seen.has(section.question.toLowerCase())) continue
    seen.add(section.question.toLowerCase())
    if (section.question.length > QUESTION_LIMIT) {
      input.warn(
        'faq-skipped',
        `Question longer than ${QUESTION_LIMIT} characters: "${section.question.slice(0, 60)}…"`,
      )
      continue
    }
    const id = await faqId(input.page.key, input.slug, section.question)
    const keys = keyGenerator(id)
    const answer = toAnswerBlocks(section.answer, ANSWER_SCHEMA, keys)
    if (answer.length === 0) {
      input.warn('faq-skipped', `No answer under the question "${section.question}".`)
      continue
    }
    const text = [section.question, ...answer.map(plainText)].join('\n')
    const suggestions = suggestTopics(draftId(id), text, input.topics)
    out.push({
      suggestions,
      doc: {
        _id: draftId(id),
        _type: 'faq',
        question: section.question,
        answer,
        category: guessCategory(
          section.question,
          suggestions.some((s) => s.topicType === 'treatment'),
        ),
        ...topicFields(suggestions),
        sources: [{...input.citation, _key: keys()}],
        language: 'en',
        importedFrom: input.importedFrom,
      },
    })
  }
  return out
}

/** Several sources' plans as one, e.g. every file of a folder. */
export function mergePlans(plans: ImportPlan[]): ImportPlan {
  const assets = new Map<string, PlannedAsset>()
  for (const asset of plans.flatMap((p) => p.assets)) {
    const known = assets.get(asset.sha1)
    if (known) known.documents.push(...asset.documents.filter((d) => !known.documents.includes(d)))
    else assets.set(asset.sha1, {...asset, documents: [...asset.documents]})
  }
  return {
    articles: plans.flatMap((p) => p.articles),
    faqs: plans.flatMap((p) => p.faqs),
    assets: [...assets.values()],
    warnings: plans.flatMap((p) => p.warnings),
    suggestions: plans.flatMap((p) => p.suggestions),
  }
}
