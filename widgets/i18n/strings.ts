// The languages the widgets' UI speaks, and the strings every widget shares. Each element keeps
// its own strings beside it (faq/strings.ts, …), so a script with one element carries only its own.

export type UiLanguage = 'en' | 'es'

/** One set of UI strings per language. */
export type Translations<T> = Record<UiLanguage, T>

/** The UI language for a `lang` value: Spanish for `es` and its regional forms, else English. */
export const uiLanguage = (lang: string | null | undefined): UiLanguage =>
  lang?.toLowerCase().startsWith('es') ? 'es' : 'en'

/** The strings for `lang` (anything but Spanish falls back to English). */
export const translate = <T>(table: Translations<T>, lang: string | null | undefined): T =>
  table[uiLanguage(lang)]

const en = {
  retry: 'Try again',
  loadingContent: 'Loading…',
}

/** The loading and error states' strings. */
export const COMMON_STRINGS: Translations<typeof en> = {
  en,
  es: {
    retry: 'Intentar de nuevo',
    loadingContent: 'Cargando…',
  },
}
