/** URL schemes an editor may link to; anything else (javascript:, data:, …) is rejected. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel']

/** Schemes for pages (booking, canonical URLs, partner sites). */
export const WEB_SCHEMES = ['http', 'https']
