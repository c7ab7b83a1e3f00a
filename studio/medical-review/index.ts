// The medical-review plugin: everything the Studio adds for clinicians' sign-off in one place.
// Its document actions (Approve, Request changes, Request review, the review gate on Publish),
// the "Review overdue" badge, the clinician's linked-user input and its check, and review records
// kept out of "new document"; the "Reviews" view for the structure's document node.
import {createElement} from 'react'
import {definePlugin, type DocumentActionsResolver, type StringInputProps} from 'sanity'
import {isReviewedType, REVIEW_RECORD_TYPE} from '../../model/review/state'
import {REVIEW_GUARD_EVENT_TYPE} from '../../model/review/guard-record'
import {reviewActions} from './actions'
import {reviewOverdueBadge} from './badges'
import {LinkedUserInput} from './inputs/linkedUser'
import {withLinkedUserCheck} from './inputs/linkedUserRule'

export {ReviewsView} from './views/reviews'

/** Written by the review actions and the review guard only, never as new documents. */
const RECORD_TYPES = new Set<string>([REVIEW_RECORD_TYPE, REVIEW_GUARD_EVENT_TYPE])

/**
 * The review actions around the built-in ones, by document type. Sanity appends its own plugins
 * (tasks, scheduling, releases) after the configured ones, and releases gives a release version a
 * fixed list of actions, so a plugin's actions would never reach a version; the workspace
 * registers this resolver itself (studio/config.ts), after them, where Approve works on versions.
 */
export const reviewDocumentActions: DocumentActionsResolver = (actions, {schemaType}) =>
  reviewActions(actions, schemaType)

export const medicalReview = definePlugin({
  name: 'clinic-kit/medical-review',
  schema: {
    // Needs the content types registered by an earlier plugin (studio/config.ts).
    types: (types) => withLinkedUserCheck(types),
    templates: (templates) => templates.filter(({schemaType}) => !RECORD_TYPES.has(schemaType)),
  },
  form: {
    components: {
      // The clinician's linked user: only clinicians have a top-level `linkedUser`.
      input: (props) =>
        props.path.length === 1 &&
        props.path[0] === 'linkedUser' &&
        props.schemaType.jsonType === 'string'
          ? createElement(LinkedUserInput, props as StringInputProps)
          : props.renderDefault(props),
    },
  },
  document: {
    badges: (badges, {schemaType}) =>
      isReviewedType(schemaType) ? [...badges, reviewOverdueBadge] : badges,
    newDocumentOptions: (items) => items.filter(({templateId}) => !RECORD_TYPES.has(templateId)),
  },
})
