// "Approve": the clinician asked for the review signs off on the exact text of the document on
// screen: the draft, or in a release the release's version. One transaction writes the approval
// record and puts its copy on that document (data/records.ts writeRecord).
import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {Card, Stack, Text, TextInput} from '@sanity/ui'
import {Code} from '@sanity/ui/code'
import {useState} from 'react'
import type {DocumentActionComponent, SanityClient, SanityDocument} from 'sanity'
import {editorDate, fourEyesMessage, type ReviewRecord} from '../../../model/review/state'
import {isVersionId, publishedIdOf} from '../../../model/sanity/ids'
import {addMonths, todayIso} from '../../../model/review/dates'
import {
  RAW,
  useLoaded,
  useReviewClient,
  useReviewSettings,
  useReviewState,
  type LoadedReviewState,
} from '../data/hooks'
import {
  authorsSince,
  errorDescription,
  LAST_APPROVAL_QUERY,
  medicalReviewOf,
  writeRecord,
} from '../data/records'
import {reviewedDocument, useRequestedReview, type RequestedReview} from '../data/requested'
import {NoteField} from '../dialog/NoteField'
import {RequestSummary} from '../dialog/RequestSummary'
import {ReviewForm} from '../dialog/ReviewForm'

/** Approves: the record and the draft's `medicalReview` in one transaction. */
function approve(
  client: SanityClient,
  shown: SanityDocument,
  requested: RequestedReview,
  nextReviewDue: string,
  note: string,
): Promise<ReviewRecord> {
  return writeRecord(
    client,
    shown,
    {
      kind: 'approval',
      reviewer: requested.reviewer,
      userId: requested.user.id,
      note,
      nextReviewDue,
    },
    (record) => ({set: {medicalReview: medicalReviewOf(record)}, unset: ['reviewRequest']}),
  )
}

/** The state of the text in words: what the reviewer is about to approve. */
function textState(loaded: LoadedReviewState | undefined): string {
  if (!loaded) return 'Checking the text…'
  switch (loaded.state.state) {
    case 'approved':
      return `This exact text was approved by ${loaded.state.reviewerName} on ${editorDate(loaded.state.reviewedAt)}.`
    case 'changed':
      return `The text changed since ${loaded.state.reviewerName} approved it on ${editorDate(loaded.state.reviewedAt)}: see the Reviews tab for what changed.`
    case 'unapproved':
      return 'The review on this text was not approved in the Studio.'
    case 'notReviewed':
      return 'This text has not been approved before.'
  }
}

function ApproveForm(props: {
  client: SanityClient
  draft: SanityDocument
  requested: RequestedReview
  intervalMonths: number
  onClose: () => void
}) {
  const {client, draft, requested, intervalMonths, onClose} = props
  const loaded = useReviewState(client, draft)
  const [due, setDue] = useState(() => addMonths(todayIso(), intervalMonths))
  const [note, setNote] = useState('')
  const dueValid = /^\d{4}-\d{2}-\d{2}$/.test(due) && due > todayIso()

  return (
    <ReviewForm
      submitText="Approve text"
      tone="positive"
      disabled={!loaded || !dueValid}
      onSubmit={async () => {
        await approve(client, draft, requested, due, note)
      }}
      onClose={onClose}
    >
      <Text size={1}>
        You approve the medical content of this{' '}
        {isVersionId(draft._id) ? 'release version' : 'draft'} as {requested.reviewer.name}. Any
        later change to the text needs a new approval.
      </Text>
      <RequestSummary request={requested.request} reviewerName={requested.reviewer.name} />
      <Card padding={3} radius={2} tone="transparent" border>
        <Stack gap={3}>
          <Text size={1}>{textState(loaded)}</Text>
          {loaded && (
            <Code size={0} aria-label="Fingerprint">
              {loaded.fingerprint}
            </Code>
          )}
        </Stack>
      </Card>
      <Stack gap={2}>
        <Text size={1} weight="medium">
          Next review due
        </Text>
        <TextInput
          type="date"
          aria-label="Next review due"
          value={due}
          onChange={(event) => setDue(event.currentTarget.value)}
        />
        {!dueValid && (
          <Text size={1} muted>
            Choose a date after today.
          </Text>
        )}
      </Stack>
      <NoteField
        label="Note (optional)"
        ariaLabel="Approval note"
        rows={3}
        value={note}
        onChange={setNote}
      />
    </ReviewForm>
  )
}

/**
 * Four-eyes: who wrote the changes of the document being approved (the draft or the release
 * version) since the document's last approval (or its creation).
 */
function useFourEyes(client: SanityClient, draft: SanityDocument | null, active: boolean) {
  return useLoaded(async () => {
    if (!active || !draft) return undefined
    const last = await client.fetch<{at?: string} | null>(
      LAST_APPROVAL_QUERY,
      {id: publishedIdOf(draft._id), reviewedId: draft._id},
      RAW,
    )
    return authorsSince(client, draft._id, last?.at)
  }, [active, draft?._id, draft?._rev])
}

export const ApproveAction: DocumentActionComponent = (props) => {
  const draft = reviewedDocument(props)
  const client = useReviewClient()
  const requested = useRequestedReview(client, draft)
  const settings = useReviewSettings(client)
  const authors = useFourEyes(client, draft, Boolean(requested && settings?.fourEyes))
  const [open, setOpen] = useState(false)
  if (!requested || !draft || !settings) return null

  const checking = settings.fourEyes && !authors.value && !authors.error
  const fourEyes = authors.error
    ? `The draft's history could not be read, so four-eyes review cannot be checked: ${errorDescription(authors.error)}`
    : fourEyesMessage(settings.fourEyes, requested.user.id, authors.value ?? [])
  const close = () => setOpen(false)

  return {
    label: 'Approve',
    icon: CheckmarkCircleIcon,
    tone: 'positive',
    disabled: checking || fourEyes !== true,
    title: checking ? 'Checking who changed this draft…' : fourEyes === true ? undefined : fourEyes,
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: 'Approve the medical content',
      onClose: close,
      content: (
        <ApproveForm
          client={client}
          draft={draft}
          requested={requested}
          intervalMonths={settings.intervalMonths}
          onClose={close}
        />
      ),
    },
  }
}
ApproveAction.displayName = 'ApproveAction'
