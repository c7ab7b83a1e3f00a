// The marks tree is @portabletext/toolkit's (buildMarksTree): the same nesting of marks for any
// block, so text renders as it did with the toolkit. Lists: the nesting HTML needs.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {buildMarksTree} from '@portabletext/toolkit'
import type {PortableTextBlock} from '@portabletext/types'
import fc from 'fast-check'
import {cleanText, MAX_LIST_LEVEL} from './clean'
import {marksTree, nestLists, type InlineNode, type List, type TextBlock} from './tree'

/** A tree as nested arrays of mark keys and texts, for comparing the two builders. */
type Shape = string | {mark: string; type: string; children: Shape[]}
function shape(nodes: readonly unknown[]): Shape[] {
  return (nodes as Array<InlineNode & {markKey?: string; markType?: string; children?: []}>).map(
    (node) =>
      node._type === '@text'
        ? String(node.text)
        : node._type === '@span'
          ? {mark: node.markKey!, type: node.markType!, children: shape(node.children!)}
          : `<${node._type}>`,
  )
}

/** Adjacent texts joined (the toolkit splits text at line breaks; the renderer does not). */
function joined(shapes: Shape[]): Shape[] {
  const out: Shape[] = []
  for (const s of shapes) {
    const last = out.at(-1)
    if (typeof s === 'string' && typeof last === 'string') out[out.length - 1] = last + s
    else out.push(typeof s === 'string' ? s : {...s, children: joined(s.children)})
  }
  return out
}

const MARKS = ['strong', 'em', 'code', 'underline', 'l1', 'l2', 'c1', 'zz']
const blockArbitrary = fc
  .array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({text: fc.string({maxLength: 4}), marks: fc.subarray(MARKS)}),
      },
      {weight: 1, arbitrary: fc.constant(null)},
    ),
    {maxLength: 12},
  )
  .map((spans) => ({
    _type: 'block',
    _key: 'b',
    markDefs: [
      {_key: 'l1', _type: 'link', href: 'https://a.example/'},
      {_key: 'l2', _type: 'link', href: 'https://b.example/'},
      {_key: 'c1', _type: 'citationMarker', sourceKey: 's'},
    ],
    children: spans.map((span, i) =>
      span ? {_type: 'span', _key: `s${i}`, ...span} : {_type: 'inlineThing', _key: `i${i}`},
    ),
  }))

describe('marks tree', () => {
  it('nests marks exactly as @portabletext/toolkit does, for 2,000 random blocks', () => {
    fc.assert(
      fc.property(blockArbitrary, (block) => {
        const ours = joined(shape(marksTree(cleanText([block]).nodes[0] as TextBlock)))
        const toolkit = joined(shape(buildMarksTree(block as PortableTextBlock)))
        assert.deepEqual(ours, toolkit)
      }),
      {numRuns: 2000, seed: 20261201},
    )
  })
})

const item = (key: string, listItem: string, level: number) => ({
  _type: 'block',
  _key: key,
  listItem,
  level,
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s`, text: key, marks: []}],
})

/** A list tree as `type:text[nested…]` strings. */
function outline(nodes: ReturnType<typeof nestLists>): string[] {
  return nodes.map((node) =>
    node._type === '@list'
      ? `${(node as List).listItem}(${(node as List).items
          .map(
            (i) =>
              `${i.block.children[0]?.text ?? '·'}${i.lists.length ? `[${outline(i.lists).join(' ')}]` : ''}`,
          )
          .join(' ')})`
      : String(node._type),
  )
}

describe('list nesting', () => {
  it('puts deeper items in a list inside the item before them, and back out', () => {
    const tree = nestLists(
      cleanText([
        item('a', 'bullet', 1),
        item('b', 'bullet', 2),
        item('c', 'number', 3),
        item('d', 'bullet', 1),
        item('e', 'number', 1),
        {_type: 'block', _key: 'p', markDefs: [], children: []},
        item('f', 'bullet', 3),
      ]).nodes,
    )
    assert.deepEqual(outline(tree), [
      'bullet(a[bullet(b[number(c)])] d)',
      'number(e)',
      'block',
      // Levels with no item of their own get an empty one (·) to hold the next.
      'bullet(·[bullet(·[bullet(f)])])',
    ])
  })

  it(`holds any depth to ${MAX_LIST_LEVEL} levels`, () => {
    const tree = nestLists(
      cleanText(Array.from({length: 500}, (_, i) => item(`i${i}`, 'bullet', i + 1))).nodes,
    )
    let depth = 0
    for (let lists = tree as List[]; lists.length; lists = lists[0]!.items.at(-1)!.lists) depth++
    assert.equal(depth, MAX_LIST_LEVEL)
  })
})
