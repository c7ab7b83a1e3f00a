// What each review rule is given and answers: one transaction about to be committed, who writes
// it and the store before it (the lake's commit check, lake/plugin.ts), and the problems found.
import type {CommitCheck} from '../lake/plugin'

/**
 * A writer whose role manages the project (`managesProject`: imports, migrations) is exempt
 * from the author checks.
 */
export type ReviewWrite = CommitCheck

export interface ReviewProblem {
  index: number
  type: 'reviewRecordError' | 'medicalReviewMismatchError' | 'fourEyesError'
  description: string
}
