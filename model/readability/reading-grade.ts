// Flesch-Kincaid grade level of Portable Text, so editors see how hard a text is to read; the
// counting is the readability library's (model/readability).
import {analyzeText, blockText, englishSyllables, textBlocks} from '.'

/** Plain text of the text blocks in a Portable Text array, one block per line. */
export function portableTextToPlainText(blocks: unknown): string {
  return textBlocks(blocks)
    .map(blockText)
    .filter((line) => line.trim() !== '')
    .join('\n')
}

/** Syllables in an English word (see readability/syllables.ts). */
export const countSyllables = englishSyllables

export interface TextStatistics {
  words: number
  sentences: number
  syllables: number
}

/** Words, sentences and syllables of English text (at least one sentence). */
export function textStatistics(text: string): TextStatistics {
  const {words, sentences, syllables} = analyzeText(text, 'en')
  return {words, sentences: Math.max(1, sentences), syllables}
}

/** Flesch-Kincaid grade level, rounded to one decimal; null when there is nothing to grade. */
export function fleschKincaidGrade(text: string): number | null {
  return analyzeText(text, 'en').score
}
