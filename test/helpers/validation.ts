// A real lake in a temp folder, seeded with the sample, and a schema workspace whose queries
// (slug uniqueness, reference filters) go to it through the real @sanity/client.
import type {SanityClient} from '@sanity/client'
import type {SanityDocument, Workspace} from 'sanity'
import {SAMPLE_PATH} from '../../content/build'
import {startTestLake} from './lake'
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
  const lake = await startTestLake(seed)
  const workspace = await createValidationWorkspace(lake.client)
  return {
    client: lake.client,
    workspace,
    validate: (doc) => validateDocuments([doc as SanityDocument], workspace),
    close: () => lake.close(),
  }
}

export function errorsAt(problems: ValidationProblem[], path: string) {
  return problems.filter((p) => p.level === 'error' && p.path === path)
}

export function warningsAt(problems: ValidationProblem[], path: string) {
  return problems.filter((p) => p.level === 'warning' && p.path === path)
}
