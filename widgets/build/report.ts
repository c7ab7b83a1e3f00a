// Prints each built widget file's raw, gzip and brotli size (npm run build runs this), and holds
// every drop-in script to its gzip budget: over budget fails the build (exit code 1).
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {brotliCompressSync, constants} from 'node:zlib'
import {BUDGETS, gzipSize} from './budgets'

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const files = readdirSync('dist').filter((f) => f.endsWith('.js'))
const over: string[] = []
console.log('| file | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |')
for (const file of files) {
  const bytes = readFileSync(join('dist', file))
  const gzip = gzipSize(bytes)
  const brotli = brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length
  console.log(`| ${file} | ${kb(bytes.length)} | ${kb(gzip)} | ${kb(brotli)} |`)
  const budget = BUDGETS[file]
  if (budget === undefined) continue
  const margin = budget - gzip
  if (margin < 0) over.push(file)
  console.log(
    margin < 0
      ? `  over budget: ${gzip} B gzip, ${-margin} B over ${budget} B (${kb(budget)})`
      : `  within budget: ${gzip} B gzip, ${margin} B under ${budget} B (${kb(budget)})`,
  )
}
const missing = Object.keys(BUDGETS).filter((file) => !files.includes(file))
if (missing.length) console.error(`Missing drop-in scripts: ${missing.join(', ')}`)
if (over.length) console.error(`Over budget: ${over.join(', ')}`)
if (over.length || missing.length) process.exitCode = 1
