// The review a draft asks for and whether the signed-in user is the clinician asked.
import {useCurrentUser, type CurrentUser, type SanityClient, type SanityDocument} from 'sanity'
import type {ReviewRequestValue} from '../../../model/review/state'
import {clinicianName} from '../../../model/clinician'
import {CLINICIAN_QUERY, type ClinicianRow} from './clinicians'
import {RAW, useLoaded} from './hooks'

/**
 * The document a review action works on: the one the editor is looking at, so in a release
 * perspective the release's version (`versions.<release>.<id>`), else the draft.
 */
export function reviewedDocument(props: {
  draft: SanityDocument | null
  version?: SanityDocument | null
}): SanityDocument | null {
  return props.version ?? props.draft
}

export interface RequestedReview {
  request: ReviewRequestValue
  reviewer: {_id: string; name: string}
  user: CurrentUser
}

/**
 * The open request of the draft when the signed-in user is the linked user of the clinician it
 * asks; undefined otherwise (also while loading), so the reviewer's actions stay hidden.
 */
export function useRequestedReview(
  client: SanityClient,
  draft: SanityDocument | null,
): RequestedReview | undefined {
  const user = useCurrentUser()
  const request = draft?.reviewRequest as ReviewRequestValue | undefined
  const reviewerId = request?.status === 'inReview' ? request.reviewer?._ref : undefined
  const clinician = useLoaded(
    async () =>
      reviewerId ? client.fetch<ClinicianRow | null>(CLINICIAN_QUERY, {id: reviewerId}, RAW) : null,
    [reviewerId],
  ).value
  if (!user || !request || !clinician || clinician.linkedUser !== user.id) return undefined
  return {request, reviewer: {_id: clinician._id, name: clinicianName(clinician)}, user}
}
