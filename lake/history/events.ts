// The document group events Sanity's history API answers at
// /data/history/{dataset}/events/documents/{id}: lifecycle events (created, published,
// unpublished, discarded, deleted) derived from the transaction log. Edits are not events; the
// Studio synthesizes them from transactions. Shapes follow the Studio's `DocumentGroupEvent`
// types (sanity/lib `CreateDocumentVersionEvent`, `PublishDocumentVersionEvent`, …).
import {DRAFTS_PREFIX, isVersionId} from '../../model/sanity/ids'
import type {LoggedChange, LoggedTransaction} from '../store/types'

interface EventBase {
  timestamp: string
  author: string
  documentId: string
}

export type DocumentGroupEvent = EventBase &
  (
    | {
        type: 'createDocumentVersion'
        versionId: string
        versionRevisionId: string
        revisionId?: string
        releaseId?: string
      }
    | {
        type: 'publishDocumentVersion'
        versionId: string
        revisionId: string
        versionRevisionId?: string
        releaseId?: string
        publishCause: 'document.publish' | 'release.publish'
      }
    | {
        type: 'unpublishDocument'
        versionId: string
        versionRevisionId: string
      }
    | {
        type: 'deleteDocumentVersion'
        versionId: string
        versionRevisionId: string
        releaseId?: string
      }
    | {type: 'deleteDocumentGroup'}
  )

/** `versions.<release>.<id>` → `<release>`. */
function releaseOf(id: string): string | undefined {
  return isVersionId(id) ? id.split('.')[1] : undefined
}

function withRelease<T extends object>(event: T, id: string): T {
  const releaseId = releaseOf(id)
  return releaseId ? {...event, releaseId} : event
}

/** The lifecycle events one transaction caused in the group of `publishedId`. */
function eventsOf(tx: LoggedTransaction, publishedId: string): DocumentGroupEvent[] {
  const base = {timestamp: tx.timestamp, author: tx.author, documentId: publishedId}
  const published = tx.changes.find((c) => c.id === publishedId)
  const versions = tx.changes.filter((c) => c.id !== publishedId)
  const events: DocumentGroupEvent[] = []
  const removedVersion = versions.find((c) => c.operation === 'delete')
  const createdVersion = versions.find((c) => c.operation === 'create')

  if (published && published.operation !== 'delete' && removedVersion) {
    // Publish: the version's content became the published document and the version went away.
    events.push(
      withRelease(
        {
          ...base,
          type: 'publishDocumentVersion',
          versionId: removedVersion.id,
          revisionId: published.resultRev!,
          versionRevisionId: removedVersion.previousRev!,
          publishCause: releaseOf(removedVersion.id) ? 'release.publish' : 'document.publish',
        } as const,
        removedVersion.id,
      ),
    )
    return events
  }
  if (published?.operation === 'delete') {
    if (createdVersion?.id.startsWith(DRAFTS_PREFIX))
      events.push({
        ...base,
        type: 'unpublishDocument',
        versionId: createdVersion.id,
        versionRevisionId: createdVersion.resultRev!,
      })
    else events.push({...base, type: 'deleteDocumentGroup'})
    return events
  }
  // Written straight to the published id (an import, a script): it is a publish without a
  // draft, so the Studio does not show it as a draft created.
  if (published?.operation === 'create' && versions.length === 0)
    events.push({
      ...base,
      type: 'publishDocumentVersion',
      versionId: publishedId,
      revisionId: published.resultRev!,
      publishCause: 'document.publish',
    })
  for (const change of versions) events.push(...versionEvents(change, base))
  return events
}

function versionEvents(change: LoggedChange, base: EventBase): DocumentGroupEvent[] {
  if (change.operation === 'create')
    return [
      withRelease(
        {
          ...base,
          type: 'createDocumentVersion',
          versionId: change.id,
          versionRevisionId: change.resultRev!,
        } as const,
        change.id,
      ),
    ]
  if (change.operation === 'delete')
    return [
      withRelease(
        {
          ...base,
          type: 'deleteDocumentVersion',
          versionId: change.id,
          versionRevisionId: change.previousRev!,
        } as const,
        change.id,
      ),
    ]
  return []
}

/** All lifecycle events of a document group, newest first. */
export function documentGroupEvents(
  transactions: LoggedTransaction[],
  publishedId: string,
): DocumentGroupEvent[] {
  return transactions.flatMap((tx) => eventsOf(tx, publishedId)).reverse()
}
