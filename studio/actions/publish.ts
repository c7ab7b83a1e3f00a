// Publish says why it cannot: an article or FAQ publishes only with an approval of its exact
// text, signed by the reviewer's linked user (schemas/rules/reviewRule.ts decides, as the
// document's validation does). The reason is the disabled action's title: the Studio shows it
// as the button's tooltip.
import type {DocumentActionComponent} from 'sanity'
import {fetchApprovalFacts, reviewProblem} from '../../schemas/rules/reviewRule'
import {useLoaded, useReviewClient} from '../review/hooks'

export function withReviewGate(publish: DocumentActionComponent): DocumentActionComponent {
  const ReviewGatedPublish: DocumentActionComponent = (props) => {
    const description = publish(props)
    const client = useReviewClient()
    const {draft} = props
    const verdict = useLoaded(async () => {
      if (!draft) return true
      return (await reviewProblem(draft, await fetchApprovalFacts(client, draft))).message
    }, [draft?._id, draft?._rev])
    // Nothing to publish (no draft): the built-in action already says so.
    if (!description || !draft) return description
    if (verdict.error)
      return {...description, disabled: true, title: 'The medical review could not be checked.'}
    if (verdict.value === undefined)
      return {...description, disabled: true, title: 'Checking the medical review of this text…'}
    return verdict.value === true
      ? description
      : {...description, disabled: true, title: verdict.value}
  }
  ReviewGatedPublish.action = 'publish'
  ReviewGatedPublish.displayName = 'ReviewGatedPublish'
  return ReviewGatedPublish
}
