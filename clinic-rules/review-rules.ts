// The medical review rules every commit is held to, whoever writes and by whatever path: review
// records have a record's shape and are written by their reviewer (clinic-rules/review-records.ts),
// approvals respect four-eyes review (clinic-rules/four-eyes.ts), and a published claim of review is
// backed by a matching approval (clinic-rules/review-claims.ts). The lake runs them as the clinic
// plugin's commit check (clinic-rules/index.ts) and refuses a transaction with problems whole with
// Sanity's 409 `mutationError`, one item per problem, as reference integrity does.
import {fourEyesProblems} from './four-eyes'
import {reviewClaimProblems} from './review-claims'
import {newRecordProblems} from './review-records'
import type {ReviewProblem, ReviewWrite} from './review-write'

export type {ReviewProblem, ReviewWrite} from './review-write'

/** Every problem the review rules find in the transaction (none: it may commit). */
export function reviewRuleProblems(write: ReviewWrite): ReviewProblem[] {
  // Records with the wrong shape are reported alone: the other rules read their fields.
  const problems = newRecordProblems(write)
  if (problems.length > 0) return problems
  return [...fourEyesProblems(write), ...reviewClaimProblems(write)]
}
