// What may be published: a reviewed text only when it is the text a clinician approved, signed by
// the clinician's linked user. The Studio's validation and `content:validate` both run it (through
// the schema's document rules), so they agree.
import {SCHEMA_API_VERSION} from '../constants'
import type {QueryClient} from '../sanity/client'
import {
  reviewBlockingMessage,
  reviewState,
  type ReviewRecord,
  type ReviewState,
  type ReviewedFields,
} from './state'
import {fingerprintOf} from './fingerprint'

/** An approval signed by a user other than the reviewer's linked Studio user. */
export const REVIEWER_NOT_LINKED =
  'This approval was not signed by the reviewer’s linked Studio user: request a new review.'

interface ApprovalFacts {
  record: ReviewRecord | null
  /** The `linkedUser` of the clinician the review names. */
  linkedUser: string | null
}

// Both in one query: the record (under `reviews.`, visible to a signed-in reader) and the
// reviewer's link, so the rule costs one request per validation.
const APPROVAL_QUERY = `{
  "record": *[_id == $record][0],
  "linkedUser": *[_type == "clinician" && _id == $reviewer][0].linkedUser
}`

export async function fetchApprovalFacts(
  client: QueryClient,
  doc: ReviewedFields,
): Promise<ApprovalFacts> {
  const review = doc.medicalReview
  if (!review?.record) return {record: null, linkedUser: null}
  return client.fetch<ApprovalFacts>(APPROVAL_QUERY, {
    record: review.record,
    reviewer: review.reviewer?._ref ?? '',
  })
}

/** The state of the text's review, or the message that keeps it from being published. */
export async function reviewProblem(
  doc: ReviewedFields & Record<string, unknown>,
  facts: ApprovalFacts,
): Promise<{state: ReviewState; message: true | string}> {
  const state = reviewState(doc, await fingerprintOf(doc), facts.record)
  const message = reviewBlockingMessage(state)
  // An approval counts only when the clinician signed it as themselves (their linked user).
  if (message === true && (!facts.linkedUser || facts.linkedUser !== facts.record?.userId))
    return {state, message: REVIEWER_NOT_LINKED}
  return {state, message}
}

/** The rule as the schema runs it: fetches through the validation context's client. */
export async function reviewRuleMessage(
  doc: ReviewedFields & Record<string, unknown>,
  getClient: (options: {apiVersion: string}) => QueryClient,
): Promise<true | string> {
  const client = getClient({apiVersion: SCHEMA_API_VERSION})
  return (await reviewProblem(doc, await fetchApprovalFacts(client, doc))).message
}
