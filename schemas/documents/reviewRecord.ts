import {LockIcon} from '@sanity/icons/Lock'
import {defineField, defineType} from 'sanity'
import {REVIEW_RECORD_KINDS} from '../../model/constants'
import {editorDate, REVIEW_RECORD_TYPE} from '../../model/review/state'

function recordField(name: string, title: string, type: string, description?: string) {
  return defineField({name, title, type, description})
}

// One approval or change request in the review trail (see rules/approval.ts ReviewRecord). The
// reviewer's action writes it once, next to the draft's change; nothing edits it afterwards, so
// every field is read-only. Its id (`reviews.<document>.<unique>`) keeps it from public readers.
export const reviewRecord = defineType({
  name: REVIEW_RECORD_TYPE,
  title: 'Review record',
  type: 'document',
  icon: LockIcon,
  readOnly: true,
  fields: [
    defineField({
      name: 'kind',
      title: 'Decision',
      type: 'string',
      options: {list: [...REVIEW_RECORD_KINDS], layout: 'radio'},
    }),
    recordField('documentId', 'Document', 'string', 'The id of the article or FAQ reviewed.'),
    recordField('documentType', 'Document type', 'string'),
    recordField('revision', 'Revision', 'string', 'The revision of the draft the reviewer read.'),
    recordField(
      'fingerprint',
      'Fingerprint',
      'string',
      'Identifies the exact medical text the reviewer read.',
    ),
    defineField({
      name: 'text',
      title: 'Text reviewed',
      type: 'text',
      rows: 10,
      description: 'The medical content as the reviewer read it.',
    }),
    defineField({
      name: 'reviewer',
      title: 'Reviewer',
      type: 'reference',
      to: [{type: 'clinician'}],
      // Weak: the trail outlives the clinician's profile.
      weak: true,
    }),
    recordField('reviewerName', 'Reviewer’s name', 'string'),
    recordField('userId', 'Studio user', 'string', 'The Studio user who decided.'),
    recordField('at', 'At', 'datetime'),
    defineField({name: 'note', title: 'Note', type: 'text', rows: 3}),
    recordField('nextReviewDue', 'Next review due', 'date'),
  ],
  preview: {
    select: {kind: 'kind', reviewerName: 'reviewerName', at: 'at', documentId: 'documentId'},
    prepare: ({kind, reviewerName, at, documentId}: Record<string, string | undefined>) => ({
      title: `${kind === 'approval' ? 'Approved' : 'Changes requested'} by ${reviewerName ?? 'unknown reviewer'}${at ? ` · ${editorDate(at)}` : ''}`,
      subtitle: documentId,
    }),
  },
})
