// Every GROQ query the widgets send, with the shape of its result.
import type {PortableTextBlock} from '@portabletext/types'

export interface FaqSource {
  _key: string
  title?: string
  publisher?: string
  url?: string
}

export interface FaqItem {
  _id: string
  question: string
  answer: PortableTextBlock[]
  category?: string
  sources?: FaqSource[]
}

export interface PartnerTheme {
  colorPrimary?: string
  colorOnPrimary?: string
  colorText?: string
  colorBackground?: string
  fontFamily?: string
  radius?: number
}

export interface FaqQueryResult {
  faqs: FaqItem[]
  partner: {
    name: string
    theme?: PartnerTheme
    attribution?: {text?: string; url?: string}
    scope?: {faqCategories?: string[]}
  } | null
}

/**
 * FAQs in a language, optionally about a topic (condition or treatment slug) or in a category;
 * with a partner, only those shared with all partners or with that partner (never "own site").
 */
export const FAQ_QUERY = `{
  "faqs": *[_type == "faq" && language == $lang
    && ($topic == "" || $topic in conditions[]->slug.current || $topic in treatments[]->slug.current)
    && ($category == "" || category == $category)
    && ($partner == "" || syndication.mode == "all"
      || (syndication.mode == "selected" && $partner in syndication.partners[]->slug.current))
  ] | order(orderRank asc) [0...$limit] {_id, question, answer, category, "sources": sources[]{_key, title, publisher, url}},
  "partner": *[_type == "partner" && slug.current == $partner][0]{name, theme, attribution, scope}
}`

/** What the FAQ listen stream watches: any FAQ or partner change may change the list. */
export const FAQ_LISTEN_QUERY = '*[_type in ["faq", "partner"]]'

export interface ArticlePerson {
  honorificPrefix?: string
  givenName?: string
  familyName?: string
  credentials?: string[]
  slug?: string
}

export interface ArticleQueryResult {
  article: {
    _id: string
    title: string
    summary?: string
    language?: string
    body?: PortableTextBlock[]
    publishedAt?: string
    medicalReview?: {reviewedAt?: string; nextReviewDue?: string; reviewer?: ArticlePerson}
    sources?: FaqSource[]
    conditions?: Array<{name?: string; alternateNames?: string[]}>
    relatedFaqs?: Array<{_id: string; question: string}>
  } | null
  disclaimer: string | null
}

/** One article by slug with its reviewer, conditions, related questions and the site disclaimer. */
export const ARTICLE_QUERY = `{
  "article": *[_type == "article" && slug.current == $slug][0]{
    _id, title, summary, language, body, publishedAt,
    medicalReview{reviewedAt, nextReviewDue, reviewer->{honorificPrefix, givenName, familyName, credentials, "slug": slug.current}},
    "sources": sources[]{_key, title, publisher, url},
    conditions[]->{name, alternateNames},
    relatedFaqs[]->{_id, question}
  },
  "disclaimer": *[_id == "siteSettings"][0].disclaimer
}`

export const ARTICLE_LISTEN_QUERY = '*[_type in ["article", "clinician", "faq", "siteSettings"]]'
