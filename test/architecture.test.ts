// The architecture holds by lint: an import that runs the wrong way between rooms, or one that
// closes an import cycle, fails `npm run lint` (eslint/plugin.js, eslint/rooms.js). Each case
// lints a real file's text with one planted import, through ESLint with the project's config.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, it} from 'node:test'
import {ESLint} from 'eslint'
// @ts-expect-error: plain JavaScript lint tooling, typed by its JSDoc.
import {importCycles, importGraph} from '../eslint/import-graph.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const eslint = new ESLint({cwd: root})

/** The messages of one architecture rule (or a package ban) for `text` linted as `file`. */
async function problems(file: string, text: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, {filePath: join(root, file)})
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message)
}

const source = (file: string) => readFileSync(join(root, file), 'utf8')

describe('room boundaries', () => {
  it('the generic lake may not import the clinic rules, schemas, the Studio or content', async () => {
    const file = 'lake/store/store.ts'
    assert.deepEqual(await problems(file, source(file), 'architecture/room-boundaries'), [])
    for (const upward of [
      '../../clinic-rules/index',
      '../../schemas/index',
      '../../studio/config',
      '../../content/build',
      '../../model/review/state',
    ]) {
      const planted = `${source(file)}\nimport '${upward}'\n`
      const found = await problems(file, planted, 'architecture/room-boundaries')
      assert.equal(found.length, 1, `${upward}: ${found.join('; ')}`)
      assert.match(found[0]!, /^lake\/ may import only lake\/, model\/sanity\/, config\//)
    }
  })

  it('the model and the schemas stay below the Studio and the widget package', async () => {
    const model = 'model/review/fingerprint.ts'
    const planted = `${source(model)}\nimport '../../studio/config'\n`
    assert.equal((await problems(model, planted, 'architecture/room-boundaries')).length, 1)
    const schema = 'schemas/documents/faq.ts'
    const reachIn = `${source(schema)}\nimport '../../widgets/styles/palette'\n`
    assert.equal((await problems(schema, reachIn, 'architecture/room-boundaries')).length, 1)
  })

  it('a folder named like a room inside another room is not that room', async () => {
    // lake/studio/ holds the lake's Studio endpoints, not the Studio.
    const file = 'lake/server/router.ts'
    const planted = `${source(file)}\nimport '../studio/project-route'\n`
    assert.deepEqual(await problems(file, planted, 'architecture/room-boundaries'), [])
  })

  it('the model depends on no Studio, React or Node package', async () => {
    const file = 'model/review/fingerprint.ts'
    for (const pkg of ['react', 'sanity', 'node:fs', '@sanity/client']) {
      const planted = `import '${pkg}'\n${source(file)}`
      const found = await problems(file, planted, 'no-restricted-imports')
      assert.equal(found.length, 1, `${pkg}: ${found.join('; ')}`)
    }
  })
})

describe('import cycles', () => {
  it('the project has none', () => {
    assert.deepEqual(importCycles(importGraph(root)), [])
  })

  it('an import that closes a cycle fails lint, naming the cycle', async () => {
    // Any existing arrow a → b: planting b → a closes a cycle.
    const graph: Map<string, Set<string>> = importGraph(root)
    const [from, to] = ['model/readability/analyze.ts', 'model/readability/formulas.ts']
    assert.ok(graph.get(from)?.has(to), `${from} imports ${to}`)
    assert.deepEqual(await problems(to, source(to), 'architecture/no-import-cycle'), [])
    const planted = `${source(to)}\nimport './analyze'\n`
    const found = await problems(to, planted, 'architecture/no-import-cycle')
    assert.deepEqual(found, [`Import cycle: ${to} → ${from} → ${to}.`])
  })
})
