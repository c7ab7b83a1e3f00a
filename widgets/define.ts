// Registers the clinic-kit tags, skipping any already defined: two copies of the kit on one page,
// or a page's own element of the same name, never throw.
import {CkArticle} from './article/ck-article'
import {CkFaq} from './faq/ck-faq'

export const ELEMENTS: Record<string, CustomElementConstructor> = {
  'ck-faq': CkFaq,
  'ck-article': CkArticle,
}

export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS))
    if (!registry.get(tag)) registry.define(tag, element)
}
