// The Studio's features as plugins: the schemas hold no components (they import no React, no
// Sanity UI and nothing of studio/), the readability panel finds its fields by their schema
// option, and the review actions each document type gets, in the order the Studio shows them.
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import {describe, it} from 'node:test'
import {isValidElement, type ReactElement} from 'react'
import {
  createSchema,
  type DocumentActionComponent,
  type DocumentActionsContext,
  type DocumentBadgesContext,
  type InputProps,
  type ObjectSchemaType,
} from 'sanity'
import ts from 'typescript'
import {schemaTypes} from '../schemas'
import config from '../studio/config'
import {medicalReview, reviewDocumentActions} from '../studio/medical-review'
import {ApproveAction} from '../studio/medical-review/actions/approve'
import {RequestChangesAction} from '../studio/medical-review/actions/requestChanges'
import {RequestReviewAction} from '../studio/medical-review/actions/requestReview'
import {reviewOverdueBadge} from '../studio/medical-review/badges'
import {readability, showsReadability} from '../studio/readability'
import {ReadabilityInput} from '../studio/readability/ReadabilityInput'

const ROOT = join(import.meta.dirname, '..')
const SCHEMAS = join(ROOT, 'schemas')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

interface SchemaImport {
  file: string
  specifier: string
  /** The names imported as values (type-only imports and names are left out). */
  values: string[]
}

/** Every import and re-export of a source file, with the value names it brings in. */
function importsOf(file: string, text: string): SchemaImport[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest)
  const found: SchemaImport[] = []
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const values: string[] = []
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
        const clause = node.importClause
        if (clause?.name) values.push('default')
        const bindings = clause?.namedBindings
        if (bindings && ts.isNamespaceImport(bindings)) values.push('*')
        if (bindings && ts.isNamedImports(bindings))
          for (const element of bindings.elements)
            if (!element.isTypeOnly) values.push((element.propertyName ?? element.name).text)
      }
      if (ts.isExportDeclaration(node) && !node.isTypeOnly) values.push('*')
      found.push({file, specifier: node.moduleSpecifier.text, values})
    }
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.push({file, specifier: node.arguments[0].text, values: ['*']})
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** From `sanity`, schemas use only the define helpers (and its types). */
const SANITY_VALUES = new Set(['defineType', 'defineField', 'defineArrayMember'])
/** Packages of components: a schema that needs one names a plugin's option instead. */
const COMPONENT_PACKAGE = /^(react|react-dom|@sanity\/ui|styled-components|sanity\/.+)(\/|$)/

/** What in the schema files imports components, React or the Studio, one line each. */
function schemaImportProblems(files: Array<{file: string; text: string}>): string[] {
  const problems: string[] = []
  for (const {file, text} of files) {
    const rel = relative(ROOT, file).split(sep).join('/')
    if (/\.[jt]sx$/.test(file)) problems.push(`${rel} is a component file (.tsx/.jsx)`)
    if (!/\.[jt]sx?$/.test(file)) continue
    for (const {specifier, values} of importsOf(file, text)) {
      if (COMPONENT_PACKAGE.test(specifier)) problems.push(`${rel} imports ${specifier}`)
      else if (specifier === 'sanity') {
        const others = values.filter((name) => !SANITY_VALUES.has(name))
        if (others.length) problems.push(`${rel} imports ${others.join(', ')} from sanity`)
      } else if (specifier.startsWith('.')) {
        const target = relative(ROOT, resolve(dirname(file), specifier))
          .split(sep)
          .join('/')
        if (/\.[jt]sx$/.test(specifier)) problems.push(`${rel} imports a component: ${specifier}`)
        if (!/^(schemas|model)(\/|$)|^sanity\.types(\.ts)?$/.test(target))
          problems.push(`${rel} imports ${target} (outside schemas/ and model/)`)
      }
    }
  }
  return problems
}

describe('schemas without components', () => {
  it('no schema file imports React, Sanity UI, a component or studio/', () => {
    const files = filesUnder(SCHEMAS).map((file) => ({file, text: readFileSync(file, 'utf8')}))
    assert.ok(files.length > 20)
    assert.deepEqual(schemaImportProblems(files), [])
  })

  it('the check names each kind of wrong import', () => {
    // Planted in a schema's place (not written to disk): the component import a schema once had,
    // React, Sanity UI, a Studio hook, a component file, and the imports schemas may have.
    const planted = (name: string, text: string) => ({file: join(SCHEMAS, 'documents', name), text})
    const problems = schemaImportProblems([
      planted(
        'planted.ts',
        [
          "import {ReadabilityInput} from '../../studio/readability/ReadabilityInput'",
          "import {createElement} from 'react'",
          "import {Card} from '@sanity/ui'",
          "import {defineField, useFormValue, type Rule} from 'sanity'",
          "import type {StringInputProps} from 'sanity'",
          "import {BookIcon} from '@sanity/icons/Book'",
          "import {AUDIENCES} from '../../model/constants'",
          "import {slugField} from '../fields'",
          "export {Panel} from '../panel.tsx'",
        ].join('\n'),
      ),
      planted('Panel.tsx', 'export const Panel = () => null'),
    ])
    assert.deepEqual(problems, [
      'schemas/documents/planted.ts imports studio/readability/ReadabilityInput (outside schemas/ and model/)',
      'schemas/documents/planted.ts imports react',
      'schemas/documents/planted.ts imports @sanity/ui',
      'schemas/documents/planted.ts imports useFormValue from sanity',
      'schemas/documents/planted.ts imports a component: ../panel.tsx',
      'schemas/documents/Panel.tsx is a component file (.tsx/.jsx)',
    ])
  })
})

