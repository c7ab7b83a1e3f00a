// schema.org JSON-LD for search engines: one <script> in the host's light DOM (crawlers do not
// read shadow roots), kept in step with what the element shows. Built from known fields only:
// an object stored in a document never carries its own keys (`@context`, `@id`, `sameAs`) in.
import {isWebUrl} from './config'

/** A string from the CMS, else nothing (objects and numbers stored in its place are left out). */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/** An http(s) URL from the CMS, else nothing: the same rule as links and images. */
export const webUrl = (value: unknown): string | undefined => (isWebUrl(value) ? value : undefined)

/** schema.org PostalAddress from a stored postalAddress: only its own string fields. */
export function postalAddress(address: unknown): object | undefined {
  if (address === null || typeof address !== 'object') return undefined
  const fields = address as Record<string, unknown>
  return {
    '@type': 'PostalAddress',
    ...Object.fromEntries(
      ['streetAddress', 'addressLocality', 'addressRegion', 'postalCode', 'addressCountry'].map(
        (name) => [name, text(fields[name])],
      ),
    ),
  }
}

/** The part of the browser's Trusted Types API used here (not in TypeScript's DOM types yet). */
interface TrustedTypes {
  createPolicy(name: string, rules: {createScript(text: string): string}): ScriptPolicy
}
interface ScriptPolicy {
  createScript(text: string): unknown
}

let scriptPolicy: ScriptPolicy | null | undefined

/**
 * Pages that enforce Trusted Types only take a script's text as a TrustedScript. The policy
 * `clinic-kit-json-ld` passes text through and is used for nothing but the JSON built here; a
 * page that lists its allowed policies (`trusted-types`) names it. `null` when the page has no
 * Trusted Types or refuses the policy (then its JSON-LD is left out; the content still shows).
 */
function policy(): ScriptPolicy | null {
  if (scriptPolicy === undefined) {
    try {
      const {trustedTypes} = globalThis as {trustedTypes?: TrustedTypes}
      scriptPolicy =
        trustedTypes?.createPolicy('clinic-kit-json-ld', {createScript: (text) => text}) ?? null
    } catch {
      scriptPolicy = null
    }
  }
  return scriptPolicy
}

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
  // `<` escaped, so no CMS string can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  try {
    // A TrustedScript where the page has Trusted Types; the string itself elsewhere.
    target.textContent = (policy()?.createScript(json) ?? json) as string
  } catch {
    // The page enforces Trusted Types and refused the policy: no JSON-LD; the content still shows.
    target.remove()
    return undefined
  }
  return target
}
