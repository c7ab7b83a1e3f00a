// Portable Text for test content: a block of text the way the Studio stores one.

export interface SpanText {
  text: string
  marks?: string[]
}

export interface BlockOptions {
  style?: string
  markDefs?: object[]
  /** Anything else on the block, e.g. `listItem` and `level`. */
  [field: string]: unknown
}

/** A block holding `content`: one unmarked span, or the spans given. */
export function textBlock(
  key: string,
  content: string | SpanText[],
  {style = 'normal', markDefs = [], ...extra}: BlockOptions = {},
) {
  const spans = typeof content === 'string' ? [{text: content}] : content
  return {
    _type: 'block',
    _key: key,
    style,
    markDefs,
    children: spans.map((span, i) => ({
      _type: 'span',
      _key: `${key}s${i}`,
      text: span.text,
      marks: span.marks ?? [],
    })),
    ...extra,
  }
}
