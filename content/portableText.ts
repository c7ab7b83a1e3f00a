// Small builders for Portable Text with stable keys, so the generated dataset is reproducible.
import {createHash} from 'node:crypto'
import type {MarkDef, Span} from '../model/portable-text'

export type {MarkDef, Span}

export interface Block {
  _type: 'block'
  _key: string
  style: string
  children: Span[]
  markDefs: MarkDef[]
  listItem?: 'bullet' | 'number'
  level?: number
}

/** A 12-character key derived from where the item sits, stable across runs. */
export function stableKey(...parts: Array<string | number>): string {
  return createHash('sha1').update(parts.join('/')).digest('hex').slice(0, 12)
}

/** Marks a phrase inside a paragraph with an annotation, e.g. a citation marker. */
export interface Annotation {
  phrase: string
  markDef: {_type: string; [field: string]: unknown}
}

export function block(
  keyBase: string,
  text: string,
  options: {style?: string; listItem?: 'bullet' | 'number'; annotations?: Annotation[]} = {},
): Block {
  const {style = 'normal', listItem, annotations = []} = options
  const markDefs: MarkDef[] = []
  // Split the text around each annotated phrase; each phrase becomes a span carrying its mark.
  let spans: Array<{text: string; marks: string[]}> = [{text, marks: []}]
  annotations.forEach((annotation, index) => {
    const key = stableKey(keyBase, 'mark', index)
    let found = false
    spans = spans.flatMap((span) => {
      const at = span.text.indexOf(annotation.phrase)
      if (found || at < 0 || span.marks.length > 0) return [span]
      found = true
      return [
        {text: span.text.slice(0, at), marks: []},
        {text: annotation.phrase, marks: [key]},
        {text: span.text.slice(at + annotation.phrase.length), marks: []},
      ].filter((s) => s.text !== '')
    })
    if (!found) throw new Error(`Annotated phrase not found in "${text}": ${annotation.phrase}`)
    markDefs.push({...annotation.markDef, _key: key})
  })
  return {
    _type: 'block',
    _key: stableKey(keyBase),
    style,
    markDefs,
    children: spans.map((span, index) => ({
      _type: 'span',
      _key: stableKey(keyBase, 'span', index),
      text: span.text,
      marks: span.marks,
    })),
    ...(listItem ? {listItem, level: 1} : {}),
  }
}

/** Paragraphs and bullet lists from a compact description: strings, or {bullets: [...]}. */
export type Passage = string | {bullets: string[]} | {text: string; annotations: Annotation[]}

export function blocks(keyBase: string, passages: Passage[]): Block[] {
  return passages.flatMap((passage, index) => {
    if (typeof passage === 'string') return [block(`${keyBase}/${index}`, passage)]
    if ('bullets' in passage)
      return passage.bullets.map((item, i) =>
        block(`${keyBase}/${index}/${i}`, item, {listItem: 'bullet'}),
      )
    return [block(`${keyBase}/${index}`, passage.text, {annotations: passage.annotations})]
  })
}

/** A reference to another document; array members need a key. */
export function ref(id: string, keyed = false) {
  return keyed
    ? {_type: 'reference', _ref: id, _key: stableKey('ref', id)}
    : {_type: 'reference', _ref: id}
}
