// Runs GROQ with groq-js and turns its errors into Sanity's error responses.
import {evaluate, parse} from 'groq-js'
import {LakeError} from './errors'

export async function runQuery(
  query: string,
  params: Record<string, unknown>,
  dataset: unknown[],
  identity?: string,
): Promise<unknown> {
  let tree
  try {
    tree = parse(query, {params})
  } catch (error) {
    throw queryError(query, error)
  }
  try {
    return await (await evaluate(tree, {dataset, params, identity})).get()
  } catch (error) {
    throw queryError(query, error)
  }
}

function queryError(query: string, error: unknown): LakeError {
  const e = error as {name?: string; message?: string; position?: number}
  if (e.name === 'GroqSyntaxError' && typeof e.position === 'number') {
    const start = Math.min(e.position, query.length)
    return new LakeError(400, 'queryParseError', e.message ?? 'Invalid GROQ', {
      query,
      start,
      end: Math.min(start + 1, query.length),
    })
  }
  return new LakeError(400, 'queryError', e.message ?? 'The query failed', {query})
}
