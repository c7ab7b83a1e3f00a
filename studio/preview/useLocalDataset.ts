// The documents a preview's query reads, fetched once through the Studio's client and fetched
// again shortly after any of them changes, with drafts over published (the `drafts` perspective,
// formerly `previewDrafts`): what the editor would see once everything is published.
import {useEffect, useState} from 'react'
import {useClient} from 'sanity'
import {SCHEMA_API_VERSION} from '../../model/constants'
import type {PreviewDocument} from './previewData'

/** How long to wait after a change for others of the same save to arrive. */
const REFETCH_DEBOUNCE_MS = 150

export const LOCAL_DATASET_QUERY = '*[_type in $types]'

export interface LocalDataset {
  documents: PreviewDocument[] | undefined
  error: Error | undefined
}

export function useLocalDataset(types: readonly string[]): LocalDataset {
  const client = useClient({apiVersion: SCHEMA_API_VERSION})
  const [state, setState] = useState<LocalDataset>({documents: undefined, error: undefined})
  const key = types.join(',')
  useEffect(() => {
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const params = {types: key.split(',')}
    const load = () =>
      client.fetch<PreviewDocument[]>(LOCAL_DATASET_QUERY, params, {perspective: 'drafts'}).then(
        (documents) => current && setState({documents, error: undefined}),
        (error: Error) => current && setState((s) => ({documents: s.documents, error})),
      )
    void load()
    const subscription = client
      .listen(LOCAL_DATASET_QUERY, params, {includeResult: false, visibility: 'query'})
      .subscribe({
        next: () => {
          clearTimeout(timer)
          timer = setTimeout(load, REFETCH_DEBOUNCE_MS)
        },
        // The preview keeps what it has; the next change or reopening fetches again.
        error: () => undefined,
      })
    return () => {
      current = false
      clearTimeout(timer)
      subscription.unsubscribe()
    }
  }, [client, key])
  return state
}

/** `value`, once it has stayed the same for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}
