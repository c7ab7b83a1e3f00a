// The drop-in scripts' gzip budgets (level 9), shared by the build report and `npm start`'s summary.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'

/**
 * 14 KB for each page kind's own script, 18 KB for the script with every element.
 */
export const BUDGETS: Record<string, number> = {
  'ck-faq.iife.js': 14 * 1024,
  'ck-article.iife.js': 14 * 1024,
  'ck-clinician.iife.js': 14 * 1024,
  'clinic-kit.iife.js': 18 * 1024,
}

export const gzipSize = (bytes: Buffer) => gzipSync(bytes, {level: 9}).length

export interface ScriptSize {
  file: string
  gzip: number
  budget: number
}

/** Each drop-in script's gzip size in `dist` against its budget (throws if one is missing). */
export function dropInSizes(dist: string): ScriptSize[] {
  return Object.entries(BUDGETS).map(([file, budget]) => ({
    file,
    gzip: gzipSize(readFileSync(join(dist, file))),
    budget,
  }))
}
