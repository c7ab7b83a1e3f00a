// Reads Sanity's GROQ conformance suite (github.com/sanity-io/groq-test-suite) from its YAML
// files into datasets and tests, following the rules in the suite's README: nested tests inherit
// from their parent, `~name~` variables expand into every combination, JSON-valued variables also
// generate GenFilter/GenFetch/GenJoin variants over a shared generated dataset.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, relative, resolve} from 'node:path'

/** js-yaml 3 (what the suite's own compiler uses); it ships no type declarations. */
const yaml = createRequire(import.meta.url)('js-yaml') as {safeLoad(source: string): unknown}

/** The suite's copy in this repository (MIT; see its PROVENANCE.md for the commit it was taken at). */
export const SUITE_DIR = resolve(import.meta.dirname, '../vendor/groq-test-suite')

export interface SuiteDataset {
  id: string
  /** Absent for the external datasets (`dataset: movies`), which are a URL, not inline. */
  documents?: Record<string, unknown>[]
}

export interface SuiteTest {
  name: string
  filename: string
  query: string
  result: unknown
  valid: boolean
  params: Record<string, unknown>
  features: string[]
  version: string | undefined
  datasetId: string
}

export interface Suite {
  datasets: Map<string, SuiteDataset>
  tests: SuiteTest[]
}

/** The fields a YAML test node may carry; children inherit every one of them. */
interface Node {
  name?: string
  query?: string
  result?: unknown
  valid?: boolean
  params?: Record<string, unknown> | null
  features?: string[]
  version?: unknown
  documents?: Record<string, unknown>[]
  dataset?: string | {ref: string} | null
  variables?: Record<string, unknown> | null
  standaloneVariables?: string[]
  genFilter?: boolean
  genFetch?: boolean
  genJoin?: boolean
  tests?: Node[] | Node | null
}

const EMPTY_DATASET = 'empty'
const GENERATED_DATASET = 'generated'
const VARIABLE = /~(\w+)~/g

export function loadSuite(dir = SUITE_DIR): Suite {
  const testDir = join(dir, 'test')
  if (!existsSync(testDir))
    throw new Error(
      `The GROQ conformance suite is missing at ${dir}. It is part of the repository ` +
        '(test/vendor/groq-test-suite); restore it with git checkout -- test/vendor, or copy ' +
        'git clone https://github.com/sanity-io/groq-test-suite at commit 0445fe5 there ' +
        '(see docs/lake-groq-conformance.md).',
    )
  const compiler = new SuiteCompiler()
  const files = (readdirSync(testDir, {recursive: true}) as string[])
    .filter((file) => file.endsWith('.yml'))
    .sort()
  for (const file of files) {
    const source = readFileSync(join(testDir, file), 'utf8')
    // The compiled suite is JSON: a JSON round trip gives what it holds (dates become strings).
    const root = JSON.parse(JSON.stringify(yaml.safeLoad(source))) as Node
    compiler.compile(root, relative(testDir, join(testDir, file)))
  }
  return {datasets: compiler.datasets, tests: compiler.tests}
}

class SuiteCompiler {
  readonly datasets = new Map<string, SuiteDataset>([
    [EMPTY_DATASET, {id: EMPTY_DATASET, documents: []}],
    [GENERATED_DATASET, {id: GENERATED_DATASET, documents: []}],
  ])
  readonly tests: SuiteTest[] = []
  private readonly generated = new GeneratedValues(this.datasets.get(GENERATED_DATASET)!)

  compile(node: Node, filename: string): void {
    const own = this.withDataset(node, filename)
    const hasQuery = typeof own.query === 'string'
    if (hasQuery && ('result' in own || own.valid === false)) {
      if (own.variables != null)
        for (const variant of this.expand(own)) this.emit(variant, filename)
      else if (!hasVariables(own.query!)) this.emit(own, filename)
    }
    const children = own.tests == null ? [] : Array.isArray(own.tests) ? own.tests : [own.tests]
    for (const child of children) {
      const name =
        own.name != null && child.name != null
          ? `${own.name} / ${child.name}`
          : (child.name ?? own.name)
      const variables =
        own.variables != null || child.variables != null
          ? {...own.variables, ...child.variables}
          : null
      this.compile({...own, tests: null, ...child, name, variables}, filename)
    }
  }

