// The domain model (model/) is plain TypeScript: it names no Sanity Studio, React, Node built-in
// or @sanity/client module, nor reaches one at runtime through what it imports. Sanity's id
// conventions (model/sanity/ids.ts) are written once and read drafts, release versions and
// published ids as Sanity does. The model's review field types and TypeGen's agree.
import assert from 'node:assert/strict'
import {builtinModules} from 'node:module'
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, it} from 'node:test'
import ts from 'typescript'
import type {MedicalReview, ReviewRequest} from '../sanity.types'
import {clinicianName} from '../model/clinician'
import {
  isReviewedType,
  listReviewState,
  REVIEWED_TYPES,
  reviewedIdOf,
  type MedicalReviewValue,
  type ReviewRequestValue,
} from '../model/review/state'
import {
  draftId,
  isDraftId,
  isPublishedId,
  isRootPathId,
  isValidReleaseId,
  isVersionId,
  publishedIdOf,
  releaseDocumentId,
  releaseOf,
  versionId,
} from '../model/sanity/ids'
import {isReference} from '../model/sanity/references'

const root = fileURLToPath(new URL('..', import.meta.url))
const repoPath = (file: string) => relative(root, file).split(sep).join('/')

const BUILTINS = new Set(builtinModules)
/** Modules the model may not depend on: the Studio, React, Node and the Sanity client. */
function forbidden(specifier: string): boolean {
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0]!
  return (
    specifier.startsWith('node:') ||
    BUILTINS.has(name) ||
    ['sanity', 'react', 'react-dom', 'styled-components', '@sanity/client', '@sanity/ui'].includes(
      name,
    )
  )
}

interface ModuleImport {
  specifier: string
  /** False for `import type` / `export type`: erased when the code runs. */
  runtime: boolean
}

/** The modules a file imports or re-exports, and whether each is needed at runtime. */
function importsOf(file: string): ModuleImport[] {
  const text = readFileSync(file, 'utf8')
  const found: ModuleImport[] = []
  // Every specifier TypeScript sees (imports, re-exports, `import()` and `require`)…
  const all = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName)
  // …and which of them are type-only.
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const typeOnly = new Set<string>()
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause
      const bindings = clause?.namedBindings
      const onlyTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!bindings &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((element) => element.isTypeOnly)))
      if (onlyTypes) typeOnly.add(statement.moduleSpecifier.text)
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.isTypeOnly &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    )
      typeOnly.add(statement.moduleSpecifier.text)
  }
  const runtime = new Set<string>()
  for (const statement of source.statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : null
    if (specifier && !typeOnly.has(specifier)) runtime.add(specifier)
  }
  for (const specifier of new Set(all))
    // A specifier seen only by preProcessFile (`import()`, `require`) counts as runtime.
    found.push({specifier, runtime: runtime.has(specifier) || !typeOnly.has(specifier)})
  return found
}

const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)),
  },
)!

/** The project file a specifier resolves to, or null for a package (node_modules) or nothing. */
function resolve(specifier: string, from: string): string | null {
  const resolved = ts.resolveModuleName(specifier, from, config.options, ts.sys).resolvedModule
  if (!resolved || resolved.isExternalLibraryImport) return null
  return resolved.resolvedFileName
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/**
 * What the model depends on that it may not: every forbidden module a model file names (even for
 * types), and every one reached at runtime through the project files it imports.
 */
function modelProblems(modelDir: string): string[] {
  const problems: string[] = []
  const inModel = (file: string) => !relative(modelDir, file).startsWith('..')
  const seen = new Set<string>()
  const queue = filesUnder(modelDir)
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const {specifier, runtime} of importsOf(file)) {
      const target = resolve(specifier, file)
      if (target) {
        // Every model file is scanned anyway; outside the model only what runs matters (a
        // type-only import is erased, so what that file imports is never loaded).
        if (runtime) queue.push(target)
        continue
      }
      if (forbidden(specifier) && (inModel(file) || runtime))
        problems.push(`${repoPath(file)} imports ${specifier}`)
    }
  }
  return problems
}

/** Imports from model/sanity/ that leave it: the lake may depend on model/sanity alone. */
function sanityConventionProblems(dir: string): string[] {
  const problems: string[] = []
  for (const file of filesUnder(dir))
    for (const {specifier} of importsOf(file)) {
      const target = resolve(specifier, file)
      if (!target || relative(dir, target).startsWith('..'))
        problems.push(`${repoPath(file)} imports ${specifier}`)
    }
  return problems
}

