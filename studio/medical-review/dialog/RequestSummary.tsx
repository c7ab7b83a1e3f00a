// The review an editor asked for, as the reviewer reads it: who asked whom, when, and the
// editor's note. Shown in the Approve and Request changes dialogs and in the Reviews view.
import {Badge, Card, Flex, Stack, Text} from '@sanity/ui'
import {useUser} from 'sanity'
import {reviewRequestLine, type ReviewRequestValue} from '../../../model/review/state'

/** A Studio user's display name (the id until the user is loaded, or when none has it). */
export function useUserName(id: string): string {
  const [user] = useUser(id)
  return user?.displayName ?? id
}

export function UserName({id}: {id: string}) {
  return <>{useUserName(id)}</>
}

interface SummaryProps {
  request: ReviewRequestValue
  reviewerName?: string
  /** Shows the request's status ("In review", "Changes requested") as a badge. */
  status?: boolean
}

export function RequestSummary(props: SummaryProps) {
  const id = props.request.requestedBy
  return id ? <NamedRequester {...props} id={id} /> : <RequestCard {...props} />
}

function NamedRequester(props: SummaryProps & {id: string}) {
  return <RequestCard {...props} requester={useUserName(props.id)} />
}

function RequestCard(props: SummaryProps & {requester?: string}) {
  const {request, reviewerName, status, requester} = props
  const line = reviewRequestLine(request, {reviewer: reviewerName, requester})
  return (
    <Card padding={3} radius={2} border tone="primary" data-testid="review-request">
      <Stack gap={3}>
        <Flex gap={2} align="center" wrap="wrap">
          {status && request.status && (
            <Badge tone={request.status === 'inReview' ? 'primary' : 'caution'}>
              {request.status === 'inReview' ? 'In review' : 'Changes requested'}
            </Badge>
          )}
          <Text size={1}>{line}</Text>
        </Flex>
        {request.note ? (
          <Stack gap={2}>
            <Text size={1} weight="medium">
              Note from {requester ?? 'the editor'}
            </Text>
            <Text size={1} style={{whiteSpace: 'pre-wrap'}} data-testid="review-request-note">
              “{request.note}”
            </Text>
          </Stack>
        ) : (
          <Text size={1} muted>
            No note with the request.
          </Text>
        )}
      </Stack>
    </Card>
  )
}
