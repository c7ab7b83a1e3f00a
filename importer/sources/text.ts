// Plain text in the shape of the clinic's seed article (content/seedArticle.ts reads the same
// layout): the first line is the title, blank lines separate paragraphs, and a short line that
// stands alone between blank lines, without closing punctuation, is a heading.

export interface TextPage {
  title?: string
  paragraphs: Array<{text: string; heading: boolean}>
}

const MAX_HEADING_LENGTH = 90

export function readTextPage(source: string): TextPage {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
  const titleIndex = lines.findIndex((line) => line !== '')
  if (titleIndex < 0) return {paragraphs: []}
  const paragraphs: TextPage['paragraphs'] = []
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const alone = (lines[i - 1] ?? '') === '' && (lines[i + 1] ?? '') === ''
    const heading = alone && line.length <= MAX_HEADING_LENGTH && !/[.!:;,]$/.test(line)
    paragraphs.push({text: line, heading})
  }
  return {title: lines[titleIndex], paragraphs}
}
