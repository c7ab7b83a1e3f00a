// Flesch-Kincaid grade level of Portable Text, so editors see how hard a text is to read.

interface SpanLike {
  _type?: string
  text?: unknown
}
interface BlockLike {
  _type?: string
  children?: unknown
}

/** Plain text of the text blocks in a Portable Text array, one block per line. */
export function portableTextToPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return ''
  return blocks
    .filter((block): block is BlockLike => isObject(block) && block._type === 'block')
    .map((block) =>
      Array.isArray(block.children)
        ? (block.children as SpanLike[])
            .map((child) => (typeof child?.text === 'string' ? child.text : ''))
            .join('')
        : '',
    )
    .filter((line) => line.trim() !== '')
    .join('\n')
}

/** Syllables in an English word, by vowel groups with the usual silent-e corrections. */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length === 0) return 0
  if (w.length <= 3) return 1
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '')
  const groups = trimmed.match(/[aeiouy]{1,2}/g)
  return Math.max(1, groups ? groups.length : 1)
}

export interface TextStatistics {
  words: number
  sentences: number
  syllables: number
}

export function textStatistics(text: string): TextStatistics {
  const words = text.match(/[A-Za-zÀ-ÿ0-9'’-]+/g)?.filter((w) => /[A-Za-zÀ-ÿ]/.test(w)) ?? []
  // Each line is a block; a heading or list item without a full stop still ends a sentence.
  const sentences = text.split(/[.!?]+(?=\s|$)|\n+/).filter((s) => /[A-Za-zÀ-ÿ]/.test(s)).length
  const syllables = words.reduce((sum, w) => sum + countSyllables(w), 0)
  return {words: words.length, sentences: Math.max(1, sentences), syllables}
}

/** Flesch-Kincaid grade level, rounded to one decimal; null when there is nothing to grade. */
export function fleschKincaidGrade(text: string): number | null {
  const {words, sentences, syllables} = textStatistics(text)
  if (words === 0) return null
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
  return Math.round(grade * 10) / 10
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
