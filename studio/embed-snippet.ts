// The HTML a partner pastes into their site to show the FAQs shared with them.

export interface EmbedSnippetInput {
  /** The partner's slug. */
  slug: string | undefined
  /** The partner's language code; English needs no `lang`. */
  language?: string
  /** Where the clinic publishes its widget scripts, e.g. https://cdn.example.com/clinic-kit. */
  widgetsUrl: string
}

/** The placeholder shown while the Studio does not know where the scripts are published. */
export const WIDGETS_URL_PLACEHOLDER = 'https://YOUR-CDN.example'

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The partner's embed code, or `null` while the partner has no slug. */
export function partnerEmbedSnippet({
  slug,
  language,
  widgetsUrl,
}: EmbedSnippetInput): string | null {
  if (!slug) return null
  const base = (widgetsUrl || WIDGETS_URL_PLACEHOLDER).replace(/\/+$/, '')
  const lang = language && language !== 'en' ? ` lang="${attribute(language)}"` : ''
  return [
    `<script src="${attribute(base)}/ck-faq.iife.js"></script>`,
    `<ck-faq partner="${attribute(slug)}"${lang}></ck-faq>`,
  ].join('\n')
}
