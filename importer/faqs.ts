// Question headings: a patient's question the article already answers. Each becomes a draft FAQ
// whose answer is the text under the heading, up to the next heading of the same or a higher
// level; the article keeps its text and lists the FAQs as related questions.
import {plainText, type BodyBlock, type TextBlock} from './convert'

const QUESTION_WORDS = /^(what|how|why|when|can|is|are|do|does|should|who|which|will)\b/i

export function isQuestion(text: string): boolean {
  const clean = text.trim()
  return clean.endsWith('?') || QUESTION_WORDS.test(clean)
}

const HEADING_LEVEL: Record<string, number> = {h2: 2, h3: 3, h4: 4}

export interface QuestionSection {
  /** The heading's text, ending with a question mark. */
  question: string
  answer: BodyBlock[]
}

/** The question headings of a body, each with the blocks that answer it. */
export function questionSections(body: BodyBlock[]): QuestionSection[] {
  const sections: QuestionSection[] = []
  body.forEach((block, index) => {
    const level = block._type === 'block' ? HEADING_LEVEL[block.style] : undefined
    if (!level) return
    const text = plainText(block).replace(/\s+/g, ' ').trim()
    if (!isQuestion(text)) return
    const answer: BodyBlock[] = []
    for (const next of body.slice(index + 1)) {
      const nextLevel = next._type === 'block' ? HEADING_LEVEL[next.style] : undefined
      if (nextLevel && nextLevel <= level) break
      answer.push(next)
    }
    sections.push({
      question: text.endsWith('?') ? text : `${text.replace(/[.!:;,]+$/, '')}?`,
      answer,
    })
  })
  return sections
}

export type {TextBlock}
