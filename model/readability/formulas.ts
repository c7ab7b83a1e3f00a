// The readability formulas, from counts of words, sentences and syllables. Each is named as
// published, with its source; its interpretation (bands, grades) only where the source gives one.

export interface Counts {
  words: number
  sentences: number
  syllables: number
}

export type FormulaName =
  | 'Flesch-Kincaid grade level'
  | 'Fernández-Huerta readability'
  | 'INFLESZ (Szigriszt-Pazos perspicuity)'

export interface FormulaScore {
  formula: FormulaName
  /** The formula's figure, to one decimal. */
  value: number
  /** Whether a higher figure means an easier text (true for the Spanish scales, not for a grade). */
  higherIsEasier: boolean
  /** The source's name for the figure's band, e.g. "normal"; none for the grade level. */
  band?: string
  /** A school grade, only where the formula's source maps its figures to one. */
  grade?: string
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * Flesch-Kincaid grade level: 0.39 × words/sentences + 11.8 × syllables/words − 15.59, a US school
 * grade. Kincaid, Fishburne, Rogers & Chissom (1975), Derivation of new readability formulas for
 * Navy enlisted personnel, Research Branch Report 8-75, formula (1).
 */
export function fleschKincaid({words, sentences, syllables}: Counts): FormulaScore {
  return {
    formula: 'Flesch-Kincaid grade level',
    value: round1(0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59),
    higherIsEasier: false,
  }
}

/**
 * Fernández-Huerta (1959) readability, Flesch's reading ease adapted to Spanish:
 * L = 206.84 − 0.60 P − 1.02 F, P = syllables per 100 words, F = words per sentence. F is often
 * printed as "sentences per 100 words", which makes shorter sentences score harder; Law (2011,
 * LINGUIST List 22.2332) showed that reading is a misprint of Flesch's words per sentence, as
 * legible.es and later authors use it. Bands and school grades: Fernández Huerta's own table.
 */
export function fernandezHuerta({words, sentences, syllables}: Counts): FormulaScore {
  const value = round1(206.84 - 0.6 * ((100 * syllables) / words) - 1.02 * (words / sentences))
  const [band, grade] = FERNANDEZ_HUERTA_BANDS.find(([, , from]) => value >= from) ?? ['', '', 0]
  return {formula: 'Fernández-Huerta readability', value, higherIsEasier: true, band, grade}
}

/** [band, school grade (Spain), lowest score]: Fernández Huerta (1959). */
const FERNANDEZ_HUERTA_BANDS: ReadonlyArray<readonly [string, string, number]> = [
  ['muy fácil', '4º grado', 90],
  ['fácil', '5º grado', 80],
  ['algo fácil', '6º grado', 70],
  ['normal (para adultos)', '7º u 8º grado', 60],
  ['algo difícil', 'preuniversitario', 50],
  ['difícil', 'cursos selectivos', 30],
  ['muy difícil', 'universitario (especialización)', -Infinity],
]

/**
 * Szigriszt-Pazos (1993) perspicuity, 206.835 − 62.3 × syllables/words − words/sentences, read on
 * the INFLESZ scale of Barrio-Cantalejo et al. (2008), Validación de la Escala INFLESZ para evaluar
 * la legibilidad de los textos dirigidos a pacientes, An Sist Sanit Navar 31(2):135-152. INFLESZ
 * gives no school grade.
 */
export function inflesz({words, sentences, syllables}: Counts): FormulaScore {
  const value = round1(206.835 - 62.3 * (syllables / words) - words / sentences)
  return {
    formula: 'INFLESZ (Szigriszt-Pazos perspicuity)',
    value,
    higherIsEasier: true,
    band: infleszBand(value),
  }
}

export type InfleszBand = 'muy difícil' | 'algo difícil' | 'normal' | 'bastante fácil' | 'muy fácil'

/**
 * The INFLESZ band: < 40 muy difícil, 40–55 algo difícil, 55–65 normal, 65–80 bastante fácil,
 * > 80 muy fácil; a figure on a boundary belongs to the band it starts (55 is normal), and 80 to
 * bastante fácil (the scale says "> 80").
 */
export function infleszBand(value: number): InfleszBand {
  if (value < 40) return 'muy difícil'
  if (value < 55) return 'algo difícil'
  if (value < 65) return 'normal'
  if (value <= 80) return 'bastante fácil'
  return 'muy fácil'
}
