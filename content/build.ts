// npm run content:build [-- --check]: writes content/sample.ndjson from the seed and source.ts.
// With --check it only compares, and fails when the committed file is out of date.
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {buildSampleDataset, toNdjson} from './dataset'

/** The clinic's article the sample is built from (where it came from: content/seed/README.md). */
export const SEED_PATH = fileURLToPath(new URL('./seed/botox-headaches.txt', import.meta.url))
export const SAMPLE_PATH = fileURLToPath(new URL('./sample.ndjson', import.meta.url))

export function renderSample(seedPath = process.env.CK_SEED ?? SEED_PATH): string {
  return toNdjson(buildSampleDataset(readFileSync(seedPath, 'utf8')))
}

function main() {
  const check = process.argv.includes('--check')
  const ndjson = renderSample()
  if (check) {
    const current = readFileSync(SAMPLE_PATH, 'utf8')
    if (current !== ndjson) {
      console.error('content/sample.ndjson is out of date: run npm run content:build')
      process.exit(1)
    }
    console.log('content/sample.ndjson is up to date')
    return
  }
  writeFileSync(SAMPLE_PATH, ndjson)
  console.log(`wrote ${SAMPLE_PATH} (${ndjson.trim().split('\n').length} documents)`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
