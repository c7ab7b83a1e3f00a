// The readability warning shown under long texts (article bodies, FAQ answers), as Sanity
// validation: reads the clinic's target from Settings; the judgement is the model's
// (model/readability/targets.ts).
import type {SanityClient} from 'sanity'
import {SCHEMA_API_VERSION, SITE_SETTINGS_ID} from '../../model/constants'
import {readingGradeTarget} from '../../model/readability/targets'

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
