// The readability warning shown under long texts (article bodies, FAQ answers): English by its
// Flesch-Kincaid grade, Spanish by its INFLESZ score.
import type {SanityClient} from 'sanity'
import {MAX_READING_GRADE, SCHEMA_API_VERSION, SITE_SETTINGS_ID} from '../../model/constants'
import {analyzeText, readabilityLanguage} from '../../model/readability'
import {portableTextToPlainText} from '../../model/readability/reading-grade'

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

export const READING_GRADE_TARGET_QUERY = '*[_id == $id][0].readingGradeTarget'

/** The target the clinic set in Settings, read through the given client. */
export async function fetchReadingGradeTarget(
  getClient: (options: {apiVersion: string}) => SanityClient,
): Promise<number> {
  const value = await getClient({apiVersion: SCHEMA_API_VERSION}).fetch<unknown>(
    READING_GRADE_TARGET_QUERY,
    {id: SITE_SETTINGS_ID},
  )
  return readingGradeTarget(value)
}

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
