// The "Reviews" view beside an article or FAQ: every approval and change request of the text,
// newest first, and for each approval what changed in the text since, word by word.
import {Badge, Box, Card, Flex, Heading, Stack, Text} from '@sanity/ui'
import type {UserViewComponent} from 'sanity/structure'
import {editorDate, type ReviewRecord, type ReviewRequestValue} from '../../../model/review/state'
import {medicalText} from '../../../model/review/fingerprint'
import {clinicianName} from '../../../model/clinician'
import {CLINICIAN_QUERY, type ClinicianRow} from '../data/clinicians'
import {RAW, useLoaded, useReviewClient} from '../data/hooks'
import {errorDescription, RECORDS_QUERY} from '../data/records'
import {RequestSummary, UserName} from '../dialog/RequestSummary'
import {wordDiff, type DiffPart} from './wordDiff'

const time = (iso: string) => iso.slice(11, 16)

const PART_STYLE: Record<DiffPart['kind'], React.CSSProperties> = {
  same: {},
  added: {background: 'var(--card-badge-positive-bg-color, #d6f5e0)', textDecoration: 'none'},
  removed: {background: 'var(--card-badge-critical-bg-color, #fbdada)'},
}

function TextDiff({before, after}: {before: string; after: string}) {
  const parts = wordDiff(before, after)
  if (parts.every((part) => part.kind === 'same'))
    return (
      <Text size={1} muted>
        The text is the one approved.
      </Text>
    )
  return (
    <Stack gap={2}>
      <Text size={1} muted>
        Changes since this approval (removed struck through, added highlighted):
      </Text>
      <Card padding={3} radius={2} border tone="transparent" data-testid="review-diff">
        <Text size={1} style={{whiteSpace: 'pre-wrap'}}>
          {parts.map((part, index) => {
            const space = index > 0 && !parts[index - 1]!.text.endsWith('\n') ? ' ' : ''
            if (part.kind === 'added')
              return (
                <span key={index}>
                  {space}
                  <ins style={PART_STYLE.added}>{part.text}</ins>
                </span>
              )
            if (part.kind === 'removed')
              return (
                <span key={index}>
                  {space}
                  <del style={PART_STYLE.removed}>{part.text}</del>
                </span>
              )
            return <span key={index}>{space + part.text}</span>
          })}
        </Text>
      </Card>
    </Stack>
  )
}

function RecordCard({record, textNow}: {record: ReviewRecord; textNow: string}) {
  const approval = record.kind === 'approval'
  return (
    <Card padding={3} radius={2} border data-testid="review-record">
      <Stack gap={3}>
        <Flex gap={2} align="center" wrap="wrap">
          <Badge tone={approval ? 'positive' : 'caution'}>
            {approval ? 'Approved' : 'Changes requested'}
          </Badge>
          <Text size={1} weight="medium">
            {record.reviewerName}
          </Text>
          <Text size={1} muted>
            {editorDate(record.at)}, {time(record.at)} UTC · signed in as{' '}
            <UserName id={record.userId} />
          </Text>
        </Flex>
        {record.note && <Text size={1}>“{record.note}”</Text>}
        {approval && record.nextReviewDue && (
          <Text size={1} muted>
            Next review due {editorDate(record.nextReviewDue)}
          </Text>
        )}
        {approval && <TextDiff before={record.text} after={textNow} />}
      </Stack>
    </Card>
  )
}

/** The open request of the text on screen, with the name of the clinician it asks. */
function OpenRequest({request}: {request: ReviewRequestValue}) {
  const client = useReviewClient()
  const reviewerId = request.reviewer?._ref
  const reviewer = useLoaded(
    async () =>
      reviewerId ? client.fetch<ClinicianRow | null>(CLINICIAN_QUERY, {id: reviewerId}, RAW) : null,
    [reviewerId],
  )
  if (reviewerId && !reviewer.value && !reviewer.error) return null
  return (
    <RequestSummary
      request={request}
      reviewerName={reviewer.value ? clinicianName(reviewer.value) : reviewerId}
      status
    />
  )
}

export const ReviewsView: UserViewComponent = ({document, documentId}) => {
  const client = useReviewClient()
  const {draft, published, displayed} = document
  const records = useLoaded(
    () => client.fetch<ReviewRecord[]>(RECORDS_QUERY, {id: documentId}, RAW),
    [documentId, draft?._rev, published?._rev, displayed?._rev],
  )
  // The text on screen: the draft, or in a release perspective the release's version.
  const shown = (displayed ?? draft ?? published) as Record<string, unknown> | null
  const textNow = medicalText(shown)
  const request = shown?.reviewRequest as ReviewRequestValue | undefined
  const open = request?.status === 'inReview' || request?.status === 'changesRequested'

  return (
    <Box padding={4}>
      <Stack gap={4}>
        <Heading size={1}>Medical reviews</Heading>
        {open && <OpenRequest request={request} />}
        {records.error ? (
          <Card padding={3} radius={2} tone="critical">
            <Text size={1}>The reviews could not be read: {errorDescription(records.error)}</Text>
          </Card>
        ) : !records.value ? (
          <Text size={1} muted>
            Loading the reviews…
          </Text>
        ) : records.value.length === 0 ? (
          !open && (
            <Text size={1} muted>
              No review yet. Use “Request review” to ask a clinician to approve this text.
            </Text>
          )
        ) : (
          records.value.map((record) => (
            <RecordCard key={record._id} record={record} textNow={textNow} />
          ))
        )}
      </Stack>
    </Box>
  )
}
