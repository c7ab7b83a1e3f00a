// schema.org JSON-LD for search engines: one <script> in the host's light DOM (crawlers do not
// read shadow roots), kept in step with what the element shows.

/**
 * Writes `data` into the host's JSON-LD script, creating it when needed; `null` removes it.
 * Returns the script to pass back next time.
 */
export function syncJsonLd(
  host: HTMLElement,
  script: HTMLScriptElement | undefined,
  data: object | null,
): HTMLScriptElement | undefined {
  if (data === null) {
    script?.remove()
    return undefined
  }
  const target = script ?? document.createElement('script')
  target.type = 'application/ld+json'
  if (!target.isConnected) host.append(target)
  // textContent, and `<` escaped, so no CMS string can close the script element.
  target.textContent = JSON.stringify(data).replace(/</g, '\\u003c')
  return target
}
