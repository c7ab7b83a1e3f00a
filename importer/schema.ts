// The Portable Text schemas the converter produces, derived from our own rich-text types, so a
// style, list or mark the Studio does not offer never reaches a document.
import type {HtmlToPortableTextOptions} from '@portabletext/html'
import {blockContent} from '../schemas/objects/blockContent'
import {simpleBlockContent} from '../schemas/objects/simpleBlockContent'

export type PortableTextSchema = NonNullable<HtmlToPortableTextOptions['schema']>

interface Named {
  value?: string
  name?: string
  type?: string
}
interface SanityBlockMember {
  type: string
  styles?: Named[]
  lists?: Named[]
  marks?: {decorators?: Named[]; annotations?: Named[]}
}

const names = (items: Named[] | undefined) =>
  (items ?? []).map((item) => item.value ?? item.name ?? item.type ?? '').filter(Boolean)

const entries = (list: string[]) => list.map((name) => ({name, value: name, title: name}))

/** The schema of a Sanity array of blocks (and images), in @portabletext/schema's compiled form. */
export function portableTextSchemaOf(arrayType: {of: unknown[]}): PortableTextSchema {
  const members = arrayType.of as SanityBlockMember[]
  const block = members.find((member) => member.type === 'block')
  if (!block) throw new Error('The rich-text type has no block member.')
  const annotations = names(block.marks?.annotations).map((name) => ({
    name,
    fields: name === 'link' ? [{name: 'href', type: 'string' as const}] : [],
  }))
  const hasImages = members.some((member) => member.type === 'image')
  return {
    block: {name: 'block'},
    span: {name: 'span'},
    styles: entries(names(block.styles)),
    lists: entries(names(block.lists)),
    decorators: entries(names(block.marks?.decorators)),
    annotations,
    blockObjects: hasImages
      ? [
          {
            name: 'image',
            fields: [
              {name: 'src', type: 'string'},
              {name: 'alt', type: 'string'},
            ],
          },
        ]
      : [],
    inlineObjects: [],
  }
}

/** Article bodies: `blockContent`. */
export const BODY_SCHEMA = portableTextSchemaOf(blockContent as unknown as {of: unknown[]})
/** FAQ answers: `simpleBlockContent`. */
export const ANSWER_SCHEMA = portableTextSchemaOf(simpleBlockContent as unknown as {of: unknown[]})

/** Styles of the source our schema lacks, and the one each becomes (h1 is the page title). */
export const STYLE_FALLBACK: Record<string, string> = {h1: 'h2', h5: 'h4', h6: 'h4'}

/** The body schema plus the source's extra heading levels, which the converter then maps. */
export function sourceSchema(schema: PortableTextSchema): PortableTextSchema {
  const known = new Set(schema.styles.map((style) => style.name))
  const extra = Object.keys(STYLE_FALLBACK).filter((name) => !known.has(name))
  return {...schema, styles: [...schema.styles, ...entries(extra)]}
}
