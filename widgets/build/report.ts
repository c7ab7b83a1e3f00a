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
  // The drop-in scripts carry their budget; print how far each is from it, in bytes.
  if (file.endsWith('.iife.js')) {
    const margin = BUDGET_GZIP - gzip
    console.log(
      margin < 0
        ? `  over budget: ${gzip} B gzip, ${-margin} B over ${BUDGET_GZIP} B (${kb(BUDGET_GZIP)})`
        : `  within budget: ${gzip} B gzip, ${margin} B under ${BUDGET_GZIP} B (${kb(BUDGET_GZIP)})`,
    )
  }
}