describe('the domain model is plain TypeScript', () => {
  it('model/ names no Studio, React, Node or @sanity/client module, nor reaches one', () => {
    assert.deepEqual(modelProblems(join(root, 'model')), [])
  })

  it('model/sanity/ imports nothing outside itself', () => {
    assert.deepEqual(sanityConventionProblems(join(root, 'model/sanity')), [])
  })

  it('the scan finds a forbidden import, type-only or reached through another file', () => {
    // A planted model: a type-only Sanity import in a model file; a project file outside the
    // model that needs node:fs at runtime, imported by a model file; and one that needs React,
    // imported for its types only (erased, so not a dependency).
    const dir = join(root, 'test/fixtures/model-scan')
    assert.deepEqual(modelProblems(join(dir, 'model')), [
      'test/fixtures/model-scan/model/typed.ts imports sanity',
      'test/fixtures/model-scan/outside.ts imports node:fs',
    ])
    assert.deepEqual(sanityConventionProblems(join(dir, 'model/sanity')), [
      'test/fixtures/model-scan/model/sanity/leaks.ts imports ../typed',
    ])
  })
})

describe("Sanity's ids (model/sanity/ids.ts)", () => {
  const ids = [
    'faq-1',
    'drafts.faq-1',
    'versions.rSpring.faq-1',
    '_.releases.rSpring',
    'reviews.faq-1.a',
  ]

  it('tells drafts, release versions and published ids apart', () => {
    assert.deepEqual(ids.map(isDraftId), [false, true, false, false, false])
    assert.deepEqual(ids.map(isVersionId), [false, false, true, false, false])
    assert.deepEqual(ids.map(isPublishedId), [true, false, false, false, true])
    assert.deepEqual(ids.map(isRootPathId), [true, false, false, false, false])
    assert.equal(isVersionId('versions.rSpring'), false, 'a version id names a document')
  })

  it('turns one id into another', () => {
    assert.deepEqual(ids.map(publishedIdOf), [
      'faq-1',
      'faq-1',
      'faq-1',
      '_.releases.rSpring',
      'reviews.faq-1.a',
    ])
    assert.deepEqual(ids.slice(0, 3).map(draftId), ['drafts.faq-1', 'drafts.faq-1', 'drafts.faq-1'])
    assert.equal(versionId('rSpring', 'faq-1'), 'versions.rSpring.faq-1')
    assert.equal(publishedIdOf('versions.rSpring.a.b'), 'a.b', 'the rest is the published id')
    assert.deepEqual(ids.map(releaseOf), [null, null, 'rSpring', null, null])
    assert.equal(releaseDocumentId('rSpring'), '_.releases.rSpring')
    assert.deepEqual(['rSpring', 'drafts', 'a.b', ''].map(isValidReleaseId), [
      true,
      false,
      false,
      false,
    ])
  })

  it('knows a reference by a non-blank _ref', () => {
    assert.equal(isReference({_type: 'reference', _ref: 'clinician-sloane-yu'}), true)
    assert.equal(isReference({_ref: ' '}), false)
    assert.equal(isReference('clinician-sloane-yu'), false)
  })
})

describe('one home for what the review and the Studio share', () => {
  it('an approval without reviewedId covers the draft of its document', () => {
    assert.equal(reviewedIdOf({documentId: 'faq-1'}), 'drafts.faq-1')
    assert.equal(
      reviewedIdOf({documentId: 'faq-1', reviewedId: 'versions.r.faq-1'}),
      'versions.r.faq-1',
    )
  })

  it('reviewed types', () => {
    assert.deepEqual([...REVIEWED_TYPES], ['article', 'faq'])
    assert.deepEqual(['article', 'faq', 'clinician'].map(isReviewedType), [true, true, false])
  })

  it('names a clinician from the non-blank name fields, or the fallback', () => {
    const yu = {honorificPrefix: 'Dr.', givenName: 'Sloane', familyName: 'Yu'}
    assert.equal(clinicianName(yu), 'Dr. Sloane Yu')
    assert.equal(clinicianName({...yu, honorificPrefix: ' '}), 'Sloane Yu')
    assert.equal(clinicianName(null, 'clinician-x'), 'clinician-x')
    assert.equal(clinicianName({_id: 'c', _type: 'clinician', givenName: 7}, 'c'), 'c')
  })

  it("TypeGen's stored review fields are the model's, and fit its types", () => {
    // Compile-time half: `npm run typecheck` fails if the schema's fields and the model's differ.
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
    const sameReviewFields: Same<keyof MedicalReview, keyof MedicalReviewValue> = true
    const sameRequestFields: Same<keyof ReviewRequest, keyof ReviewRequestValue> = true
    const stored: MedicalReview = {
      _type: 'medicalReview',
      reviewer: {_type: 'reference', _ref: 'clinician-sloane-yu'},
      reviewerName: 'Dr. Sloane Yu',
      reviewedAt: '2026-11-02',
      fingerprint: 'sha256:x',
      record: 'reviews.faq-1.a',
    }
    const read: MedicalReviewValue = stored
    const request: ReviewRequestValue = {
      _type: 'reviewRequest',
      status: 'inReview',
    } satisfies ReviewRequest
    assert.equal(sameReviewFields && sameRequestFields, true)
    assert.equal(request.status, 'inReview')
    assert.deepEqual(listReviewState(read, 'sha256:x'), {
      state: 'approved',
      reviewerName: 'Dr. Sloane Yu',
      reviewedAt: '2026-11-02',
    })
  })
})
