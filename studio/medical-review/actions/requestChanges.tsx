// "Request changes": the clinician asked for the review sends the draft (or the release version)
// back with a note. The note goes into a change-request record of the trail; the request's
// status tells the editor.
import {UndoIcon} from '@sanity/icons/Undo'
import {useState} from 'react'
import type {DocumentActionComponent, SanityClient, SanityDocument} from 'sanity'
import {useReviewClient} from '../data/hooks'
import {writeRecord} from '../data/records'
import {reviewedDocument, useRequestedReview, type RequestedReview} from '../data/requested'
import {NoteField} from '../dialog/NoteField'
import {RequestSummary} from '../dialog/RequestSummary'
import {ReviewForm} from '../dialog/ReviewForm'

async function requestChanges(
  client: SanityClient,
  shown: SanityDocument,
  requested: RequestedReview,
  note: string,
): Promise<void> {
  await writeRecord(
    client,
    shown,
    {kind: 'changesRequested', reviewer: requested.reviewer, userId: requested.user.id, note},
    () => ({set: {'reviewRequest.status': 'changesRequested'}}),
  )
}

function RequestChangesForm(props: {
  client: SanityClient
  draft: SanityDocument
  requested: RequestedReview
  onClose: () => void
}) {
  const {client, draft, requested, onClose} = props
  const [note, setNote] = useState('')

  return (
    <ReviewForm
      submitText="Send back"
      tone="caution"
      disabled={!note.trim()}
      onSubmit={() => requestChanges(client, draft, requested, note)}
      onClose={onClose}
    >
      <RequestSummary request={requested.request} reviewerName={requested.reviewer.name} />
      <NoteField
        label="What needs to change"
        rows={4}
        value={note}
        onChange={setNote}
        hint="The editor sees this note in the Reviews tab."
      />
    </ReviewForm>
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
