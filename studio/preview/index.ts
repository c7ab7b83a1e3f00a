// The preview feature: the "Preview" view the structure puts beside the types readers see, drawn
// by the same drop-in script partners load.
export {PreviewView} from './PreviewView'

/** Articles, FAQs, clinicians and partners get a "Preview": what readers will see. */
export const PREVIEWED_TYPES: ReadonlySet<string> = new Set([
  'article',
  'faq',
  'clinician',
  'partner',
])
