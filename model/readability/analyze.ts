// How hard a text is to read, in its language's formulas, and where it is hardest: the sentences
// and long words a readability panel can point to, by character offsets in the text or in a
// Portable Text block.
import {fernandezHuerta, fleschKincaid, inflesz, type Counts, type FormulaScore} from './formulas'
import {englishSyllables, spanishSyllables} from './syllables'
import {splitSentences, splitWords} from './text'

export type ReadabilityLanguage = 'en' | 'es'

/** Where something is in the text analysed: [start, end) character offsets. */
export interface TextRange {
  start: number
  end: number
}

/** Where something is in Portable Text: offsets in the text of the block with that `_key`. */
export interface BlockRange extends TextRange {
  blockKey: string
}

export interface HardSentence<Where extends TextRange = TextRange> {
  text: string
  at: Where
  /** The language's main formula (see `formula`) for this sentence alone. */
  score: number
}

export interface LongWord<Where extends TextRange = TextRange> {
  text: string
  syllables: number
  at: Where
}

export interface TextAnalysis<Where extends TextRange = TextRange> extends Counts {
  language: ReadabilityLanguage
  /** The main figure: Flesch-Kincaid grade (en), INFLESZ perspicuity (es); null without words. */
  formula: FormulaScore['formula']
  score: number | null
  /** Every formula computed for the language, the main one first; none without words. */
  scores: FormulaScore[]
  /** The three hardest sentences, hardest first. */
  hardest: HardSentence<Where>[]
  /** Every long word (see LONG_WORD_SYLLABLES), in text order. */
  longWords: LongWord<Where>[]
}

/**
 * Syllables from which a word counts as long: three in English, the "polysyllables" of Gunning's
 * fog index and McLaughlin's SMOG; four in Spanish, whose everyday words are longer (two syllables
 * per word on average against English's one and a half).
 */
export const LONG_WORD_SYLLABLES: Record<ReadabilityLanguage, number> = {en: 3, es: 4}

const HARDEST_SHOWN = 3

/** How each language is graded. */
const LANGUAGES: Record<
  ReadabilityLanguage,
  {syllables(word: string): number; formulas: Array<(counts: Counts) => FormulaScore>}
> = {
  en: {syllables: englishSyllables, formulas: [fleschKincaid]},
  es: {syllables: spanishSyllables, formulas: [inflesz, fernandezHuerta]},
}

/** A language the library grades: English and Spanish; anything else (or none) as English. */
export const readabilityLanguage = (language: string | undefined): ReadabilityLanguage =>
  language?.toLowerCase().startsWith('es') ? 'es' : 'en'

interface Segment<Where extends TextRange> {
  text: string
  /** Where a range of this segment's text is, in the caller's terms. */
  at(start: number, end: number): Where
}

function analyzeSegments<Where extends TextRange>(
  segments: Segment<Where>[],
  language: ReadabilityLanguage,
): TextAnalysis<Where> {
  const {syllables: countSyllables, formulas} = LANGUAGES[language]
  const [main] = formulas
  const totals: Counts = {words: 0, sentences: 0, syllables: 0}
  const sentences: HardSentence<Where>[] = []
  const longWords: LongWord<Where>[] = []
  for (const segment of segments)
    for (const sentence of splitSentences(segment.text)) {
      const words = splitWords(sentence.text, sentence.start)
      if (!words.length) continue
      let syllables = 0
      for (const word of words) {
        const n = countSyllables(word.text)
        syllables += n
        if (n >= LONG_WORD_SYLLABLES[language])
          longWords.push({text: word.text, syllables: n, at: segment.at(word.start, word.end)})
      }
      totals.words += words.length
      totals.sentences++
      totals.syllables += syllables
      const {value} = main!({words: words.length, sentences: 1, syllables})
      sentences.push({
        text: sentence.text,
        at: segment.at(sentence.start, sentence.end),
        score: value,
      })
    }
  const scores = totals.words ? formulas.map((formula) => formula(totals)) : []
  // The main formula's name and direction, known even for a text without words.
  const {formula, higherIsEasier} = main!({words: 1, sentences: 1, syllables: 1})
  const harder = higherIsEasier ? 1 : -1
  return {
    language,
    formula,
    score: scores[0]?.value ?? null,
    scores,
    ...totals,
    // A stable sort: among equally hard sentences the earlier comes first.
    hardest: sentences.sort((a, b) => harder * (a.score - b.score)).slice(0, HARDEST_SHOWN),
    longWords,
  }
}

/** Readability of plain text; each line is its own paragraph (a heading or list item ends). */
export function analyzeText(text: string, language: string): TextAnalysis {
  return analyzeSegments(
    [{text, at: (start, end) => ({start, end})}],
    readabilityLanguage(language),
  )
}

interface SpanLike {
  text?: unknown
}
interface BlockLike {
  _type?: unknown
  _key?: unknown
  children?: unknown
}

/** The text of a Portable Text block: its spans' text joined. */
export function blockText(block: BlockLike): string {
  return Array.isArray(block.children)
    ? (block.children as Array<SpanLike | null>)
        .map((child) => (typeof child?.text === 'string' ? child.text : ''))
        .join('')
    : ''
}

/** The text blocks of a Portable Text value (images, callouts and malformed entries left out). */
export function textBlocks(blocks: unknown): BlockLike[] {
  return Array.isArray(blocks)
    ? blocks.filter(
        (block): block is BlockLike =>
          typeof block === 'object' && block !== null && (block as BlockLike)._type === 'block',
      )
    : []
}

/** Readability of the text blocks of Portable Text, with offsets in each block's text. */
export function analyzePortableText(blocks: unknown, language: string): TextAnalysis<BlockRange> {
  const segments = textBlocks(blocks).map((block): Segment<BlockRange> => {
    const blockKey = typeof block._key === 'string' ? block._key : ''
    return {text: blockText(block), at: (start, end) => ({blockKey, start, end})}
  })
  return analyzeSegments(segments, readabilityLanguage(language))
}
