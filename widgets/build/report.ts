// Prints each built widget file's raw, gzip and brotli size (npm run build runs this).
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {brotliCompressSync, gzipSync, constants} from 'node:zlib'

const BUDGET_GZIP = 14 * 1024
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const files = readdirSync('dist').filter((f) => f.endsWith('.js'))
console.log('| file | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |')
for (const file of files) {
  const bytes = readFileSync(join('dist', file))
  const gzip = gzipSync(bytes, {level: 9}).length
  const brotli = brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length
  console.log(`| ${file} | ${kb(bytes.length)} | ${kb(gzip)} | ${kb(brotli)} |`)
  if (file === 'clinic-kit.iife.js' && gzip > BUDGET_GZIP)
    console.log(`  over budget: ${kb(gzip)} gzip > ${kb(BUDGET_GZIP)}`)
}
