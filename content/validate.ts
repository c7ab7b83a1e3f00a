// Runs the schema's own validation rules (Sanity's validation engine, as the Studio runs them)
// over a set of documents, offline: the workspace gets a mock auth store and the client given.
import type {SanityClient} from '@sanity/client'
import {
  createMockAuthStore,
  defineConfig,
  resolveConfig,
  validateDocument,
  type SanityDocument,
  type Workspace,
} from 'sanity'
import {firstValueFrom} from 'rxjs'
import {schemaTypes} from '../schemas'

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

/** Validates every document; referenced documents must exist in `documents` or in the client's dataset. */
export async function validateDocuments(
  documents: SanityDocument[],
  workspace: Workspace,
): Promise<ValidationProblem[]> {
  const ids = new Set(documents.map((doc) => doc._id))
  const problems: ValidationProblem[] = []
  for (const document of documents) {
    const markers = await validateDocument({
      document,
      workspace,
      environment: 'cli',
      getDocumentExists: async ({id}) => ids.has(id) || ids.has(`drafts.${id}`),
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
