// What the readability panel needs beyond the text: the clinic's grade target from Settings and
// the glossary in the text's language, read through the Studio's client once per language.
import {useEffect, useState} from 'react'
import {useClient} from 'sanity'
import {MAX_READING_GRADE, SCHEMA_API_VERSION, SITE_SETTINGS_ID} from '../../model/constants'
import type {GlossaryEntry} from '../../model/readability'
import {readabilityLanguage} from '../../model/readability'
import {readingGradeTarget} from '../../model/readability/targets'

export const READABILITY_SOURCES_QUERY = `{
  "target": *[_id == $settingsId][0].readingGradeTarget,
  "glossary": *[_type == "glossaryTerm" && (language == $lang || !defined(language))]{
    term, plainAlternative, definition, language
  }
}`

export interface ReadabilitySources {
  target: number
  glossary: GlossaryEntry[]
}

const NONE: GlossaryEntry[] = []

export function useReadabilitySources(language: string | undefined): ReadabilitySources {
  const client = useClient({apiVersion: SCHEMA_API_VERSION})
  const lang = readabilityLanguage(language)
  const [sources, setSources] = useState<ReadabilitySources>({
    target: MAX_READING_GRADE,
    glossary: NONE,
  })
  useEffect(() => {
    let current = true
    client
      .fetch<{target: unknown; glossary: GlossaryEntry[] | null}>(READABILITY_SOURCES_QUERY, {
        settingsId: SITE_SETTINGS_ID,
        lang,
      })
      .then(
        ({target, glossary}) =>
          current && setSources({target: readingGradeTarget(target), glossary: glossary ?? NONE}),
        // Without them the panel still grades, against grade 8 and with no suggestions.
        () => undefined,
      )
    return () => {
      current = false
    }
  }, [client, lang])
  return sources
}
