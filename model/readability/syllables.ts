// Syllable counts for English and Spanish words, which the readability formulas weigh. English is
// estimated (its spelling does not show syllables); Spanish follows its spelling rules closely.

/**
 * Syllables in an English word: vowel groups, less a silent final e / -es / -ed, plus the vowel
 * pairs English mostly says as two (ri-a, di-o, u-al, di-um).
 */
export function englishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length === 0) return 0
  if (w.length <= 3) return 1
  const trimmed = w
    // Silent endings: "make", "makes", "baked"; but "boxes", "pieces", "wanted", "faded" keep theirs.
    .replace(/(?:[^laeiouycgsxz]es|[^laeiouydt]ed|[^laeiouy]e)$/, (end) => end.slice(0, 1))
    .replace(/^y/, '')
  const groups = trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 0
  // Pairs in one vowel group that are two syllables: Austral-i-an, rad-i-o, act-u-al, med-i-um;
  // not after the consonants that make them one (-cial, -tion, -sion, -gion; qu-, gu-).
  const split = trimmed.match(/[^ctsgx]i[ao]|iu|[^qg]ua/g)?.length ?? 0
  return Math.max(1, groups + split)
}

// Spanish: a syllable per vowel nucleus. Open vowels (a, e, o) side by side, or an accented i/u
// next to any vowel, are two syllables (hiatus: le-er, rí-o); a closed vowel (i, u, y at the end)
// beside another vowel joins it (diphthong: cui-da-do, hoy; triphthong: buey). After RAE,
// Ortografía de la lengua española (2010), §4.1.1.
const OPEN = 'aeoáéó'
const ACCENTED_CLOSED = 'íú'
const VOWEL = /[aeiouáéíóúüy]/

/** Syllables in a Spanish word. */
export function spanishSyllables(word: string): number {
  const w = word
    .toLowerCase()
    // The u of que/qui, gue/gui is not said (gü is: pin-güi-no).
    .replace(/([qg])u(?=[eiéí])/g, '$1')
    .replace(/[^a-záéíóúüñy]/g, '')
  let nuclei = 0
  let previous = ''
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!
    // y is a vowel only where no vowel follows it: "hoy", "muy", "y"; not "yo", "mayo".
    const vowel = VOWEL.test(c) && (c !== 'y' || !VOWEL.test(w[i + 1] ?? ''))
    if (!vowel) {
      previous = ''
      continue
    }
    if (!previous || hiatus(previous, c)) nuclei++
    previous = c
  }
  return Math.max(1, nuclei)
}

/** Whether two vowels side by side are said in two syllables. */
function hiatus(a: string, b: string): boolean {
  if (ACCENTED_CLOSED.includes(a) || ACCENTED_CLOSED.includes(b)) return true
  if (OPEN.includes(a) && OPEN.includes(b)) return true
  // The same closed vowel twice: chi-i-ta.
  return a === b
}
