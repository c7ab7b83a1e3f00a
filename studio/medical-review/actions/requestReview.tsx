// "Request review": an editor asks a clinician who reviews to sign off on the text on screen: the
// draft's, or in a release perspective the release version's.
import {CommentIcon} from '@sanity/icons/Comment'
import {Card, Select, Stack, Text} from '@sanity/ui'
import {useState} from 'react'
import {useCurrentUser, type DocumentActionComponent, type SanityClient} from 'sanity'
import type {ReviewRequestValue} from '../../../model/review/state'
import {clinicianName} from '../../../model/clinician'
import {draftId} from '../../../model/sanity/ids'
import {REVIEWERS_QUERY, type ClinicianRow} from '../data/clinicians'
import {RAW, useLoaded, useReviewClient} from '../data/hooks'
import {reviewedDocument} from '../data/requested'
import {canRequestReview} from '../data/roles'
import {NoteField} from '../dialog/NoteField'
import {ReviewForm} from '../dialog/ReviewForm'

type Doc = Record<string, unknown> & {_id: string; _type: string}

/**
 * Writes the request into the document on screen (the version or the draft), creating the draft
 * from the published text when there is neither.
 */
async function writeRequest(
  client: SanityClient,
  publishedId: string,
  reviewed: Doc | null,
  published: Doc | null,
  request: ReviewRequestValue,
): Promise<void> {
  const targetId = reviewed?._id ?? draftId(publishedId)
  const tx = client.transaction()
  if (!reviewed && published) {
    const {_rev: _r, _createdAt: _c, _updatedAt: _u, ...body} = published
    tx.createIfNotExists({...body, _id: targetId, _type: published._type})
  }
  tx.patch(targetId, (patch) => patch.set({reviewRequest: request}))
  await tx.commit({visibility: 'sync'})
}

function RequestReviewForm(props: {
  client: SanityClient
  current?: ReviewRequestValue
  onSubmit: (reviewerId: string, note: string) => Promise<void>
  onClose: () => void
}) {
  const {client, current, onSubmit, onClose} = props
  const reviewers = useLoaded(() => client.fetch<ClinicianRow[]>(REVIEWERS_QUERY, {}, RAW), [])
  const [reviewerId, setReviewerId] = useState(current?.reviewer?._ref ?? '')
  const [note, setNote] = useState('')
  const options = reviewers.value ?? []
  const chosen = reviewerId || options[0]?._id || ''

  return (
    <ReviewForm
      submitText="Send request"
      tone="primary"
      disabled={!chosen}
      onSubmit={() => onSubmit(chosen, note)}
      onClose={onClose}
    >
      {reviewers.value && options.length === 0 ? (
        <Card padding={3} radius={2} tone="caution">
          <Text size={1}>
            No clinician can review yet: mark a clinician “can review medical content” and link them
            to their Studio user.
          </Text>
        </Card>
      ) : (
        <Stack gap={2}>
          <Text size={1} weight="medium">
            Reviewer
          </Text>
          <Select
            aria-label="Reviewer"
            value={chosen}
            disabled={!reviewers.value}
            onChange={(event) => setReviewerId(event.currentTarget.value)}
          >
            {options.map((clinician) => (
              <option key={clinician._id} value={clinician._id}>
                {clinicianName(clinician)}
              </option>
            ))}
          </Select>
        </Stack>
      )}
      <NoteField
        label="Note for the reviewer (optional)"
        ariaLabel="Note for the reviewer"
        rows={3}
        value={note}
        onChange={setNote}
      />
    </ReviewForm>
  )
}

export const RequestReviewAction: DocumentActionComponent = (props) => {
  const {id, published} = props
  const draft = reviewedDocument(props)
  const client = useReviewClient()
  const user = useCurrentUser()
  const [open, setOpen] = useState(false)
  if (!user || !canRequestReview(user)) return null
  const current = ((draft ?? published)?.reviewRequest ?? undefined) as
    ReviewRequestValue | undefined
  const close = () => setOpen(false)

  return {
    label: current?.status === 'inReview' ? 'Change review request' : 'Request review',
    icon: CommentIcon,
    disabled: !draft && !published,
    title: !draft && !published ? 'Write the text first, then request a review.' : undefined,
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: 'Request a medical review',
      onClose: close,
      content: (
        <RequestReviewForm
          client={client}
          current={current}
          onClose={close}
          onSubmit={(reviewerId, note) =>
            writeRequest(client, id, draft as Doc | null, published as Doc | null, {
              _type: 'reviewRequest',
              status: 'inReview',
              reviewer: {_type: 'reference', _ref: reviewerId},
              ...(note.trim() ? {note: note.trim()} : {}),
              requestedBy: user.id,
              requestedAt: new Date().toISOString(),
            })
          }
        />
      ),
    },
  }
}
RequestReviewAction.displayName = 'RequestReviewAction'
