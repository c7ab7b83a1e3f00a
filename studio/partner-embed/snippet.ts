// The HTML a partner pastes into their site to show the FAQs shared with them.

export interface EmbedSnippetInput {
  /** The partner's slug. */
  slug: string | undefined
  /** The partner's language code; English needs no `lang`. */
  language?: string
  /**
   * Where the clinic publishes its widget scripts, e.g. https://cdn.example.com/clinic-kit
   * (SANITY_STUDIO_WIDGETS_URL); empty when not configured.
   */
  widgetsUrl: string
  /**
   * The local lake's plain-HTTP origin (e.g. http://127.0.0.1:3030) when the Studio edits a local
   * lake: the element reads its content there, and the script comes from its /dist unless
   * `widgetsUrl` says where the scripts are published.
   */
  lakeUrl?: string
  /** The dataset the partner lives in; on a local lake any other than `production` is named. */
  dataset?: string
}

/** The placeholder shown while the Studio does not know where the scripts are published. */
export const WIDGETS_URL_PLACEHOLDER = 'https://YOUR-CDN.example'

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

const trimSlashes = (url: string) => url.replace(/\/+$/, '')

/** The partner's embed code, or `null` while the partner has no slug. */
export function partnerEmbedSnippet({
  slug,
  language,
  widgetsUrl,
  lakeUrl,
  dataset,
}: EmbedSnippetInput): string | null {
  if (!slug) return null
  const lake = lakeUrl ? trimSlashes(lakeUrl) : ''
  const base = trimSlashes(widgetsUrl || (lake ? `${lake}/dist` : WIDGETS_URL_PLACEHOLDER))
  const attributes = [`partner="${attribute(slug)}"`]
  if (language && language !== 'en') attributes.push(`lang="${attribute(language)}"`)
  // The built scripts read the hosted project by themselves; a local lake is named, with its port.
  if (lake) attributes.push(`api-host="${attribute(lake)}"`)
  if (lake && dataset && dataset !== 'production')
    attributes.push(`dataset="${attribute(dataset)}"`)
  return [
    `<script src="${attribute(base)}/ck-faq.iife.js"></script>`,
    `<ck-faq ${attributes.join(' ')}></ck-faq>`,
  ].join('\n')
}
