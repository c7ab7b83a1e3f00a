// The fields of our model that the source has no markup for: the summary, the conditions and
// treatments the text names, and the citation of the original page.
import {plainText, type BodyBlock} from './convert'
import {keyGenerator} from './ids'
import type {Topic, TopicSuggestion} from './types'

/** Search engines show about 160 characters, where the summary field starts warning. */
export const SUMMARY_LIMIT = 160
/** The title field warns above 100 characters. */
export const TITLE_LIMIT = 100
/** The question field rejects more than 150 characters. */
export const QUESTION_LIMIT = 150

/** Text cut at a word boundary to fit `limit` characters, with an ellipsis when it was cut. */
export function trimTo(text: string, limit: number): {text: string; trimmed: boolean} {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= limit) return {text: clean, trimmed: false}
  const cut = clean.slice(0, limit - 1)
  const atWord = cut.replace(/\s+\S*$/, '')
  return {
    text: `${(atWord.length > limit / 2 ? atWord : cut).replace(/[\s,;:.-]+$/, '')}…`,
    trimmed: true,
  }
}

/** The summary: the page's own description, else its first paragraph. */
export function summaryOf(description: string | undefined, body: BodyBlock[]): string | undefined {
  if (description?.trim()) return description
  const first = body.find(
    (block) => block._type === 'block' && block.style === 'normal' && !block.listItem,
  )
  return first ? plainText(first) : undefined
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function namesOf(topic: Topic): string[] {
  return [topic.name, ...(topic.alternateNames ?? []), topic.brandName, topic.genericName].filter(
    (name): name is string => typeof name === 'string' && name.trim().length > 2,
  )
}

/** The first of the topic's names that the text uses as whole words, ignoring case. */
export function nameIn(text: string, topic: Topic): string | undefined {
  for (const name of namesOf(topic)) {
    const pattern = new RegExp(
      `(^|[^\\p{L}\\p{N}])${escapeRegExp(name.trim())}(?=$|[^\\p{L}\\p{N}])`,
      'iu',
    )
    if (pattern.test(text)) return name
  }
  return undefined
}

/** The conditions and treatments a text names, as suggestions for one document. */
export function suggestTopics(
  documentId: string,
  text: string,
  topics: Topic[],
): TopicSuggestion[] {
  return topics.flatMap((topic) => {
    const matched = nameIn(text, topic)
    return matched
      ? [{documentId, topicId: topic._id, topicType: topic._type, name: topic.name, matched}]
      : []
  })
}

/** Tags the source gave that name one of our topics; the rest are returned as unmatched. */
export function matchTags(
  documentId: string,
  tags: string[],
  topics: Topic[],
): {suggestions: TopicSuggestion[]; unmatched: string[]} {
  const suggestions: TopicSuggestion[] = []
  const unmatched: string[] = []
  for (const tag of tags) {
    const topic = topics.find((t) =>
      namesOf(t).some((name) => name.toLowerCase() === tag.trim().toLowerCase()),
    )
    if (topic)
      suggestions.push({
        documentId,
        topicId: topic._id,
        topicType: topic._type,
        name: topic.name,
        matched: `tag "${tag}"`,
      })
    else unmatched.push(tag)
  }
  return {suggestions, unmatched}
}

/** Array references with keys from the ids, so the same list gets the same keys. */
export function references(ids: string[]) {
  return [...new Set(ids)].map((id) => ({_type: 'reference', _key: keyGenerator(id)(), _ref: id}))
}

/**
 * References to drafts that have no published version yet: weak, and strengthened when the
 * draft is published, as the Studio writes them (sanity: ReferenceInput).
 */
export function draftReferences(ids: string[], type: string) {
  return references(ids).map((ref) => ({...ref, _weak: true, _strengthenOnPublish: {type}}))
}

const CATEGORY_WORDS: Array<[string, RegExp]> = [
  [
    'insurance-and-cost',
    /\b(insurance|cost|costs|price|pay|paying|covered|coverage|bill|billing)\b/i,
  ],
  [
    'appointments',
    /\b(appointment|visit|consultation|schedule|book|booking|referral|specialist)\b/i,
  ],
  [
    'treatments',
    /\b(treat|treatment|treatments|therapy|injections?|medication|medicine|surgery|procedure)\b/i,
  ],
]

/** The FAQ category its question suggests; "conditions" when nothing else fits. */
export function guessCategory(question: string, hasTreatment: boolean): string {
  for (const [category, pattern] of CATEGORY_WORDS) if (pattern.test(question)) return category
  return hasTreatment ? 'treatments' : 'conditions'
}
