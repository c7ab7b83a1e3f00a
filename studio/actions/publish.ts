// Publish says why it cannot: an article or FAQ publishes only with an approval of its exact
// text (schemas/rules/approval.ts decides). The reason is the disabled action's title, which the
// Studio shows as its tooltip.
import type {DocumentActionComponent} from 'sanity'
import {reviewBlockingMessage} from '../../schemas/rules/approval'
import {useReviewClient, useReviewState} from '../review/hooks'

export function withReviewGate(publish: DocumentActionComponent): DocumentActionComponent {
  const ReviewGatedPublish: DocumentActionComponent = (props) => {
    const description = publish(props)
    const client = useReviewClient()
    const loaded = useReviewState(client, props.draft)
    // Nothing to publish (no draft): the built-in action already says so.
    if (!description || !props.draft) return description
    if (!loaded)
      return {...description, disabled: true, title: 'Checking the medical review of this text…'}
    const message = reviewBlockingMessage(loaded.state)
    return message === true ? description : {...description, disabled: true, title: message}
  }
  ReviewGatedPublish.action = 'publish'
  ReviewGatedPublish.displayName = 'ReviewGatedPublish'
  return ReviewGatedPublish
}
