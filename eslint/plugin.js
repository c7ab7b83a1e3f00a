// Lint rules for the project's architecture: imports run only the way eslint/rooms.js allows,
// and no import cycle exists. Both resolve relative specifiers to files (eslint/import-graph.js),
// so a folder named like a room inside another room (lake/studio/) is not mistaken for it.
import {importCycles, importGraph, importPath, repoPath, resolveSpecifier} from './import-graph.js'
import {mayImport, roomOf, ROOMS} from './rooms.js'

/** The import specifiers of a file's AST, each with the node to report at. */
function importsOf(program) {
  const found = []
  const visit = (node) => {
    if (!node || typeof node !== 'object') return
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportNamedDeclaration' ||
        node.type === 'ExportAllDeclaration' ||
        node.type === 'ImportExpression') &&
      node.source?.type === 'Literal' &&
      typeof node.source.value === 'string'
    ) {
      found.push({specifier: node.source.value, node: node.source})
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue
      const child = node[key]
      if (Array.isArray(child)) child.forEach(visit)
      else if (child && typeof child.type === 'string') visit(child)
    }
  }
  visit(program)
  return found
}

const roomBoundaries = {
  meta: {
    type: 'problem',
    docs: {description: 'Imports between rooms run only the way eslint/rooms.js allows'},
    messages: {
      wrongWay:
        '{{from}} may import only {{allowed}}: "{{specifier}}" reaches {{target}} (docs/architecture.md).',
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd
    const file = repoPath(root, context.filename)
    const room = roomOf(file)
    if (!room) return {}
    return {
      Program(program) {
        for (const {specifier, node} of importsOf(program)) {
          const target = resolveSpecifier(root, file, specifier)
          if (!target || mayImport(file, target)) continue
          const allowed = [
            `${room.room}/`,
            ...room.may.map((name) => (name.endsWith('.ts') ? name : `${name}/`)),
          ]
          context.report({
            node,
            messageId: 'wrongWay',
            data: {
              from: `${room.room}/`,
              allowed: allowed.join(', '),
              specifier,
              target: roomOf(target)?.room ?? target,
            },
          })
        }
      },
    }
  },
}

// The graph of the files on disk is read once per lint run; the file being linted contributes
// its own imports from the text ESLint holds, so a cycle it would close is found before saving.
const graphs = new Map()
function graphFor(root) {
  let graph = graphs.get(root)
  if (!graph) {
    graph = importGraph(root)
    graphs.set(root, graph)
  }
  return graph
}

const noImportCycle = {
  meta: {
    type: 'problem',
    docs: {description: 'No import cycle between the project’s files'},
    messages: {cycle: 'Import cycle: {{path}}.'},
    schema: [],
  },
  create(context) {
    const root = context.cwd
    const file = repoPath(root, context.filename)
    return {
      Program(program) {
        const imports = importsOf(program)
          .map(({specifier, node}) => ({target: resolveSpecifier(root, file, specifier), node}))
          .filter(({target}) => target !== null)
        if (imports.length === 0) return
        const graph = new Map(graphFor(root))
        graph.set(file, new Set(imports.map(({target}) => target)))
        const group = importCycles(graph).find((members) => members.includes(file))
        if (!group) return
        const members = new Set(group)
        for (const {target, node} of imports) {
          const back = members.has(target) ? importPath(graph, target, file, members) : null
          if (!back) continue
          const cycle = [file, ...back]
          context.report({node, messageId: 'cycle', data: {path: cycle.join(' → ')}})
        }
      },
    }
  },
}

export const architecture = {
  meta: {name: 'clinic-kit-architecture'},
  rules: {'room-boundaries': roomBoundaries, 'no-import-cycle': noImportCycle},
}

/** ESLint flat config entries: the two rules everywhere, and each room's banned packages. */
export function architectureConfig() {
  return [
    {
      files: ['**/*.{ts,tsx,js,mjs}'],
      plugins: {architecture},
      rules: {'architecture/room-boundaries': 'error', 'architecture/no-import-cycle': 'error'},
    },
    ...ROOMS.filter((room) => room.packages).map((room) => ({
      files: [`${room.room}/**/*.{ts,tsx,js,mjs}`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                // Anchored (`/sanity`), so a folder named like a package (model/sanity/) is not it.
                group: room.packages.map((name) => `/${name}`),
                message: `${room.room}/ does not depend on this package (eslint/rooms.js, docs/architecture.md).`,
              },
            ],
          },
        ],
      },
    })),
  ]
}
