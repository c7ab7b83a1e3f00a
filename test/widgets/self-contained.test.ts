// The @clinic-kit/widgets package is self-contained: no file under widgets/ (sources, build
// scripts, tests, test helpers) names a path outside the folder, so the package builds and tests
// from its own files and packages, and the rest of the project reaches it only through its exports.
import assert from 'node:assert/strict'
import {readFileSync, readdirSync} from 'node:fs'
import {dirname, isAbsolute, join, relative, resolve} from 'node:path'
import {describe, it} from 'node:test'
import ts from 'typescript'

const PACKAGE = resolve('widgets')
const SKIP = new Set(['node_modules', 'dist'])

function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sources(path)
    return /\.(m|c)?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** Every specifier a file imports, re-exports, requires or references (`/// <reference path>`). */
export function specifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true)
  return [...info.importedFiles, ...info.referencedFiles].map((ref) => ref.fileName)
}

/** The specifiers of a file under `root` that leave it (relative or absolute paths). */
export function outside(root: string, file: string, text: string): string[] {
  return specifiers(text).filter((specifier) => {
    if (isAbsolute(specifier) || specifier.startsWith('file:')) return true
    if (!specifier.startsWith('.')) return false
    const target = relative(root, resolve(dirname(file), specifier))
    return target === '..' || target.startsWith('../') || isAbsolute(target)
  })
}

describe('the widget package imports nothing outside widgets/', () => {
  it('finds an import that leaves the folder', () => {
    const file = join(PACKAGE, 'content', 'example.ts')
    const text = [
      '/// <reference path="../../sanity.types.ts" />',
      "import {a} from './sibling'",
      "import type {B} from '../styles/theme'",
      "export {c} from '../../config/client'",
      "const d = await import('../../../lake/server/server.ts')",
      "import '/etc/absolute.js'",
      "import {html} from 'lit'",
    ].join('\n')
    assert.deepEqual(outside(PACKAGE, file, text).sort(), [
      '../../../lake/server/server.ts',
      '../../config/client',
      '../../sanity.types.ts',
      '/etc/absolute.js',
    ])
  })

  it('holds for every source, build script, test and test helper in widgets/', () => {
    const files = sources(PACKAGE)
    assert.ok(files.length > 50, `only ${files.length} files found under widgets/`)
    const leaving = files.flatMap((file) =>
      outside(PACKAGE, file, readFileSync(file, 'utf8')).map(
        (specifier) => `${relative('.', file)} → ${specifier}`,
      ),
    )
    assert.deepEqual(leaving, [])
  })
})
