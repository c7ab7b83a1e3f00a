// A word-level diff of two texts: the words an approval covered against the words there now.
// Longest common subsequence over words; line breaks count as words so paragraphs stay apart.

export type DiffPart = {kind: 'same' | 'added' | 'removed'; text: string}

/** Words and line breaks, in order; runs of spaces between words are dropped. */
export function words(text: string): string[] {
  return text.split(/(\n)|[ \t]+/).filter((token): token is string => Boolean(token))
}

/**
 * The parts that turn `before` into `after`: unchanged words, words removed and words added,
 * neighbouring words of one kind joined by a space (a line break stays a line break).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before)
  const b = words(after)
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({length: a.length + 1}, () => new Uint32Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)

  const parts: DiffPart[] = []
  const push = (kind: DiffPart['kind'], word: string) => {
    const last = parts.at(-1)
    if (last?.kind === kind) {
      const joiner = word === '\n' || last.text.endsWith('\n') ? '' : ' '
      last.text += joiner + word
    } else parts.push({kind, text: word})
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!)
      i++
      j++
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) push('removed', a[i++]!)
    else push('added', b[j++]!)
  }
  while (i < a.length) push('removed', a[i++]!)
  while (j < b.length) push('added', b[j++]!)
  return parts
}

/** Whether the two texts have the same words. */
export const sameWords = (before: string, after: string) =>
  wordDiff(before, after).every((part) => part.kind === 'same')
