// The body of a proposed draft, rendered readably: headings, paragraphs, lists, links shown with
// their address, images by their alternative text. Everything is React text, so nothing in an
// imported page can run or navigate.
import {Box, Heading, Stack, Text} from '@sanity/ui'
import type {ReactNode} from 'react'

interface Span {
  _key?: string
  text?: string
  marks?: string[]
}
interface Block {
  _type: string
  _key: string
  style?: string
  listItem?: string
  level?: number
  children?: Span[]
  markDefs?: Array<{_key: string; _type: string; href?: string}>
  alt?: string
}

/** The proposal's article title; every heading of the body is drawn smaller. */
export const TITLE_SIZE = 3
const HEADING_SIZE: Record<string, 0 | 1 | 2> = {h1: 2, h2: 2, h3: 1, h4: 0, h5: 0, h6: 0}

function spans(block: Block): ReactNode[] {
  return (block.children ?? []).map((span, index) => {
    const marks = span.marks ?? []
    const link = block.markDefs?.find((def) => marks.includes(def._key) && def.href)
    const text = span.text ?? ''
    let node: ReactNode = text
    if (marks.includes('strong')) node = <strong>{node}</strong>
    if (marks.includes('em')) node = <em>{node}</em>
    if (link) node = <u title={link.href}>{node}</u>
    return <span key={span._key ?? index}>{node}</span>
  })
}

/** Each numbered item's number: consecutive items of a list at one level count up from 1. */
function itemNumbers(blocks: Block[]): number[] {
  return blocks.map((block, index) => {
    let n = 1
    for (let i = index - 1; i >= 0; i--) {
      const before = blocks[i]!
      if (before.listItem !== 'number') break
      if ((before.level ?? 1) === (block.level ?? 1)) n++
    }
    return n
  })
}

export function Blocks({blocks}: {blocks: unknown[]}) {
  const list = blocks as Block[]
  const numbers = itemNumbers(list)
  return (
    <Stack gap={3} data-testid="import-body">
      {list.map((block, index) => {
        if (block._type === 'image')
          return (
            <Text key={block._key} size={1} muted>
              [Image{block.alt ? `: ${block.alt}` : ' without alternative text'}]
            </Text>
          )
        if (block._type !== 'block') return null
        const heading = block.style ? HEADING_SIZE[block.style] : undefined
        if (heading)
          return (
            <Heading key={block._key} as="h3" size={heading}>
              {spans(block)}
            </Heading>
          )
        if (block.listItem)
          return (
            <Box key={block._key} paddingLeft={3 * (block.level ?? 1)}>
              <Text size={1}>
                {block.listItem === 'number' ? `${numbers[index]}. ` : '• '}
                {spans(block)}
              </Text>
            </Box>
          )
        return (
          <Text key={block._key} size={1}>
            {block.style === 'blockquote' ? '“' : ''}
            {spans(block)}
            {block.style === 'blockquote' ? '”' : ''}
          </Text>
        )
      })}
    </Stack>
  )
}
