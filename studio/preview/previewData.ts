// The `data` a widget would load for a document, built in the Studio without asking the lake: the
// element's own GROQ query (widgets/content/queries.ts) evaluated with groq-js over the documents
// it reads, with the document being edited laid over its published version.
import {evaluate, parse} from 'groq-js'
import {ARTICLE_QUERY, CLINICIANS_QUERY, FAQ_QUERY} from '@clinic-kit/widgets/queries'
import {SITE_SETTINGS_TYPE} from '../../model/constants'
import {publishedIdOf} from '../../model/sanity/ids'

/** The elements a preview can show, by the drop-in script that defines each. */
export type PreviewElement = 'ck-faq' | 'ck-article' | 'ck-clinician'

export interface PreviewDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

export interface PreviewSpec {
  element: PreviewElement
  query: string
  params: Record<string, string | number>
  /** The document types the query reads, joins included: the local dataset to fetch. */
  types: string[]
}

const FAQ_LIMIT = 50

const slugOf = (doc: PreviewDocument): string => {
  const slug = doc.slug as {current?: unknown} | undefined
  return typeof slug?.current === 'string' ? slug.current : ''
}

const languageOf = (doc: PreviewDocument): string =>
  typeof doc.language === 'string' && doc.language ? doc.language : 'en'

/** The FAQ query's parameters as `<ck-faq lang partner>` sends them (ck-faq.ts querySpec). */
export const faqParams = (lang: string, partner: string) => ({
  lang,
  topic: '',
  category: '',
  partner,
  limit: FAQ_LIMIT,
})

/**
 * Which element shows a document and what it asks: an FAQ and a partner through `<ck-faq>` (the
 * partner's own list, with its slug and language), an article and a clinician by slug.
 * `partner` is the slug of the partner whose page an FAQ is previewed on, or "" for our own site;
 * `pageLang` that page's language (a partner's page asks for its own language only).
 */
export function previewSpec(
  doc: PreviewDocument,
  partner = '',
  pageLang?: string,
): PreviewSpec | null {
  switch (doc._type) {
    case 'faq':
      return {
        element: 'ck-faq',
        query: FAQ_QUERY,
        params: faqParams(pageLang || languageOf(doc), partner),
        types: ['faq', 'partner', 'condition', 'treatment'],
      }
    case 'partner':
      return {
        element: 'ck-faq',
        query: FAQ_QUERY,
        params: faqParams(languageOf(doc), slugOf(doc)),
        types: ['faq', 'partner', 'condition', 'treatment'],
      }
    case 'article':
      return {
        element: 'ck-article',
        query: ARTICLE_QUERY,
        params: {slug: slugOf(doc)},
        types: [
          'article',
          'clinician',
          'condition',
          'treatment',
          'faq',
          SITE_SETTINGS_TYPE,
          'sanity.imageAsset',
        ],
      }
    case 'clinician':
      return {
        element: 'ck-clinician',
        query: CLINICIANS_QUERY,
        // As <ck-clinician slug> asks (ck-clinician.ts querySpec).
        params: {slug: slugOf(doc), clinic: '', specialty: '', limit: 1},
        types: ['clinician', 'clinic', 'sanity.imageAsset'],
      }
    default:
      return null
  }
}

/**
 * The dataset the query runs over: the fetched documents (drafts perspective: each draft already
 * under its published id) with the displayed document in place of its published version.
 */
export function overlayDataset(
  documents: readonly PreviewDocument[],
  displayed: PreviewDocument,
): PreviewDocument[] {
  const id = publishedIdOf(displayed._id)
  const overlaid = {...displayed, _id: id}
  const rest = documents.filter((doc) => publishedIdOf(doc._id) !== id)
  return [...rest, overlaid]
}

/** What the element's query returns over `dataset`, as the lake would return it. */
export async function evaluatePreview(
  spec: PreviewSpec,
  dataset: readonly PreviewDocument[],
): Promise<unknown> {
  const tree = parse(spec.query, {params: spec.params})
  const result = await evaluate(tree, {dataset: [...dataset], params: spec.params})
  return result.get()
}

/**
 * An FAQ's preview shows that FAQ alone, as the list would show it: the query's answer with the
 * other questions left out; none when the partner does not receive it.
 */
export function onlyThisFaq(result: unknown, faqId: string): unknown {
  const value = result as {faqs?: Array<{_id?: unknown}>} | null
  if (!value || !Array.isArray(value.faqs)) return result
  const id = publishedIdOf(faqId)
  return {...value, faqs: value.faqs.filter((faq) => faq._id === id)}
}

/** The language of a partner's page: the partner's own (its embed code sets it), else English. */
export function partnerLanguage(
  documents: readonly PreviewDocument[],
  slug: string,
): string | undefined {
  if (!slug) return undefined
  const partner = documents.find(
    (doc) => doc._type === 'partner' && (doc.slug as {current?: unknown})?.current === slug,
  )
  return partner ? languageOf(partner) : undefined
}

/** The element's data for the displayed document, or null for a type without a preview. */
export async function buildPreviewData(
  documents: readonly PreviewDocument[],
  displayed: PreviewDocument,
  partner = '',
  pageLang?: string,
): Promise<{spec: PreviewSpec; data: unknown} | null> {
  const spec = previewSpec(displayed, partner, pageLang)
  if (!spec) return null
  const result = await evaluatePreview(spec, overlayDataset(documents, displayed))
  return {spec, data: displayed._type === 'faq' ? onlyThisFaq(result, displayed._id) : result}
}
