// Runs the schema's own validation rules (Sanity's validation engine, as the Studio runs them)
// over a set of documents, offline: the workspace gets a mock auth store and the client given.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {clientConfig, contentConfigFromEnv} from '../config/client'
import {createClient, type SanityClient} from '@sanity/client'
import {
  createMockAuthStore,
  defineConfig,
  resolveConfig,
  validateDocument,
  type SanityDocument,
  type Workspace,
} from 'sanity'
import {firstValueFrom} from 'rxjs'
import {startLake} from '../lake/server/server'
import {schemaTypes} from '../schemas'
import {SAMPLE_PATH} from './build'

export interface ValidationProblem {
  documentId: string
  level: 'error' | 'warning' | 'info'
  path: string
  message: string
}

const CLI_USER = {
  id: 'clinic-kit-cli',
  name: 'clinic-kit',
  email: 'cli@clinic-kit.invalid',
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator'}],
}

/** A workspace with our schema whose queries go to `client` and never to sanity.io. */
export async function createValidationWorkspace(client: SanityClient): Promise<Workspace> {
  const {projectId, dataset} = client.config()
  const config = defineConfig({
    name: 'validation',
    projectId: projectId ?? 'clinickit',
    dataset: dataset ?? 'production',
    schema: {types: schemaTypes},
    auth: createMockAuthStore({client, currentUser: CLI_USER}),
  })
  const [workspace] = await firstValueFrom(resolveConfig(config))
  if (!workspace) throw new Error('The Studio configuration resolved to no workspace.')
  return workspace
}

export function pathToString(path: ReadonlyArray<unknown>): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'string') return index === 0 ? segment : `.${segment}`
      if (typeof segment === 'number') return `[${segment}]`
      if (segment && typeof segment === 'object' && '_key' in segment)
        return `[_key=="${String((segment as {_key: unknown})._key)}"]`
      return `[${JSON.stringify(segment)}]`
    })
    .join('')
}

/** Validates every document; references are checked against the dataset behind the workspace's client. */
export async function validateDocuments(
  documents: SanityDocument[],
  workspace: Workspace,
): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = []
  for (const document of documents) {
    const markers = await validateDocument({
      document,
      workspace,
      // As in the Studio: in the 'cli' environment Sanity appends an unknown-fields check with
      // .warning() to object fields' rule chains, which turns their errors into warnings.
      environment: 'studio',
    })
    for (const marker of markers) {
      problems.push({
        documentId: document._id,
        level: marker.level,
        path: pathToString(marker.path),
        message: marker.message,
      })
    }
  }
  return problems
}

/**
 * `npm run content:validate [-- file.ndjson]`: validates every document of the file (default the
 * sample) against a temporary local lake seeded with it, and exits 1 on any error.
 */
async function main() {
  const file = process.argv[2] ?? SAMPLE_PATH
  const documents = readNdjson(file) as SanityDocument[]
  const dir = mkdtempSync(join(tmpdir(), 'ck-content-validate-'))
  // A plain lake, without the clinic's rules (clinic-rules/index.ts), which refuse a published
  // review no approval backs: this lake must hold the dataset as it is, so the rules below can
  // name each such review.
  const lake = await startLake({port: 0, dir, seed: file})
  try {
    const client = createClient({
      ...clientConfig({...contentConfigFromEnv({}), apiHost: lake.url, token: lake.token}),
      maxRetries: 0,
    })
    const problems = await validateDocuments(documents, await createValidationWorkspace(client))
    for (const p of problems)
      console.log(`${p.level.padEnd(7)} ${p.documentId} ${p.path || '(document)'}: ${p.message}`)
    const errors = problems.filter((p) => p.level === 'error').length
    const warnings = problems.filter((p) => p.level === 'warning').length
    console.log(`${documents.length} documents: ${errors} errors, ${warnings} warnings`)
    process.exitCode = errors > 0 ? 1 : 0
  } finally {
    await lake.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

/** Documents of an NDJSON file; a line that is not JSON fails with its line number. */
export function readNdjson(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({line, index}))
    .filter(({line}) => line.trim() !== '')
    .map(({line, index}) => {
      try {
        return JSON.parse(line) as Record<string, unknown>
      } catch {
        throw new Error(`${file}:${index + 1}: not a JSON document`)
      }
    })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(2)
  })
}
