// Holds the lake's answers to a suite test: a valid query must give the expected result, an
// invalid one must be refused as unparsable (Sanity's 400 `queryParseError`).
import type {SuiteTest} from './groq-suite'
import type {LakeAnswer, SuiteLake} from './groq-suite-lake'
import {matchesExpected} from './groq-suite-rules'

export type VerdictKind =
  | 'pass'
  /** Matched once the `_rev`/`_createdAt`/`_updatedAt` the lake stores were left out. */
  | 'pass without system fields'
  | 'wrong result'
  /** A valid query the lake refused. */
  | 'error'
  /** An invalid query the lake refused with another error than a parse error. */
  | 'not a parse error'
  /** An invalid query the lake answered. */
  | 'accepted'
  | 'no answer'

export interface Verdict {
  kind: VerdictKind
  passes: boolean
  /** Only the second answer, from the lake's result cache, was wrong. */
  cached: boolean
  detail: string
}

/** Asks twice: the second answer comes from the lake's result cache, and must be as right. */
export async function judgeLake(test: SuiteTest, lake: SuiteLake): Promise<Verdict> {
  let first: LakeAnswer, second: LakeAnswer
  try {
    first = await lake.query(test)
    second = await lake.query(test)
  } catch (error) {
    const cause = (error as {cause?: unknown}).cause ?? error
    return verdict('no answer', false, String(cause))
  }
  const a = judgeAnswer(test, first, lake)
  if (!a.passes) return a
  const b = judgeAnswer(test, second, lake)
  return b.passes ? a : {...b, cached: true, detail: `second (cached) answer: ${b.detail}`}
}

export function judgeAnswer(test: SuiteTest, answer: LakeAnswer, lake: SuiteLake): Verdict {
  const got = `got ${answer.status} ${oneLine(JSON.stringify(answer.body)).slice(0, 300)}`
  if (!test.valid) {
    if (answer.status === 400 && answer.body.error?.type === 'queryParseError')
      return verdict('pass', true, '')
    const kind = answer.status === 200 ? 'accepted' : 'not a parse error'
    return verdict(kind, false, `expected a 400 queryParseError, ${got}`)
  }
  if (answer.status !== 200) return verdict('error', false, `expected 200, ${got}`)
  if (matchesExpected(answer.body.result, test.result)) return verdict('pass', true, '')
  const {value, changed} = lake.withoutAddedFields(answer.body.result)
  if (changed && matchesExpected(value, test.result))
    return verdict('pass without system fields', true, '')
  const expected = oneLine(JSON.stringify(test.result ?? null)).slice(0, 300)
  return verdict('wrong result', false, `expected ${expected}, ${got}`)
}

function verdict(kind: VerdictKind, passes: boolean, detail: string): Verdict {
  return {kind, passes, cached: false, detail}
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
