// The shapes the converter hands around. Nothing here depends on Node or on a DOM
// implementation, so the same converter runs in the CLI and in the Studio.

/** The formats the converter reads. */
export type SourceKind = 'html' | 'markdown' | 'wxr' | 'text'

/** One file (or pasted text) to convert. `name` is its path or URL, and part of the ids. */
export interface ImportSource {
  name: string
  text: string
  kind?: SourceKind
}

/** What went missing or changed on the way in; the report groups them by kind. */
export type WarningKind =
  | 'unreadable'
  | 'no-content'
  | 'no-title'
  | 'item-skipped'
  | 'summary-trimmed'
  | 'title-long'
  | 'link-removed'
  | 'image-remote'
  | 'image-not-found'
  | 'image-no-alt'
  | 'element-dropped'
  | 'markdown-degraded'
  | 'tag-unmatched'
  | 'faq-skipped'

export interface ImportWarning {
  kind: WarningKind
  message: string
  /** The source file or URL the warning is about. */
  source: string
}

/** A condition or treatment of the target dataset, with the names the text may use for it. */
export interface Topic {
  _id: string
  _type: 'condition' | 'treatment'
  name: string
  alternateNames?: string[]
  brandName?: string
  genericName?: string
}

/** Everything the converter needs from its host (Node or the browser). */
export interface ConvertContext {
  /** Parses an HTML page or fragment: jsdom in Node, DOMParser in the browser. */
  parseHtml(html: string): Document
  /** Parses XML (WordPress exports): jsdom's XML mode in Node, DOMParser in the browser. */
  parseXml(xml: string): Document
  /** The bytes of a local image next to the source, or null when there is none. */
  readFile?(path: string): Promise<Uint8Array | null>
  /** Conditions and treatments to suggest, read from the target dataset. */
  topics?: Topic[]
  /** When the import runs (ISO date-time); defaults to now. */
  now?: string
  /** Who published the original pages, for the source entry every imported text gets. */
  publisher?: string
  /**
   * Slugs given so far, shared by the sources of one import so that two pages with the same
   * title get different slugs (the second gets "-2").
   */
  usedSlugs?: Set<string>
}

/** A document to write, without system fields; `_id` is the draft's id. */
export interface PlannedDocument {
  _id: string
  _type: 'article' | 'faq'
  [field: string]: unknown
}

/** A local image file to upload; image blocks point at `ref` until the upload gives an id. */
export interface PlannedAsset {
  ref: string
  /** The file's path, as `readFile` was given it. */
  path: string
  filename: string
  sha1: string
  bytes: Uint8Array
  /** The documents whose images use it. */
  documents: string[]
}

/** A condition or treatment set on a draft because its text names it. */
export interface TopicSuggestion {
  documentId: string
  topicId: string
  topicType: Topic['_type']
  name: string
  /** The words of the text that matched. */
  matched: string
}

export interface ImportPlan {
  articles: PlannedDocument[]
  faqs: PlannedDocument[]
  assets: PlannedAsset[]
  warnings: ImportWarning[]
  suggestions: TopicSuggestion[]
}

/** What writing a planned document does to the dataset. */
export type ChangeKind = 'created' | 'updated' | 'unchanged'

export interface PlannedChange {
  /** The draft id written (or that would be). */
  id: string
  type: PlannedDocument['_type']
  title: string
  change: ChangeKind
  /** A published document with this id exists; it is never written. */
  published: boolean
}

/** The documents already in the dataset, by `_id` (drafts and published). */
export type ExistingDocuments = ReadonlyMap<string, Record<string, unknown>>
