// <ck-article>'s UI strings.
import type {Translations} from '../i18n/strings'

const en = {
  sources: 'Sources',
  reviewedBy: 'Medically reviewed by',
  overdue: 'This article is due for a new medical review.',
  related: 'Related questions',
  error: 'The article could not be loaded.',
  notFound: 'This article was not found.',
}

export const ARTICLE_STRINGS: Translations<typeof en> = {
  en,
  es: {
    sources: 'Fuentes',
    reviewedBy: 'Revisado médicamente por',
    overdue: 'Este artículo necesita una nueva revisión médica.',
    related: 'Preguntas relacionadas',
    error: 'No se pudo cargar el artículo.',
    notFound: 'No se encontró este artículo.',
  },
}
