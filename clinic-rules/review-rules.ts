// The medical review rules every commit is held to, whoever writes and by whatever path: review
// records have a record's shape and are written by their reviewer (clinic-rules/review-records.ts),
// approvals respect four-eyes review (clinic-rules/four-eyes.ts), and a published claim of review is
// backed by a matching approval (clinic-rules/review-claims.ts). A refused transaction fails whole with
// Sanity's 409 `mutationError`, one item per problem, as reference integrity does.
import {LakeError} from '../lake/http/errors'
import {fourEyesProblems} from './four-eyes'
import {reviewClaimProblems} from './review-claims'
import {newRecordProblems} from './review-records'
import type {DocumentChange, LakeDocument, LoggedTransaction} from '../lake/store/store'

/** What the rules read of the store: its documents, its log and the revisions it keeps. */
export interface ReviewHistory {
  get(id: string): LakeDocument | undefined
  all(): Iterable<LakeDocument>
  transactionsTouching(ids: string[]): LoggedTransaction[]
  bodiesAround(id: string, txSeq: number): {before: LakeDocument | null; after: LakeDocument | null}
}

/** One transaction about to be committed, and who writes it. */
export interface ReviewWrite {
  changes: Array<DocumentChange & {index: number}>
  /** The user behind the token (lake/http/context.ts writeAs), or the tool writing (`import`). */
  author: string
  /** The writer's role manages the project: exempt from the author checks (imports, migrations). */
  administrator: boolean
  /** A document as the transaction leaves it (null: does not exist). */
  current(id: string): LakeDocument | null
  /** The store before the transaction. */
  store: ReviewHistory
}

export interface ReviewProblem {
  index: number
  type: 'reviewRecordError' | 'medicalReviewMismatchError' | 'fourEyesError'
  description: string
}

/** Throws Sanity's 409 `mutationError` listing every problem, or returns when there is none. */
export function checkReviewRules(write: ReviewWrite): void {
  // Records with the wrong shape are reported alone: the other rules read their fields.
  let problems = newRecordProblems(write)
  if (problems.length === 0) problems = [...fourEyesProblems(write), ...reviewClaimProblems(write)]
  if (problems.length === 0) return
  const items = problems
    .sort((a, b) => a.index - b.index)
    .map(({index, type, description}) => ({index, error: {type, description}}))
  throw new LakeError(409, 'mutationError', `Mutation(s) failed with ${items.length} error(s)`, {
    items,
  })
}
