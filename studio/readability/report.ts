// What the readability panel shows for a text, worked out from the readability library: the
// language's figures, against the clinic's target, the hardest sentences (with the block each is
// in, to focus it) and long words with the glossary's plain alternatives.
import {
  analyzePortableText,
  analyzeText,
  blockText,
  matchGlossary,
  readabilityLanguage,
  textBlocks,
  type GlossaryEntry,
  type ReadabilityLanguage,
} from '../../model/readability'
import {MIN_INFLESZ_SCORE} from '../../model/readability/targets'

export interface ReportFigure {
  /** The formula's name as published, e.g. "Flesch-Kincaid grade level". */
  name: string
  value: number
  /** INFLESZ's or Fernández-Huerta's band, e.g. "normal". */
  band?: string
  /** Fernández-Huerta's school grade (Spain), where its source gives one. */
  grade?: string
}

export interface ReportSentence {
  text: string
  score: number
  /** The Portable Text block holding it; absent for plain text. */
  blockKey?: string
  start: number
  end: number
}

export interface ReportWord {
  /** As first written in the text. */
  text: string
  syllables: number
  /** The glossary's plain word for it, when it has one. */
  plainAlternative?: string
}

export interface ReportSuggestion {
  text: string
  plainAlternative: string
  definition?: string
}

export interface ReadabilityReport {
  language: ReadabilityLanguage
  /** The main figure first: Flesch-Kincaid (en), INFLESZ then Fernández-Huerta (es). */
  figures: ReportFigure[]
  words: number
  sentences: number
  /** English: the grade target (at most); Spanish: the INFLESZ score to reach (at least). */
  target: {value: number; higherIsEasier: boolean; met: boolean} | null
  hardest: ReportSentence[]
  longWords: ReportWord[]
  /** Glossary terms found in the text, each once, with what to write instead. */
  suggestions: ReportSuggestion[]
}

const PLAIN_TEXT_KEY = ''

/** Portable Text (an array of blocks) or plain text (a string) as the library's blocks. */
function asBlocks(value: unknown): unknown[] {
  if (typeof value === 'string')
    return [{_type: 'block', _key: PLAIN_TEXT_KEY, children: [{_type: 'span', text: value}]}]
  return Array.isArray(value) ? value : []
}

/** The panel's report on `value` (Portable Text or a string) in `language`. */
export function readabilityReport(
  value: unknown,
  language: string | undefined,
  gradeTarget: number,
  glossary: readonly GlossaryEntry[],
): ReadabilityReport {
  const lang = readabilityLanguage(language)
  const plain = typeof value === 'string'
  const analysis = plain ? analyzeText(value, lang) : analyzePortableText(asBlocks(value), lang)
  const main = analysis.scores[0]
  const higherIsEasier = lang === 'es'
  const targetValue = higherIsEasier ? MIN_INFLESZ_SCORE : gradeTarget
  const whole = plain ? value : textBlocks(value).map(blockText).join('\n')
  const terms = glossary.filter((entry) => !entry.language || entry.language === lang)
  const matches = matchGlossary(whole, terms)
  const alternativeOf = new Map<string, string>()
  const suggestions: ReportSuggestion[] = []
  for (const match of matches) {
    const key = match.entry.term.toLowerCase()
    if (alternativeOf.has(key) || !match.entry.plainAlternative) continue
    alternativeOf.set(key, match.entry.plainAlternative)
    for (const word of match.text.toLowerCase().split(/\s+/))
      alternativeOf.set(word, match.entry.plainAlternative)
    suggestions.push({
      text: match.text,
      plainAlternative: match.entry.plainAlternative,
      ...(match.entry.definition ? {definition: match.entry.definition} : {}),
    })
  }
  const seen = new Set<string>()
  const longWords: ReportWord[] = []
  for (const word of analysis.longWords) {
    const key = word.text.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    const plainAlternative = alternativeOf.get(key)
    longWords.push({
      text: word.text,
      syllables: word.syllables,
      ...(plainAlternative ? {plainAlternative} : {}),
    })
  }
  return {
    language: lang,
    figures: analysis.scores.map((score) => ({
      name: score.formula,
      value: score.value,
      ...(score.band ? {band: score.band} : {}),
      ...(score.grade ? {grade: score.grade} : {}),
    })),
    words: analysis.words,
    sentences: analysis.sentences,
    target: main
      ? {
          value: targetValue,
          higherIsEasier,
          met: higherIsEasier ? main.value >= targetValue : main.value <= targetValue,
        }
      : null,
    hardest: analysis.hardest.map((sentence) => ({
      text: sentence.text,
      score: sentence.score,
      ...('blockKey' in sentence.at && !plain ? {blockKey: String(sentence.at.blockKey)} : {}),
      start: sentence.at.start,
      end: sentence.at.end,
    })),
    longWords,
    suggestions,
  }
}
