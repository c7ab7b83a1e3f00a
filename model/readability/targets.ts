// How readable a patient text must be: English by its Flesch-Kincaid grade against the clinic's
// target (Settings, grade 8 by default), Spanish by its INFLESZ score. The schema's reading-grade
// warning and the Studio's readability panel both judge with these.
import {MAX_READING_GRADE} from '../constants'
import {analyzeText, readabilityLanguage} from '.'
import {portableTextToPlainText} from './reading-grade'

/** Shortest text we grade: a score for a sentence or two says little. */
const MIN_WORDS_TO_GRADE = 25

/**
 * Lowest INFLESZ score for a Spanish patient text: the bottom of the "normal" band (55–65), the
 * level Barrio-Cantalejo et al. (2008) found in general-audience press and recommend for texts for
 * patients. Below it the text is "algo difícil" or "muy difícil". It plays the part grade 8 plays
 * in English.
 */
export const MIN_INFLESZ_SCORE = 55

/** The grades Settings may set as the target (siteSettings.readingGradeTarget). */
export const READING_GRADE_TARGET_RANGE = {min: 4, max: 12} as const

/** Settings' reading grade target, or grade 8 (MAX_READING_GRADE) when unset or out of range. */
export function readingGradeTarget(value: unknown): number {
  return typeof value === 'number' &&
    value >= READING_GRADE_TARGET_RANGE.min &&
    value <= READING_GRADE_TARGET_RANGE.max
    ? value
    : MAX_READING_GRADE
}

/** What an editor reads when a text is too hard for patients, or true when it is not. */
export function readingGradeMessage(
  blocks: unknown,
  language = 'en',
  target = MAX_READING_GRADE,
): true | string {
  const text = portableTextToPlainText(blocks)
  if (text.split(/\s+/).filter(Boolean).length < MIN_WORDS_TO_GRADE) return true
  const analysis = analyzeText(text, language)
  const [main] = analysis.scores
  if (!main) return true
  if (readabilityLanguage(language) === 'es')
    return main.value >= MIN_INFLESZ_SCORE
      ? true
      : `INFLESZ readability is ${main.value.toFixed(1)} (${main.band}); Spanish patient texts should score ${MIN_INFLESZ_SCORE} ("normal") or above. Try shorter sentences and everyday words.`
  if (main.value <= target) return true
  return `Reading grade is ${main.value.toFixed(1)} (Flesch-Kincaid); patient texts should be grade ${target} or below. Try shorter sentences and everyday words.`
}
