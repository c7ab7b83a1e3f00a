// Publish says why it cannot: an article or FAQ publishes only with an approval of its exact
// text, signed by the reviewer's linked user (model/review/publish-rule.ts decides, as the
// document's validation does). The reason is the disabled action's title: the Studio shows it
// as the button's tooltip.
import {Stack, Text} from '@sanity/ui'
import {createElement, type ReactNode} from 'react'
import type {DocumentActionComponent, DocumentActionDescription} from 'sanity'
import {fetchApprovalFacts, reviewProblem} from '../../../model/review/publish-rule'
import {useLoaded, useReviewClient} from '../data/hooks'

const text = (content: ReactNode) => createElement(Text, {size: 1}, content)

/**
 * Disabled, with the review's reason. A reason the Studio already gives (missing permissions,
 * other validation errors) stays first: both hold, and the first is not the review's to hide.
 */
function blocked(
  description: DocumentActionDescription,
  reason: string,
): DocumentActionDescription {
  const own = description.disabled ? description.title : undefined
  const title = own
    ? createElement(Stack, {gap: 3}, typeof own === 'string' ? text(own) : own, text(reason))
    : reason
  return {...description, disabled: true, title}
}

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
    if (verdict.error) return blocked(description, 'The medical review could not be checked.')
    if (verdict.value === undefined)
      return blocked(description, 'Checking the medical review of this text…')
    return verdict.value === true ? description : blocked(description, verdict.value)
  }
  ReviewGatedPublish.action = 'publish'
  ReviewGatedPublish.displayName = 'ReviewGatedPublish'
  return ReviewGatedPublish
}
