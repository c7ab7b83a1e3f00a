// When a preview has nothing to show, why, in the editor's words.
import type {PreviewDocument} from './previewData'

const hasSlug = (doc: PreviewDocument) =>
  Boolean((doc.slug as {current?: unknown} | undefined)?.current)

/** Why the preview is empty, or null when the element has something to show. */
export function previewEmptyMessage(
  displayed: PreviewDocument,
  data: unknown,
  partner: string,
): string | null {
  switch (displayed._type) {
    case 'faq': {
      const faqs = (data as {faqs?: unknown[]} | null)?.faqs ?? []
      if (faqs.length) return null
      return partner
        ? 'This partner does not receive this FAQ: check its sharing, or the language.'
        : 'This FAQ is not shown yet: add its language.'
    }
    case 'partner': {
      if (!hasSlug(displayed)) return 'Give the partner a slug: its page asks for its FAQs by it.'
      const faqs = (data as {faqs?: unknown[]} | null)?.faqs ?? []
      return faqs.length ? null : 'No FAQs are shared with this partner in its language yet.'
    }
    case 'article':
      if (!hasSlug(displayed)) return 'Give the article a slug: the page asks for it by its slug.'
      return (data as {article?: unknown} | null)?.article ? null : 'The article is not found.'
    case 'clinician':
      if (!hasSlug(displayed)) return 'Give the clinician a slug: the page asks for it by its slug.'
      return Array.isArray(data) && data.length ? null : 'The clinician is not found.'
    default:
      return null
  }
}
