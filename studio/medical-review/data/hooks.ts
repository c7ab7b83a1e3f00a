// React hooks the review actions and views share: the Studio client, Settings, the clinicians a
// user is linked to, and where a document's review stands (the fingerprint is async).
import {useEffect, useState} from 'react'
import {useClient, type SanityClient} from 'sanity'
import {
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  SCHEMA_API_VERSION,
  SITE_SETTINGS_ID,
} from '../../../model/constants'
import {reviewState, type ReviewRecord, type ReviewState} from '../../../model/review/state'
import {fingerprintOf} from '../../../model/review/fingerprint'
import {LINKED_CLINICIANS_QUERY} from './clinicians'

/** Raw: review records have dotted ids, drafts are wanted as they are. */
export const RAW = {perspective: 'raw'} as const

export const useReviewClient = (): SanityClient => useClient({apiVersion: SCHEMA_API_VERSION})

/** The value `load` resolves to, loaded again whenever a dependency changes; undefined until then. */
export function useLoaded<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): {value: T | undefined; error: unknown} {
  const [state, setState] = useState<{value: T | undefined; error: unknown; key: string}>({
    value: undefined,
    error: undefined,
    key: '',
  })
  const key = JSON.stringify(deps)
  useEffect(() => {
    let current = true
    load().then(
      (value) => current && setState({value, error: undefined, key}),
      (error: unknown) => current && setState({value: undefined, error, key}),
    )
    return () => {
      current = false
    }
    // `key` stands for the dependencies; `load` is a new function on every render.
  }, [key])
  // Until the new value arrives, an old one would answer for other dependencies.
  return state.key === key ? state : {value: undefined, error: undefined}
}

export interface ReviewSettings {
  fourEyes: boolean
  intervalMonths: number
}

/** Settings' review rules: four-eyes is on unless set to false. */
export function useReviewSettings(client: SanityClient): ReviewSettings | undefined {
  return useLoaded(async () => {
    const settings = await client.fetch<{
      fourEyesReview?: boolean | null
      reviewIntervalMonths?: number | null
    } | null>('*[_id == $id][0]{fourEyesReview, reviewIntervalMonths}', {id: SITE_SETTINGS_ID})
    return {
      fourEyes: settings?.fourEyesReview !== false,
      intervalMonths: settings?.reviewIntervalMonths || DEFAULT_REVIEW_INTERVAL_MONTHS,
    }
  }, []).value
}

/** The ids of the published clinicians linked to the user. */
export function useLinkedClinicianIds(
  client: SanityClient,
  userId: string | undefined,
): string[] | undefined {
  return useLoaded(
    async () => (userId ? client.fetch<string[]>(LINKED_CLINICIANS_QUERY, {userId}, RAW) : []),
    [userId],
  ).value
}

export function useFingerprint(doc: Record<string, unknown> | null | undefined) {
  return useLoaded(() => fingerprintOf(doc), [doc?._id, doc?._rev]).value
}

export interface LoadedReviewState {
  state: ReviewState
  fingerprint: string
  record: ReviewRecord | null
}

/** Where the review of `doc` stands, once its fingerprint and approval record are in. */
export function useReviewState(
  client: SanityClient,
  doc: (Record<string, unknown> & {_id: string}) | null | undefined,
): LoadedReviewState | undefined {
  return useLoaded(async () => {
    if (!doc) return undefined
    const recordId = (doc.medicalReview as {record?: string} | undefined)?.record
    const [fingerprint, record] = await Promise.all([
      fingerprintOf(doc),
      recordId
        ? client.fetch<ReviewRecord | null>('*[_id == $id][0]', {id: recordId}, RAW)
        : Promise.resolve(null),
    ])
    return {state: reviewState(doc, fingerprint, record), fingerprint, record}
  }, [doc?._id, doc?._rev]).value
}
