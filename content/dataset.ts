// Assembles the sample dataset from the seed article and our own source file.
import {approve} from './approvals'
import {glossaryTerms} from './glossary'
import {parseSeedArticle} from './seedArticle'
import {blocks, ref} from './portableText'
import {
  articleCitations,
  articleMeta,
  clinic,
  clinician,
  conditions,
  faqSources,
  partners,
  sampleApprover,
  siteSettings,
  treatment,
} from './source'

export interface SanityDocumentLike {
  _id: string
  _type: string
  [field: string]: unknown
}

export function buildSampleDataset(seedText: string): SanityDocumentLike[] {
  const {title, body} = parseSeedArticle(seedText, articleMeta._id, articleCitations)
  const faqs = faqSources.map((faq) => ({
    _id: faq.id,
    _type: 'faq',
    question: faq.question,
    answer: blocks(faq.id, faq.answer),
    category: faq.category,
    conditions: faq.conditions.map((id) => ref(id, true)),
    treatments: (faq.treatments ?? []).map((id) => ref(id, true)),
    sources: faq.sources,
    orderRank: faq.orderRank,
    language: faq.language ?? 'en',
    ...(faq.translationOf ? {translationOf: ref(faq.translationOf)} : {}),
    syndication: {
      _type: 'object',
      ...(faq.syndication ?? {mode: 'all'}),
      ...(faq.syndication?.mode === 'selected'
        ? {partners: faq.syndication.partners.map((id) => ref(id, true))}
        : {}),
    },
  }))
  const englishFaqIds = faqs.filter((faq) => faq.language === 'en').map((faq) => faq._id)
  const article = {
    ...articleMeta,
    _type: 'article',
    title,
    body,
    relatedFaqs: englishFaqIds.slice(0, 6).map((id) => ref(id, true)),
  }
  // Approved last, as they are: the fingerprint covers the finished text.
  const approved = [article, ...faqs].map((doc) => approve(doc, sampleApprover))
  const [approvedArticle, ...approvedFaqs] = approved.map(({document}) => document)
  return [
    siteSettings,
    clinic,
    clinician,
    ...conditions,
    treatment,
    approvedArticle!,
    ...approvedFaqs,
    ...partners,
    ...glossaryTerms,
    ...approved.map(({record}) => record),
  ]
}

/** One document per line, as `sanity dataset export` writes and `sanity dataset import` reads. */
export function toNdjson(documents: SanityDocumentLike[]): string {
  return documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n'
}