describe('readability plugin', () => {
  const schema = createSchema({name: 'clinic-kit', types: schemaTypes})

  it('shows the panel on the article summary and body and the FAQ answer, and nowhere else', () => {
    const marked = schema
      .getTypeNames()
      .map((name) => schema.get(name))
      .filter((type): type is ObjectSchemaType => type?.jsonType === 'object')
      .flatMap((type) =>
        (type.fields ?? [])
          .filter((field) => showsReadability(field.type))
          .map((field) => `${type.name}.${field.name}`),
      )
    assert.deepEqual(marked.sort(), ['article.body', 'article.summary', 'faq.answer'])
  })

  it('its input wraps marked fields in the panel and leaves others to the default', () => {
    const input = readability().form?.components?.input as
      ((props: InputProps) => unknown) | undefined
    assert.ok(input)
    const article = schema.get('article') as ObjectSchemaType
    const field = (name: string) => article.fields.find((f) => f.name === name)!.type
    const renderDefault = () => 'default'
    const render = (name: string) =>
      input({schemaType: field(name), renderDefault} as unknown as InputProps)
    const summary = render('summary')
    assert.ok(isValidElement(summary))
    assert.equal((summary as ReactElement).type, ReadabilityInput)
    assert.equal(render('title'), 'default')
  })
})

/** Stand-ins for the Studio's built-in actions, as the structure tool hands them over. */
function builtIn(action: string): DocumentActionComponent {
  const component: DocumentActionComponent = () => null
  component.action = action as DocumentActionComponent['action']
  component.displayName = action
  return component
}
const publish = builtIn('publish')
const DRAFT_ACTIONS = [
  publish,
  builtIn('unpublish'),
  builtIn('discardChanges'),
  builtIn('duplicate'),
  builtIn('delete'),
  builtIn('restore'),
]
const context = (schemaType: string) => ({schemaType}) as DocumentActionsContext

/** Names, with the gated Publish told apart from the built-in one. */
const names = (actions: DocumentActionComponent[]) =>
  actions.map((action) => action.displayName ?? action.action ?? action.name)

describe('medical-review plugin: document actions', () => {
  const workspaceActions = (config as {document?: {actions?: unknown}}).document?.actions as (
    actions: DocumentActionComponent[],
    context: DocumentActionsContext,
  ) => DocumentActionComponent[]

  for (const type of ['article', 'faq']) {
    it(`${type}: Approve first, then Request changes, the gated Publish, Request review, the rest`, () => {
      const actions = reviewDocumentActions(DRAFT_ACTIONS, context(type))
      assert.deepEqual(names(actions), [
        'ApproveAction',
        'RequestChangesAction',
        'ReviewGatedPublish',
        'RequestReviewAction',
        'unpublish',
        'discardChanges',
        'duplicate',
        'delete',
        'restore',
      ])
      assert.equal(actions[0], ApproveAction)
      assert.equal(actions[1], RequestChangesAction)
      assert.equal(actions[2]!.action, 'publish')
      assert.notEqual(actions[2], publish)
      assert.equal(actions[3], RequestReviewAction)
      // The workspace registers the same list (after Sanity's own plugins).
      assert.deepEqual(names(workspaceActions(DRAFT_ACTIONS, context(type))), names(actions))
    })
  }

  it('a release version keeps its own actions, with the review actions around the first', () => {
    const version = [builtIn('duplicate'), builtIn('discardVersion'), builtIn('unpublishVersion')]
    assert.deepEqual(names(reviewDocumentActions(version, context('faq'))), [
      'ApproveAction',
      'RequestChangesAction',
      'duplicate',
      'RequestReviewAction',
      'discardVersion',
      'unpublishVersion',
    ])
  })

  it('review records get none; other types keep theirs; Settings only edits and publishes', () => {
    assert.deepEqual(reviewDocumentActions(DRAFT_ACTIONS, context('reviewRecord')), [])
    assert.deepEqual(reviewDocumentActions(DRAFT_ACTIONS, context('clinician')), DRAFT_ACTIONS)
    assert.deepEqual(workspaceActions(DRAFT_ACTIONS, context('reviewRecord')), [])
    assert.deepEqual(workspaceActions(DRAFT_ACTIONS, context('clinician')), DRAFT_ACTIONS)
    assert.deepEqual(names(workspaceActions(DRAFT_ACTIONS, context('siteSettings'))), [
      'publish',
      'discardChanges',
      'restore',
    ])
  })

  it('the plugin itself registers no actions (they would come twice, and miss release versions)', () => {
    assert.equal(medicalReview().document?.actions, undefined)
  })
})

describe('medical-review plugin: badge, templates, new documents', () => {
  const plugin = medicalReview()

  it('adds the overdue badge to articles and FAQs only', () => {
    const badges = plugin.document?.badges as (
      prev: unknown[],
      context: DocumentBadgesContext,
    ) => unknown[]
    for (const type of ['article', 'faq'])
      assert.deepEqual(badges([], {schemaType: type} as DocumentBadgesContext), [
        reviewOverdueBadge,
      ])
    assert.deepEqual(badges([], {schemaType: 'clinician'} as DocumentBadgesContext), [])
  })

  it('keeps review records out of templates and the new-document menu', () => {
    const templates = plugin.schema?.templates as (prev: Array<{schemaType: string}>) => unknown[]
    assert.deepEqual(templates([{schemaType: 'reviewRecord'}, {schemaType: 'faq'}]), [
      {schemaType: 'faq'},
    ])
    const options = plugin.document?.newDocumentOptions as (
      prev: Array<{templateId: string}>,
    ) => unknown[]
    assert.deepEqual(options([{templateId: 'reviewRecord'}, {templateId: 'faq'}]), [
      {templateId: 'faq'},
    ])
  })
})
