import {RestoreIcon} from '@sanity/icons/Restore'
import {defineField, defineType} from 'sanity'
import {REVIEW_GUARD_ACTIONS, REVIEW_GUARD_EVENT_TYPE} from '../../model/review/guard-record'
import {editorDate} from '../../model/review/state'

function eventField(name: string, title: string, type: string, description?: string) {
  return defineField({name, title, type, description})
}

// What the review guard did (functions/review-guard, a Sanity Function on hosted projects): a
// published article or FAQ changed to a text its approval does not cover, so the guard put the
// last approved text back or unpublished it. The guard writes one record per repair; nothing edits
// it, so every field is read-only. Its id (`reviewGuard.<document>.<unique>`) keeps it from public
// readers.
export const reviewGuardEvent = defineType({
  name: REVIEW_GUARD_EVENT_TYPE,
  title: 'Review guard event',
  type: 'document',
  icon: RestoreIcon,
  readOnly: true,
  fields: [
    defineField({
      name: 'action',
      title: 'What the guard did',
      type: 'string',
      options: {list: REVIEW_GUARD_ACTIONS, layout: 'radio'},
    }),
    eventField('documentId', 'Document', 'string', 'The id of the article or FAQ.'),
    eventField('documentType', 'Document type', 'string'),
    eventField('documentTitle', 'Title', 'string', 'Its title or question as it was changed.'),
    defineField({
      name: 'reason',
      title: 'Why',
      type: 'text',
      rows: 2,
      description: 'Why the published text was not the one its medical approval covers.',
    }),
    defineField({
      name: 'changedFields',
      title: 'Medical fields changed',
      type: 'array',
      of: [{type: 'string'}],
    }),
    eventField('changedBy', 'Changed by', 'string', 'The user or token that wrote the change.'),
    eventField('changedAt', 'Changed at', 'datetime'),
    eventField('changedRevision', 'Changed revision', 'string', 'The revision the guard found.'),
    defineField({
      name: 'changedText',
      title: 'Changed text',
      type: 'text',
      rows: 10,
      description: 'The medical content as the change published it.',
    }),
    eventField(
      'restoredRevision',
      'Revision put back',
      'string',
      'The last approved revision, published again.',
    ),
    eventField('approvalRecord', 'Approval', 'string', 'The approval record that backs it.'),
    eventField('draftId', 'Draft', 'string', 'Unpublished: the draft that keeps the text.'),
    eventField('guardUser', 'Guard', 'string', 'The token the guard wrote with.'),
    eventField('at', 'At', 'datetime'),
  ],
  orderings: [{title: 'Newest first', name: 'atDesc', by: [{field: 'at', direction: 'desc'}]}],
  preview: {
    select: {action: 'action', title: 'documentTitle', at: 'at', documentId: 'documentId'},
    prepare: ({action, title, at, documentId}: Record<string, string | undefined>) => ({
      title: `${action === 'restored' ? 'Approved text put back' : 'Unpublished'}: ${title ?? documentId ?? 'unknown document'}`,
      subtitle: at ? `Review guard · ${editorDate(at)}` : 'Review guard',
    }),
  },
})
