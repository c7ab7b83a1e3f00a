// The two trees Portable Text's flat storage stands for: list items nested into lists (a deeper
// item's list sits inside the item before it, as HTML nests them), and a block's spans nested
// into their marks, those most spans share outermost, so a link bold in part stays one link. The
// marks order follows @portabletext/toolkit's buildMarksTree. Both expect text that clean.ts
// has made readable (every child an object, every level from 1 to 20).
import type {PortableTextNode} from './clean'

export interface TextBlock {
  [field: string]: unknown
  _type: 'block'
  style?: unknown
  listItem?: unknown
  level?: number
  markDefs: Array<{_key: string; _type: string; [key: string]: unknown}>
  children: Array<{_type: string; text?: string; marks?: string[]; [key: string]: unknown}>
}

export interface List {
  _type: '@list'
  listItem: string
  level: number
  items: ListItem[]
}

/** A list item: its own text, then the lists nested under it. */
export interface ListItem {
  block: TextBlock
  lists: List[]
}

const isListItem = (node: PortableTextNode): node is PortableTextNode & TextBlock =>
  node._type === 'block' && typeof node.listItem === 'string'

/** The nodes with each run of list items as one list, deeper items in lists inside their item. */
export function nestLists(nodes: PortableTextNode[]): Array<PortableTextNode | List> {
  const tree: Array<PortableTextNode | List> = []
  /** The lists open at the current item, outermost first. */
  let open: List[] = []
  for (const node of nodes) {
    if (!isListItem(node)) {
      tree.push(node)
      open = []
      continue
    }
    const level = node.level ?? 1
    open = open.filter((list) => list.level <= level)
    let list = open.at(-1)
    // Another kind of list at the same level (bullets after numbers) is a list of its own.
    if (list?.level === level && list.listItem !== node.listItem) {
      open.pop()
      list = open.at(-1)
    }
    // Open the levels down to this item's, each inside the last item of the one above (a skipped
    // level gets an item with no text of its own).
    while (!list || list.level < level) {
      const parent = list
      list = {
        _type: '@list',
        listItem: String(node.listItem),
        level: (parent?.level ?? 0) + 1,
        items: [],
      }
      if (parent) parent.items.at(-1)!.lists.push(list)
      else tree.push(list)
      open.push(list)
      if (list.level < level) list.items.push({block: {...node, children: []}, lists: []})
    }
    list.items.push({block: node, lists: []})
  }
  return tree
}

/** A run of text, or a mark over the nodes it covers (`markDef` for annotations such as links). */
export type InlineNode =
  | {_type: '@text'; text: string}
  | {
      _type: '@span'
      markType: string
      markKey: string
      markDef?: TextBlock['markDefs'][number]
      children: InlineNode[]
    }
  | {_type: string; [key: string]: unknown}

const DECORATORS = ['strong', 'em', 'code', 'underline', 'strike-through']

/** A block's children nested into their marks. */
export function marksTree(block: TextBlock): InlineNode[] {
  const {children, markDefs} = block
  const root = {children: [] as InlineNode[]}
  let stack: Array<{markKey?: string; children: InlineNode[]}> = [root]
  children.forEach((child, index) => {
    const needed = sortedMarks(children, index)
    // Keep the open marks this child shares, from the outside in; close the rest.
    let depth = 1
    for (; depth < stack.length; depth++) {
      const at = needed.indexOf(stack[depth]!.markKey!)
      if (at < 0) break
      needed.splice(at, 1)
    }
    stack = stack.slice(0, depth)
    for (const markKey of needed) {
      const markDef = markDefs.find((def) => def._key === markKey)
      const node = {
        _type: '@span',
        markType: markDef?._type ?? markKey,
        markKey,
        markDef,
        children: [],
      }
      stack.at(-1)!.children.push(node)
      stack.push(node)
    }
    stack
      .at(-1)!
      .children.push(child._type === 'span' ? {_type: '@text', text: child.text ?? ''} : child)
  })
  return root.children
}

/**
 * A span's marks, those the most following spans share first (they open once around them all),
 * then annotations before decorators, decorators in a fixed order.
 */
function sortedMarks(children: TextBlock['children'], index: number): string[] {
  const span = children[index]!
  if (span._type !== 'span') return []
  // A Map, not an object: a mark named `__proto__` counts like any other.
  const runs = new Map<string, number>()
  for (const mark of span.marks ?? []) {
    let run = index + 1
    while (children[run]?._type === 'span' && children[run]!.marks?.includes(mark)) run++
    runs.set(mark, run - index)
  }
  return [...runs.keys()].sort(
    (a, b) =>
      runs.get(b)! - runs.get(a)! ||
      DECORATORS.indexOf(a) - DECORATORS.indexOf(b) ||
      a.localeCompare(b),
  )
}