  /** Inline `documents` become a dataset of their own; children inherit the reference. */
  private withDataset(node: Node, filename: string): Node {
    const {documents, ...rest} = node
    if (documents) {
      const id = `${filename}#${this.datasets.size}`
      this.datasets.set(id, {id, documents})
      return {...rest, dataset: {ref: id}}
    }
    if (typeof node.dataset === 'string') {
      const id = `external:${node.dataset}`
      this.datasets.set(id, {id})
      return {...rest, dataset: {ref: id}}
    }
    return rest
  }

  private emit(node: Node, filename: string): void {
    if (node.version != null && typeof node.version !== 'string')
      throw new Error(`${filename}: "${node.name}" has a version that is not a string`)
    const valid = node.valid ?? true
    const dataset = node.dataset
    this.tests.push({
      name: node.name ?? '',
      filename,
      query: node.query!,
      result: valid ? node.result : null,
      valid,
      params: node.params ?? {},
      features: node.features ?? [],
      version: node.version ?? undefined,
      datasetId: dataset && typeof dataset === 'object' ? dataset.ref : EMPTY_DATASET,
    })
  }

  /** Every combination of the variables, each with its generated variants. */
  private *expand(node: Node): Generator<Node> {
    const query = node.query!
    const names = [...query.matchAll(VARIABLE)].map((m) => m[1]!)
    const standalone = (name: string) => node.standaloneVariables?.includes(name) ?? true
    const {genFilter = true, genFetch = true, genJoin = true, result} = node
    for (const values of combinations(names.map((name) => choices(node.variables![name])))) {
      yield {...node, query: substitute(query, values)}
      // A test on an explicit dataset generates nothing: its documents would not be there.
      if (!(genFilter || genFetch || genJoin) || node.dataset) continue
      const generated = {dataset: {ref: GENERATED_DATASET}}
      for (const [i, name] of names.entries()) {
        const doc = standalone(name) ? this.generated.add(values[i]!) : null
        if (!doc) continue
        const fetchDoc = `*[_id == ${JSON.stringify(doc.id)}]`
        const replaced = (replacement: string) =>
          substitute(query, values.toSpliced(i, 1, replacement))
        if (genFilter) {
          const filter = replaced(doc.field)
          yield {
            ...node,
            ...generated,
            query: `${fetchDoc}[${filter}][]._id`,
            result: result === true ? [doc.id] : [],
          }
          yield {
            ...node,
            ...generated,
            query: `${fetchDoc}[!(${filter})][]._id`,
            result: result === false ? [doc.id] : [],
          }
        }
        if (genFetch) yield {...node, ...generated, query: replaced(`${fetchDoc}[0].${doc.field}`)}
        if (!genJoin || !(typeof result === 'boolean' || result === null)) continue
        for (let j = i + 1; j < names.length; j++) {
          const other = standalone(names[j]!) ? this.generated.add(values[j]!) : null
          if (!other) continue
          const joined = values.slice()
          joined[i] = `^.${doc.field}`
          joined[j] = other.field
          const inner = `*[_id == ${JSON.stringify(other.id)}][${substitute(query, joined)}]`
          yield {
            ...node,
            ...generated,
            query: `${fetchDoc}{"children":${inner}[]._id}`,
            result: [{children: result === true ? [other.id] : []}],
          }
        }
      }
    }
  }
}

/** One generated document per distinct JSON value, holding it in a field of its own. */
class GeneratedValues {
  private readonly byText = new Map<string, {id: string; field: string} | null>()

  constructor(private readonly dataset: SuiteDataset) {}

  add(text: string): {id: string; field: string} | null {
    if (this.byText.has(text)) return this.byText.get(text)!
    let value: unknown
    let entry: {id: string; field: string} | null = null
    try {
      value = JSON.parse(text)
    } catch {
      // Not JSON (e.g. an attribute name): nothing to generate from it.
    }
    if (value !== undefined) {
      const n = this.dataset.documents!.length + 1
      entry = n === 1 ? {id: 'd', field: 'f'} : {id: `d-${n}`, field: `f_${n}`}
      this.dataset.documents!.push({_id: entry.id, _type: 'doc', [entry.field]: value})
    }
    this.byText.set(text, entry)
    return entry
  }
}

function hasVariables(query: string): boolean {
  return new RegExp(VARIABLE.source).test(query)
}

function choices(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map((v) => String(v))
}

/** `~name~` occurrences replaced in order, each by its own value. */
function substitute(query: string, values: string[]): string {
  let i = 0
  return query.replace(VARIABLE, () => values[i++]!)
}

function* combinations(lists: string[][]): Generator<string[]> {
  if (lists.length === 0) {
    yield []
    return
  }
  const [first, ...rest] = lists
  for (const tail of combinations(rest)) for (const head of first!) yield [head, ...tail]
}
