// Splits text into sentences and words, with their character offsets, the way the readability
// formulas count them: abbreviations (Dr., e.g., U.S., Sra., EE. UU.), decimals (2.5 mg) and list
// numbers (1.) do not end a sentence; a line break (a new paragraph, heading or list item) does.

export interface Span {
  text: string
  /** Offset of the first character in the text analysed. */
  start: number
  /** Offset just past the last character. */
  end: number
}

/**
 * Abbreviations that end in a full stop without ending the sentence, in lower case without the
 * stop: everyday English and Spanish ones (Spanish after the RAE's list of abbreviations). Words
 * with inner stops (e.g., U.S.) and single letters (initials) count as abbreviations anyway.
 */
const ABBREVIATIONS = new Set([
  // English
  'dr',
  'drs',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'vs',
  'etc',
  'approx',
  'fig',
  'dept',
  'jr',
  'sr',
  'inc',
  'mt',
  'hr',
  'hrs',
  'wk',
  'yr',
  'yrs',
  // Spanish
  'sra',
  'srta',
  'dra',
  'ud',
  'uds',
  'núm',
  'pág',
  'tel',
  'aprox',
  'ej',
  'ee',
  'uu',
  'av',
  'dcha',
  'izq',
])

/** What may follow a sentence's last mark and still belong to it. */
const CLOSING = /[.!?"'”’)\]]/
/** A letter, in any language. */
const LETTER = /\p{L}/u
/** A word: letters and digits, with inner apostrophes, hyphens and (in numbers) stops or commas. */
const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu

/**
 * The words of a text, with letters in them: numbers (2.5, 10,000) are not words to the formulas.
 * An abbreviation with inner stops (U.S., e.g.) is one word.
 */
export function splitWords(text: string, offset = 0): Span[] {
  const words: Span[] = []
  for (const {0: word, index} of text.matchAll(WORD))
    if (LETTER.test(word))
      words.push({text: word, start: offset + index, end: offset + index + word.length})
  return words
}

/** How far around a full stop its sentence end is decided: a word and the space after it. */
const WINDOW = 64

/** Whether the full stop at `index` of `text` ends a sentence. */
function endsSentence(text: string, index: number): boolean {
  // Only a window around the stop is read, so long texts split in linear time.
  const after = text.slice(index + 1, index + 1 + WINDOW)
  // Inside a token (2.5, U.S.A) it does not; before closing quotes it may.
  if (!/^["'”’)\]]*(?:\s|$)/.test(after)) return false
  // At the very end of the text, or of a line, it does.
  if (/^["'”’)\]]*[^\S\n]*(?:\n|$)/.test(after)) return true
  // Followed by lower case it does not: "approx. three", "e.g. rest".
  if (/^\s*\p{Ll}/u.test(after)) return false
  const word = /[\p{L}.]*$/u.exec(text.slice(Math.max(0, index - WINDOW), index))![0].toLowerCase()
  // Abbreviations: with inner stops (U.S., e.g., a.m.), a single letter (J. Smith, p. ej.), or known.
  return !(word.includes('.') || /^\p{L}$/u.test(word) || ABBREVIATIONS.has(word))
}

/**
 * The sentences of a text, each trimmed, with offsets; lines without a letter (a lone number, a
 * rule) are left out.
 */
export function splitSentences(text: string, offset = 0): Span[] {
  const sentences: Span[] = []
  let start = 0
  const push = (end: number) => {
    const raw = text.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    const body = raw.trim()
    if (LETTER.test(body))
      sentences.push({
        text: body,
        start: offset + start + lead,
        end: offset + start + lead + body.length,
      })
    start = end
  }
  // Only the marks that may end a sentence are looked at.
  const marks = /[\n.!?]/g
  for (let found = marks.exec(text); found; found = marks.exec(text)) {
    const i = found.index
    if (i < start) continue
    if (text[i] === '\n') push(i)
    else if (text[i] !== '.' || endsSentence(text, i)) {
      // The sentence takes its run of marks and closing quotes: "Really?!" — “Yes.”
      let end = i + 1
      while (end < text.length && CLOSING.test(text[end]!)) end++
      push(end)
    }
  }
  push(text.length)
  return sentences
}
