// The Portable Text shapes the content tools build (the sample generator and the importer). No
// Node imports here: the importer's core runs in the Studio too.

export interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}

export interface MarkDef {
  _type: string
  _key: string
  [field: string]: unknown
}
