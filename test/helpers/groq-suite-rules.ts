// How a GROQ evaluator is held to the conformance suite: which tests apply to it, and when an
// answer matches. The rules are the suite README's and those of groq-js's own runner
// (groq-js test/generate.js), so the lake is measured exactly as groq-js measures itself.
import {isDeepStrictEqual} from 'node:util'
import type {Suite, SuiteTest} from './groq-suite'

/** GROQ-1.revision2 as a semver version, the revision groq-js 2 implements. */
export const GROQ_VERSION: [number, number, number] = [1, 2, 0]

/** What groq-js provides (its runner's list); `geoFunctions` and `wildcardMatchSegmentation` it lacks. */
export const SUPPORTED_FEATURES = new Set([
  'portableText',
  'contentReleases',
  'internalDocuments',
  'customFunctions',
])

/** Tests groq-js's runner leaves out: too slow, or validation groq-js does not do. */
const DISABLED = [
  (name: string) => name === 'Filters / documents, nested 3',
  (name: string) => name === 'Parameters / Undefined',
  (name: string) => /score\(\) function \/ Illegal use/.test(name),
]

export type SkipReason = 'perf' | 'external dataset' | 'feature' | 'version' | 'disabled'

/** Why a test does not apply to a groq-js evaluator, or null when it does. */
export function skipReason(test: SuiteTest, hasDocuments: boolean): SkipReason | null {
  if (/perf/.test(test.filename)) return 'perf'
  if (!test.features.every((f) => SUPPORTED_FEATURES.has(f))) return 'feature'
  if (test.version !== undefined && !satisfies(GROQ_VERSION, test.version)) return 'version'
  // groq-js does not validate where score() may appear.
  if (!test.valid && test.features.includes('scoring')) return 'disabled'
  if (DISABLED.some((disabled) => disabled(test.name))) return 'disabled'
  if (!hasDocuments) return 'external dataset'
  return null
}

/**
 * Whether a version satisfies a range of the forms the suite uses: `X.Y` (any X.Y.z), and
 * comparators `>=`, `>`, `<=`, `<`, `=` on `X[.Y[.Z]]`, space-separated (all must hold) and
 * `||`-separated (one must hold), with semver's meaning of partial versions.
 */
export function satisfies(version: [number, number, number], range: string): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|=)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => satisfiesComparator(version, comparator)),
  )
}

function satisfiesComparator(version: [number, number, number], comparator: string): boolean {
  const match = /^(>=|<=|>|<|=)?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(comparator)
  if (!match) throw new Error(`Unsupported version range "${comparator}" in the GROQ suite`)
  const op = match[1] ?? '='
  const parts = match.slice(2).filter((p) => p !== undefined)
  const given = parts.map(Number)
  // Compare on the given parts only: `1.0` is the range [1.0.0, 1.1.0).
  const cmp = compareParts(version.slice(0, given.length), given)
  switch (op) {
    case '>=':
      return cmp >= 0
    case '>':
      return cmp > 0
    case '<=':
      return cmp <= 0
    case '<':
      return cmp < 0
    default:
      return cmp === 0
  }
}

function compareParts(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1
  return 0
}

/**
 * Scores are implementation-defined, so the suite states each `_score` as `_pos`: its rank among
 * the distinct scores in the result. The expected results rank the highest score 1 (as groq-js's
 * runner does), although the README's example counts upwards.
 */
export function withScoreRanks(value: unknown): unknown {
  const scores = new Set<number>()
  collectScores(value, scores)
  if (scores.size === 0) return value
  const ranks = [...scores].sort((a, b) => b - a)
  return rankScores(value, ranks)
}

function collectScores(value: unknown, scores: Set<number>): void {
  if (Array.isArray(value)) for (const item of value) collectScores(item, scores)
  else if (value && typeof value === 'object') {
    const score = (value as {_score?: unknown})._score
    if (typeof score === 'number') scores.add(score)
    for (const child of Object.values(value)) collectScores(child, scores)
  }
}

function rankScores(value: unknown, ranks: number[]): unknown {
  if (Array.isArray(value)) return value.map((item) => rankScores(item, ranks))
  if (!value || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === '_score' && typeof child === 'number') out._pos = ranks.indexOf(child) + 1
    else out[key] = rankScores(child, ranks)
  }
  return out
}

/** A result as JSON carries it (the suite's results are JSON), with scores ranked. */
export function matchesExpected(actual: unknown, expected: unknown): boolean {
  const json = actual === undefined ? null : JSON.parse(JSON.stringify(actual))
  return isDeepStrictEqual(withScoreRanks(json), expected ?? null)
}

/** The tests that apply to a groq-js evaluator, in the suite's order. */
export function selectTests(suite: Suite): SuiteTest[] {
  return suite.tests.filter(
    (test) =>
      skipReason(test, suite.datasets.get(test.datasetId)?.documents !== undefined) === null,
  )
}
