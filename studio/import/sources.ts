// What the Import tool reads: a pasted text or one chosen file, as a source for the converter.
// Pure, so the rules are unit-tested without a browser.
import {detectKind, type ImportSource, type SourceKind, type WarningKind} from '../../importer'

/** The file kinds the converter reads (the command line's SOURCE_EXTENSIONS), by extension. */
const KIND_BY_EXTENSION: Record<string, SourceKind> = {
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  xml: 'wxr',
}

/** For the file chooser's `accept`. */
export const ACCEPTED_EXTENSIONS = Object.keys(KIND_BY_EXTENSION).map((e) => `.${e}`)

export const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()

/** The kind of a chosen file, or a message saying why it cannot be read. */
export function fileKind(name: string): {kind: SourceKind} | {error: string} {
  const extension = extensionOf(name)
  const kind = extension ? KIND_BY_EXTENSION[extension] : undefined
  if (kind) return {kind}
  return {
    error:
      `“${name}” is not a file the import reads. Choose an HTML page (.html, .htm), ` +
      `Markdown (.md, .markdown), plain text (.txt) or a WordPress export (.xml).`,
  }
}

/**
 * The name a pasted text is imported under. Ids derive from the name and the title, so the same
 * text pasted again updates (or leaves) the drafts it made before instead of adding new ones.
 */
export const PASTED_SOURCE_NAME = 'pasted'

/** The formats an editor may pick for a paste; `auto` looks at the text. */
export type PasteFormat = 'auto' | Exclude<SourceKind, 'wxr'>

export const PASTE_FORMATS: Array<{value: PasteFormat; title: string}> = [
  {value: 'auto', title: 'Detect from the text'},
  {value: 'html', title: 'HTML'},
  {value: 'markdown', title: 'Markdown'},
  {value: 'text', title: 'Plain text (title on the first line)'},
]

// Markdown a pasted text is unlikely to hold by chance: headings, list items, links, bold.
const MARKDOWN_SIGNS = [
  /^#{1,6}\s+\S/m,
  /^\s*(?:[-*+]|\d+\.)\s+\S.*\n\s*(?:[-*+]|\d+\.)\s+\S/m,
  /\[[^\]\n]+\]\([^)\s]+\)/,
  /\*\*[^*\n]+\*\*/,
]

/**
 * The format of a pasted text. A paste has no file extension, so beyond the converter's own
 * look at the first bytes (HTML, front matter), Markdown is recognised by its marks; anything
 * else is plain text in the seed's shape.
 */
export function pastedKind(text: string): SourceKind {
  const sniffed = detectKind({name: PASTED_SOURCE_NAME, text})
  if (sniffed !== 'text') return sniffed
  return MARKDOWN_SIGNS.some((sign) => sign.test(text)) ? 'markdown' : 'text'
}

export function pastedSource(text: string, format: PasteFormat = 'auto'): ImportSource {
  return {name: PASTED_SOURCE_NAME, text, kind: format === 'auto' ? pastedKind(text) : format}
}

/** A chosen file: its name (part of the ids, as the command line's file path is) and text. */
export function fileSource(name: string, text: string, kind: SourceKind): ImportSource {
  return {name, text, kind}
}

/** How editors read each kind of warning, in the order the tool lists them. */
export const WARNING_LABELS: Record<WarningKind, string> = {
  'element-dropped': 'Removed from the text (tables, embedded frames, scripts, forms)',
  'link-removed': 'Unsafe or broken links made plain text',
  'image-no-alt': 'Images without alternative text',
  'image-remote':
    'Images on other websites or with inline addresses (not copied: add them in the desk)',
  'image-not-found':
    'Local images the page refers to (a pasted or chosen page’s images cannot be read here: add them in the desk, or import the folder with the command line)',
  'markdown-degraded': 'Markdown the body cannot hold',
  'faq-skipped': 'Questions not made into FAQs',
  'summary-trimmed': 'Summary shortened',
  'title-long': 'Long titles',
  'no-title': 'No title found',
  'no-content': 'Nothing to import',
  'item-skipped': 'WordPress items skipped',
  'tag-unmatched': 'Tags that name no condition or treatment',
  unreadable: 'Could not be read',
}

export interface WarningGroup<W> {
  kind: WarningKind
  label: string
  warnings: W[]
}

/** Warnings grouped by kind, in the order of WARNING_LABELS. */
export function groupWarnings<W extends {kind: WarningKind}>(warnings: W[]): WarningGroup<W>[] {
  return (Object.keys(WARNING_LABELS) as WarningKind[])
    .map((kind) => ({
      kind,
      label: WARNING_LABELS[kind],
      warnings: warnings.filter((w) => w.kind === kind),
    }))
    .filter((group) => group.warnings.length > 0)
}
