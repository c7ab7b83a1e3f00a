// Recursion protection as Sanity Functions document it: @sanity/client (7.12 and later) sends the
// `x-sanity-lineage` header with every request a function makes (from X_SANITY_LINEAGE, which the
// functions runtime sets), a write made with it carries the lineage, and a function invoked by
// such a write gets the lineage one step longer. A chain stops after 16 invocations.
// (https://www.sanity.io/docs/help/functions-rate-limit, changelog 2025-10-16)
import {AsyncLocalStorage} from 'node:async_hooks'
import {randomBytes} from 'node:crypto'

export const LINEAGE_HEADER = 'x-sanity-lineage'
/** The longest chain of invocations one write may start. */
export const MAX_CHAIN = 16

const requestLineage = new AsyncLocalStorage<string | undefined>()

/** Runs the request's handling with its lineage header, so the commit it makes can read it. */
export function withLineage<T>(lineage: string | undefined, run: () => T): T {
  return requestLineage.run(lineage, run)
}

/** The lineage of the request whose commit is running now (none for people's and tools' writes). */
export function currentLineage(): string | undefined {
  return requestLineage.getStore()
}

/**
 * The lineage an invocation started by a write with `lineage` runs with (`<chain>:<depth>`), or
 * null when the chain already reached MAX_CHAIN invocations. A write without one starts a chain.
 */
export function nextLineage(lineage: string | undefined): string | null {
  const match = lineage ? /^(.+):(\d+)$/.exec(lineage.trim()) : null
  const chain = match ? match[1]! : lineage?.trim() || randomBytes(16).toString('hex')
  const depth = match ? Number(match[2]) : 0
  if (depth >= MAX_CHAIN) return null
  return `${chain}:${depth + 1}`
}
