// UI strings in English and Spanish; `lang` picks one (anything else falls back to English).
const STRINGS = {
  en: {
    empty: 'No questions to show yet.',
    noMatches: 'No questions match your search.',
    error: 'The questions could not be loaded.',
    retry: 'Try again',
    search: 'Search questions',
    sources: 'Sources',
    reviewedBy: 'Medically reviewed by',
    overdue: 'This article is due for a new medical review.',
    related: 'Related questions',
    articleError: 'The article could not be loaded.',
    notFound: 'This article was not found.',
    loadingContent: 'Loading…',
    clinicianError: 'The clinician profile could not be loaded.',
    clinicianNotFound: 'This clinician was not found.',
    noClinicians: 'No clinicians to show.',
    accepting: 'Accepting new patients',
    notAccepting: 'Not accepting new patients',
    book: 'Book an appointment',
    speaks: 'Speaks',
  },
  es: {
    empty: 'Todavía no hay preguntas.',
    noMatches: 'Ninguna pregunta coincide con su búsqueda.',
    error: 'No se pudieron cargar las preguntas.',
    retry: 'Intentar de nuevo',
    search: 'Buscar preguntas',
    sources: 'Fuentes',
    reviewedBy: 'Revisado médicamente por',
    overdue: 'Este artículo necesita una nueva revisión médica.',
    related: 'Preguntas relacionadas',
    articleError: 'No se pudo cargar el artículo.',
    notFound: 'No se encontró este artículo.',
    loadingContent: 'Cargando…',
    clinicianError: 'No se pudo cargar el perfil del profesional.',
    clinicianNotFound: 'No se encontró este profesional.',
    noClinicians: 'No hay profesionales para mostrar.',
    accepting: 'Acepta pacientes nuevos',
    notAccepting: 'No acepta pacientes nuevos',
    book: 'Pedir una cita',
    speaks: 'Habla',
  },
} as const

export type UiStrings = (typeof STRINGS)['en']

export type UiLanguage = keyof typeof STRINGS

/** The UI language for a `lang` value: Spanish for `es` and its regional forms, else English. */
export const uiLanguage = (lang: string | null | undefined): UiLanguage =>
  lang?.toLowerCase().startsWith('es') ? 'es' : 'en'

export function strings(lang: string | null | undefined): UiStrings {
  return STRINGS[uiLanguage(lang)] as UiStrings
}
