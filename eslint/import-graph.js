// The project's import graph, read the way the bundlers and tsx resolve relative specifiers
// (`./x`, `./x.js`, `./x.ts`, `./dir` → `dir/index.ts`), so lint can check arrows between rooms
// and find cycles. Package imports are not edges: they leave the project.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join, posix, relative, sep} from 'node:path'
import ts from 'typescript'

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/
const SKIPPED_DIRS = new Set([
  'node_modules',
  'dist',
  '.git',
  '.cache',
  '.lake',
  '.sanity',
  'test-results',
  'vendor',
])

/** Repository-relative POSIX path of an absolute path. */
export const repoPath = (root, file) => relative(root, file).split(sep).join('/')

/** Every source file under `root`, as repository-relative paths. */
export function sourceFiles(root) {
  const files = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name))
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(repoPath(root, join(dir, entry.name)))
      }
    }
  }
  walk(root)
  return files
}

/** The module specifiers a source text imports, re-exports or loads with `import()`. */
export function specifiersOf(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName)
}

/**
 * The repository-relative file a relative specifier in `from` names, or null for a package
 * import or a specifier that names no source file.
 */
export function resolveSpecifier(root, from, specifier) {
  if (!specifier.startsWith('.')) return null
  const base = posix.normalize(posix.join(posix.dirname(from), specifier))
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ]
  for (const candidate of candidates) {
    const absolute = join(root, candidate)
    if (existsSync(absolute) && statSync(absolute).isFile()) return candidate
  }
  return null
}

/** Edges of every source file under `root`: file → files it imports. */
export function importGraph(root) {
  const graph = new Map()
  for (const file of sourceFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8')
    const targets = specifiersOf(text)
      .map((specifier) => resolveSpecifier(root, file, specifier))
      .filter((target) => target !== null)
    graph.set(file, new Set(targets))
  }
  return graph
}

/**
 * Strongly connected groups of more than one file (Tarjan's algorithm, iterative so a deep
 * chain cannot overflow the stack): each is an import cycle.
 */
export function importCycles(graph) {
  let counter = 0
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const cycles = []
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work = [{node: start, edges: [...(graph.get(start) ?? [])], next: 0}]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work[work.length - 1]
      if (frame.next < frame.edges.length) {
        const target = frame.edges[frame.next++]
        if (!graph.has(target)) continue
        if (!index.has(target)) {
          index.set(target, counter)
          low.set(target, counter++)
          stack.push(target)
          onStack.add(target)
          work.push({node: target, edges: [...(graph.get(target) ?? [])], next: 0})
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(target)))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)))
      if (low.get(frame.node) === index.get(frame.node)) {
        const group = []
        let member
        do {
          member = stack.pop()
          onStack.delete(member)
          group.push(member)
        } while (member !== frame.node)
        if (group.length > 1) cycles.push(group.sort())
      }
    }
  }
  return cycles
}

/** A shortest path of imports from `from` to `to` through `members`, or null if none. */
export function importPath(graph, from, to, members) {
  const previous = new Map([[from, null]])
  const queue = [from]
  while (queue.length > 0) {
    const node = queue.shift()
    if (node === to) {
      const path = []
      for (let at = node; at !== null; at = previous.get(at)) path.unshift(at)
      return path
    }
    for (const target of graph.get(node) ?? []) {
      if (members.has(target) && !previous.has(target)) {
        previous.set(target, node)
        queue.push(target)
      }
    }
  }
  return null
}
