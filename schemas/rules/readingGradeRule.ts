// The reading-grade warning shown under long texts (article bodies, FAQ answers).
import {MAX_READING_GRADE} from '../constants'
import {fleschKincaidGrade, portableTextToPlainText} from './readingGrade'

/** Shortest text we grade: a score for a sentence or two says little. */
const MIN_WORDS_TO_GRADE = 25

export function readingGradeMessage(blocks: unknown): true | string {
  const text = portableTextToPlainText(blocks)
  if (text.split(/\s+/).filter(Boolean).length < MIN_WORDS_TO_GRADE) return true
  const grade = fleschKincaidGrade(text)
  if (grade === null || grade <= MAX_READING_GRADE) return true
  return `Reading grade is ${grade.toFixed(1)} (Flesch-Kincaid); patient texts should be grade ${MAX_READING_GRADE} or below. Try shorter sentences and everyday words.`
}
