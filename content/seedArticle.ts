// Turns the clinic's plain-text article (the seed) into a title and Portable Text body.
// Layout of the seed: the first line is the title; every other non-empty line is a paragraph,
// except short lines without closing punctuation that stand alone between blank lines: headings.
import {block, type Annotation, type Block} from './portableText'

export interface SeedArticle {
  title: string
  body: Block[]
}

const MAX_HEADING_LENGTH = 90

function isHeading(line: string, previousBlank: boolean, nextBlank: boolean): boolean {
  return previousBlank && nextBlank && line.length <= MAX_HEADING_LENGTH && !/[.!:;,]$/.test(line)
}

/**
 * @param annotate phrases to annotate, e.g. a citation marker on the sentence a source backs up.
 */
export function parseSeedArticle(
  text: string,
  keyBase: string,
  annotate: Annotation[] = [],
): SeedArticle {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
  const titleIndex = lines.findIndex((line) => line !== '')
  if (titleIndex < 0) throw new Error('The seed article is empty.')
  const title = lines[titleIndex] as string
  const body: Block[] = []
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const previousBlank = (lines[i - 1] ?? '') === ''
    const nextBlank = (lines[i + 1] ?? '') === ''
    const key = `${keyBase}/${body.length}`
    if (isHeading(line, previousBlank, nextBlank)) {
      body.push(block(key, line, {style: 'h2'}))
    } else {
      const annotations = annotate.filter((a) => line.includes(a.phrase))
      body.push(block(key, line, {annotations}))
    }
  }
  if (body.length === 0) throw new Error('The seed article has a title but no text.')
  const bodyText = lines.join('\n')
  for (const {phrase} of annotate)
    if (!bodyText.includes(phrase))
      throw new Error(`Phrase to annotate not found in the seed: ${phrase}`)
  return {title, body}
}
