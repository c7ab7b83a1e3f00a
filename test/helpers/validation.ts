// A real lake in a temp folder, seeded with the sample, and a schema workspace whose queries
// (slug uniqueness, reference filters) go to it through the real @sanity/client.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {clientConfig, contentConfigFromEnv} from '../../config/client'
import {createClient, type SanityClient} from '@sanity/client'
import type {SanityDocument, Workspace} from 'sanity'
import {startLake} from '../../lake/server'
import {SAMPLE_PATH} from '../../content/build'
import {
  createValidationWorkspace,
  validateDocuments,
  type ValidationProblem,
} from '../../content/validate'

export interface ValidationHarness {
  client: SanityClient
  workspace: Workspace
  validate(doc: Record<string, unknown>): Promise<ValidationProblem[]>
  close(): Promise<void>
}

export async function startValidationHarness(seed = SAMPLE_PATH): Promise<ValidationHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ck-validate-'))
  const lake = await startLake({port: 0, dir, seed})
  const client = createClient({
    ...clientConfig({...contentConfigFromEnv({}), apiHost: lake.url, token: lake.token}),
    maxRetries: 0,
  })
  const workspace = await createValidationWorkspace(client)
  return {
    client,
    workspace,
    validate: (doc) => validateDocuments([doc as SanityDocument], workspace),
    async close() {
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
    },
  }
}

export function errorsAt(problems: ValidationProblem[], path: string) {
  return problems.filter((p) => p.level === 'error' && p.path === path)
}

export function warningsAt(problems: ValidationProblem[], path: string) {
  return problems.filter((p) => p.level === 'warning' && p.path === path)
}
