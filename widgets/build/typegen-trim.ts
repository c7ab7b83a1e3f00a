// Keeps what the widget package's queries need of a TypeGen file: the query result types, the
// schema types they name (followed transitively) and the query type map. TypeGen writes every
// schema type into each file it generates; the project's own sanity.types.ts already holds them,
// so the package keeps only its part. Usage: tsx widgets/build/typegen-trim.ts <file>
import {readFileSync, writeFileSync} from 'node:fs'
import ts from 'typescript'

/** The text of `source` without the top-level type aliases no query result type reaches. */
export function trimToQueries(source: string): string {
  const file = ts.createSourceFile('types.ts', source, ts.ScriptTarget.Latest, true)
  const aliases = new Map<string, ts.TypeAliasDeclaration>()
  for (const statement of file.statements)
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement)

  const kept = new Set<string>()
  const visit = (name: string) => {
    const alias = aliases.get(name)
    if (!alias || kept.has(name)) return
    kept.add(name)
    const walk = (node: ts.Node): void => {
      if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) visit(node.typeName.text)
      ts.forEachChild(node, walk)
    }
    walk(alias.type)
  }
  for (const name of aliases.keys()) if (name.endsWith('_RESULT')) visit(name)

  // Cut the dropped aliases (comments before them stay: the file's header), from the end so
  // offsets hold.
  let text = source
  const dropped = [...aliases.values()].filter((alias) => !kept.has(alias.name.text)).reverse()
  for (const alias of dropped) {
    const end = alias.getEnd()
    const following = text.slice(end).match(/^\r?\n(\r?\n)?/)?.[0].length ?? 0
    text = text.slice(0, alias.getStart()) + text.slice(end + following)
  }
  return text.replace(/\n{3,}/g, '\n\n')
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const path = process.argv[2]
  if (!path) {
    console.error('usage: tsx widgets/build/typegen-trim.ts <sanity.types.ts>')
    process.exit(2)
  }
  writeFileSync(path, trimToQueries(readFileSync(path, 'utf8')))
}
