// Registers every clinic-kit tag (each skipped when already defined, see define-element.ts).
import {CkArticle} from './article/ck-article'
import {CkClinician} from './clinician/ck-clinician'
import {CkClinicianList} from './clinician-list/ck-clinician-list'
import {CkConfig} from './config/ck-config'
import {defineElement} from './define-element'
import {CkFaq} from './faq/ck-faq'

export const ELEMENTS: Record<string, CustomElementConstructor> = {
  'ck-faq': CkFaq,
  'ck-article': CkArticle,
  'ck-clinician': CkClinician,
  'ck-clinician-list': CkClinicianList,
  'ck-config': CkConfig,
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
