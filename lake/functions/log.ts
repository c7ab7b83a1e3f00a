// The functions' invocation log, `<dir>/functions.ndjson`: one line per invocation (or skipped
// one) with its time, function, document, duration, outcome and console output. Append only,
// so `npm run lake -- functions logs` reads it while the lake runs.
import {appendFileSync, existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

export type Outcome = 'ok' | 'error' | 'timeout' | 'recursion-limit' | 'rate-limit'

export interface InvocationEntry {
  /** When the invocation started (ISO). */
  time: string
  function: string
  dataset: string
  documentId: string
  event: 'create' | 'update' | 'delete'
  /** The transaction that triggered it. */
  transactionId: string
  lineage: string | null
  durationMs: number
  outcome: Outcome
  error?: string
  logs: string[]
}

export const functionLogFile = (dir: string) => join(dir, 'functions.ndjson')

export function appendInvocation(dir: string, entry: InvocationEntry): void {
  appendFileSync(functionLogFile(dir), `${JSON.stringify(entry)}\n`)
}

/** The logged invocations, oldest first; only `name`'s when given. */
export function readInvocations(dir: string, name?: string): InvocationEntry[] {
  const file = functionLogFile(dir)
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as InvocationEntry)
    .filter((entry) => name === undefined || entry.function === name)
}

/** One invocation as `functions logs` prints it: a head line, then its output indented. */
export function formatInvocation(entry: InvocationEntry): string {
  const head = [
    entry.time,
    entry.function,
    `${entry.event} ${entry.dataset}/${entry.documentId}`,
    `${entry.durationMs} ms`,
    entry.outcome,
  ].join('  ')
  const lines = [...entry.logs, ...(entry.error ? [entry.error.split('\n')[0]!] : [])]
  return [head, ...lines.map((line) => `    ${line}`)].join('\n')
}
