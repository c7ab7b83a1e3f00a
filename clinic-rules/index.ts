// The clinic's server-side rules as one lake plugin (lake/plugin.ts): the medical reviewer role,
// who may write review records and a clinician's link (clinic-rules/review-access.ts), the trail
// of link changes (clinic-rules/review-trail.ts), the review rules every commit is held to —
// record shape and author, four-eyes review, published claims backed by an approval
// (clinic-rules/review-rules.ts) — and partner sites' reading origins
// (clinic-rules/partner-origins.ts). Composed with the lake wherever the project starts one:
// `npm start` (scripts/start.ts), the lake CLI (scripts/lake.ts), the tests' lake.
import type {LakePlugin} from '../lake/plugin'
import {partnerOrigins} from './partner-origins'
import {authorizeReviewWrite, MEDICAL_REVIEWER} from './review-access'
import {reviewRuleProblems} from './review-rules'
import {linkTrailChanges} from './review-trail'

export function clinicRules(): LakePlugin {
  return {
    name: 'clinic-rules',
    roles: [MEDICAL_REVIEWER],
    checkCommit: reviewRuleProblems,
    authorizeWrite: authorizeReviewWrite,
    companionChanges: (changes, {author, transactionId, timestamp}) =>
      linkTrailChanges(changes, author, transactionId, timestamp),
    readOrigins: partnerOrigins,
  }
}
