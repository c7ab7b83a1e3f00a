// Finds a glossary's terms in a text, so editors can swap jargon for the plain word: whole words
// only, any case, plurals too, and where terms overlap ("nerve" in "nerve block") the longest wins.

export interface GlossaryEntry {
  term: string
  plainAlternative?: string
  definition?: string
  /** `en` or `es`: which plural endings apply (both when absent). */
  language?: string
}

export interface GlossaryMatch<Entry extends GlossaryEntry = GlossaryEntry> {
  entry: Entry
  /** The words as they appear in the text, e.g. "Migraines". */
  text: string
  start: number
  end: number
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The last word of a term with its plural endings: English -s, -es, and -y → -ies; Spanish -s,
 * -es (a final -z becomes -ces: luz → luces).
 */
function pluralOf(word: string, language: string | undefined): string {
  const english = language !== 'es'
  const spanish = language !== 'en'
  const forms = [escape(word), `${escape(word)}(?:e?s)`]
  if (english && /[^aeiou]y$/i.test(word)) forms.push(`${escape(word.slice(0, -1))}ies`)
  if (spanish && /z$/i.test(word)) forms.push(`${escape(word.slice(0, -1))}ces`)
  return `(?:${forms.join('|')})`
}

/** A pattern for a term: its words apart by any white space, the last one in any plural. */
function patternOf(entry: GlossaryEntry): RegExp | null {
  const words = entry.term.trim().split(/\s+/).filter(Boolean)
  if (!words.length) return null
  const last = pluralOf(words.pop()!, entry.language)
  const body = [...words.map(escape), last].join('\\s+')
  // Whole words: no letter or digit just before or after.
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu')
}

/** Every place a glossary term appears in `text`, in text order, without overlaps. */
export function matchGlossary<Entry extends GlossaryEntry>(
  text: string,
  terms: readonly Entry[],
): GlossaryMatch<Entry>[] {
  const found: GlossaryMatch<Entry>[] = []
  for (const entry of terms) {
    const pattern = typeof entry.term === 'string' ? patternOf(entry) : null
    if (pattern)
      for (const match of text.matchAll(pattern))
        found.push({entry, text: match[0], start: match.index, end: match.index + match[0].length})
  }
  // Longest first, then earliest: a shorter term inside a longer one's match gives way to it.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: GlossaryMatch<Entry>[] = []
  for (const match of found)
    if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match)
  return kept.sort((a, b) => a.start - b.start)
}
