// The reference answers: plain groq-js in-process, as groq-js's own runner evaluates the suite
// (async `evaluate`, which also supports `diff::`; documents in `_id` order).
import {Worker} from 'node:worker_threads'
import {evaluate, parse} from 'groq-js'
import type {SuiteDataset, SuiteTest} from './groq-suite'
import {matchesExpected} from './groq-suite-rules'

/** Documents in `_id` order, the order groq-js's runner gives the evaluator. */
export function documentsInIdOrder(dataset: SuiteDataset): Record<string, unknown>[] {
  return [...(dataset.documents ?? [])].sort((a, b) => compareIds(a._id, b._id))
}

function compareIds(a: unknown, b: unknown): number {
  const [x, y] = [String(a), String(b)]
  return x < y ? -1 : x > y ? 1 : 0
}

/** Whether groq-js answers the test as the suite expects. */
export async function groqJsPasses(
  test: SuiteTest,
  documents: Record<string, unknown>[],
): Promise<boolean> {
  let tree
  try {
    tree = parse(test.query, {params: test.params})
  } catch {
    return !test.valid
  }
  if (!test.valid) return false
  try {
    const value = await evaluate(tree, {dataset: documents, params: test.params})
    return matchesExpected(await value.get(), test.result)
  } catch {
    return false
  }
}

/**
 * For each test `selectTests` picks from the suite at `dir`, in its order, whether groq-js
 * passes it; computed in a worker thread (see groq-suite-reference-worker.ts).
 */
export function groqJsVerdicts(dir: string): Promise<boolean[]> {
  const worker = new Worker(new URL('./groq-suite-reference-worker.ts', import.meta.url), {
    workerData: {dir},
  })
  return new Promise((resolve, reject) => {
    worker.once('message', (passes: boolean[]) => {
      resolve(passes)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`The groq-js worker exited with ${code}`)))
  })
}
