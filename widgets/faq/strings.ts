// <ck-faq>'s UI strings.
import type {Translations} from '../i18n/strings'

const en = {
  empty: 'No questions to show yet.',
  noMatches: 'No questions match your search.',
  matches: (count: number) =>
    count === 1 ? '1 question matches your search.' : `${count} questions match your search.`,
  error: 'The questions could not be loaded.',
  unknownPartner: 'Unknown partner',
  search: 'Search questions',
  sources: 'Sources',
}

export const FAQ_STRINGS: Translations<typeof en> = {
  en,
  es: {
    empty: 'Todavía no hay preguntas.',
    noMatches: 'Ninguna pregunta coincide con su búsqueda.',
    matches: (count: number) =>
      count === 1
        ? '1 pregunta coincide con su búsqueda.'
        : `${count} preguntas coinciden con su búsqueda.`,
    error: 'No se pudieron cargar las preguntas.',
    unknownPartner: 'Socio desconocido',
    search: 'Buscar preguntas',
    sources: 'Fuentes',
  },
}
