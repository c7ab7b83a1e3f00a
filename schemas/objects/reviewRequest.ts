import {CommentIcon} from '@sanity/icons/Comment'
import {defineField, defineType} from 'sanity'
import {REVIEW_REQUEST_STATUSES} from '../../model/constants'

// The review an editor asked for and where it stands. Written by the "Request review" and
// "Request changes" actions and removed by "Approve", so the form only shows it.
export const reviewRequest = defineType({
  name: 'reviewRequest',
  title: 'Review request',
  type: 'object',
  icon: CommentIcon,
  readOnly: true,
  fields: [
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      options: {list: [...REVIEW_REQUEST_STATUSES], layout: 'radio'},
    }),
    defineField({
      name: 'reviewer',
      title: 'Reviewer',
      type: 'reference',
      to: [{type: 'clinician'}],
      description: 'The clinician asked to review the text.',
      // Only a clinician who reviews and signs in to the Studio can approve.
      options: {filter: 'canReview == true && defined(linkedUser)'},
    }),
    defineField({
      name: 'note',
      title: 'Note',
      type: 'text',
      rows: 3,
      description: 'The editor’s note for the reviewer.',
    }),
    defineField({
      name: 'requestedBy',
      title: 'Requested by',
      type: 'string',
      description: 'The Studio user who asked for the review.',
    }),
    defineField({name: 'requestedAt', title: 'Requested at', type: 'datetime'}),
  ],
  preview: {
    select: {
      status: 'status',
      prefix: 'reviewer.honorificPrefix',
      givenName: 'reviewer.givenName',
      familyName: 'reviewer.familyName',
    },
    prepare: ({status, prefix, givenName, familyName}: Record<string, string | undefined>) => {
      const reviewer = [prefix, givenName, familyName].filter(Boolean).join(' ')
      const label = REVIEW_REQUEST_STATUSES.find((item) => item.value === status)?.title
      return {title: label ? `${label}${reviewer ? ` · ${reviewer}` : ''}` : 'No review requested'}
    },
  },
})
