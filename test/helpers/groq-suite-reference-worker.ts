// Worker: which of the selected suite tests plain groq-js passes. A thread of its own because
// groq-js's async evaluation makes millions of promises, which run several times slower under
// the test runner's async tracking, and so it runs beside the lake instead of before it.
import {parentPort, workerData} from 'node:worker_threads'
import {loadSuite} from './groq-suite'
import {documentsInIdOrder, groqJsPasses} from './groq-suite-reference'
import {selectTests} from './groq-suite-rules'

const suite = loadSuite((workerData as {dir: string}).dir)
const documents = new Map<string, Record<string, unknown>[]>()
const passes: boolean[] = []
for (const test of selectTests(suite)) {
  let docs = documents.get(test.datasetId)
  if (!docs)
    documents.set(test.datasetId, (docs = documentsInIdOrder(suite.datasets.get(test.datasetId)!)))
  passes.push(await groqJsPasses(test, docs))
}
parentPort!.postMessage(passes)
