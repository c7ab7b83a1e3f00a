// The readability library: runs in the Studio (validation, a readability panel) and in Node.
export {
  analyzePortableText,
  analyzeText,
  blockText,
  LONG_WORD_SYLLABLES,
  readabilityLanguage,
  textBlocks,
  type BlockRange,
  type HardSentence,
  type LongWord,
  type ReadabilityLanguage,
  type TextAnalysis,
  type TextRange,
} from './analyze'
export {
  fernandezHuerta,
  fleschKincaid,
  inflesz,
  infleszBand,
  type Counts,
  type FormulaName,
  type FormulaScore,
  type InfleszBand,
} from './formulas'
export {matchGlossary, type GlossaryEntry, type GlossaryMatch} from './glossary'
export {englishSyllables, spanishSyllables} from './syllables'
export {splitSentences, splitWords, type Span} from './text'
