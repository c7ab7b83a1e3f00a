// "Request changes": the clinician asked for the review sends the draft (or the release version)
// back with a note. The
// note goes into a change-request record of the trail; the request's status tells the editor.
import {UndoIcon} from '@sanity/icons/Undo'
import {Stack, Text, TextArea} from '@sanity/ui'
import {useState} from 'react'
import type {DocumentActionComponent, SanityClient, SanityDocument} from 'sanity'
import {useReviewClient} from '../data/hooks'
import {errorDescription, newRecord} from '../data/records'
import {reviewedDocument, useRequestedReview, type RequestedReview} from '../data/requested'
import {draftAsRead} from './approve'
import {DialogFooter} from '../dialog/DialogFooter'
import {RequestSummary} from '../dialog/RequestSummary'

async function requestChanges(
  client: SanityClient,
  shown: SanityDocument,
  requested: RequestedReview,
  note: string,
): Promise<void> {
  const draft = await draftAsRead(client, shown)
  const record = await newRecord({
    kind: 'changesRequested',
    draft,
    reviewer: requested.reviewer,
    userId: requested.user.id,
    at: new Date(),
    note,
  })
  await client
    .transaction()
    .create(record)
    .patch(
      client
        .patch(draft._id)
        .ifRevisionId(draft._rev)
        .set({'reviewRequest.status': 'changesRequested'}),
    )
    .commit({visibility: 'sync'})
}

function RequestChangesForm(props: {
  client: SanityClient
  draft: SanityDocument
  requested: RequestedReview
  onClose: () => void
}) {
  const {client, draft, requested, onClose} = props
  const [note, setNote] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await requestChanges(client, draft, requested, note)
      onClose()
    } catch (e) {
      setError(errorDescription(e))
      setBusy(false)
    }
  }

  return (
    <Stack gap={4} padding={4}>
      <RequestSummary request={requested.request} reviewerName={requested.reviewer.name} />
      <Stack gap={2}>
        <Text size={1} weight="medium">
          What needs to change
        </Text>
        <TextArea
          aria-label="What needs to change"
          rows={4}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Text size={1} muted>
          The editor sees this note in the Reviews tab.
        </Text>
      </Stack>
      <DialogFooter
        error={error}
        onClose={onClose}
        submitText="Send back"
        tone="caution"
        disabled={!note.trim()}
        busy={busy}
        onSubmit={submit}
      />
    </Stack>
  )
}

export const RequestChangesAction: DocumentActionComponent = (props) => {
  const draft = reviewedDocument(props)
  const client = useReviewClient()
  const requested = useRequestedReview(client, draft)
  const [open, setOpen] = useState(false)
  if (!requested || !draft) return null
  const close = () => setOpen(false)
  return {
    label: 'Request changes',
    icon: UndoIcon,
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: 'Request changes',
      onClose: close,
      content: (
        <RequestChangesForm client={client} draft={draft} requested={requested} onClose={close} />
      ),
    },
  }
}
RequestChangesAction.displayName = 'RequestChangesAction'
