// Registers the clinic-kit tags, skipping any already defined: two copies of the kit on one page,
// or a page's own element of the same name, never throw.
import {CkArticle} from './article/ck-article'
import {CkClinician} from './clinician/ck-clinician'
import {CkClinicianList} from './clinician-list/ck-clinician-list'
import {CkConfig} from './config/ck-config'
import {CkFaq} from './faq/ck-faq'

export const ELEMENTS: Record<string, CustomElementConstructor> = {
  'ck-faq': CkFaq,
  'ck-article': CkArticle,
  'ck-clinician': CkClinician,
  'ck-clinician-list': CkClinicianList,
  'ck-config': CkConfig,
}

/** Registers one tag unless something already holds it. */
export function defineElement(
  tag: string,
  element: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  if (!registry.get(tag)) registry.define(tag, element)
}

export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) defineElement(tag, element, registry)
}

declare global {
  interface HTMLElementTagNameMap {
    'ck-faq': CkFaq
    'ck-article': CkArticle
    'ck-clinician': CkClinician
    'ck-clinician-list': CkClinicianList
    'ck-config': CkConfig
  }
}
