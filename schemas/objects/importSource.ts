import {DownloadIcon} from '@sanity/icons/Download'
import {defineField, defineType} from 'sanity'

// Where an imported article or FAQ came from, written by `npm run import`. Read-only: it records
// the import, and re-importing the same source updates the same drafts.
export const importSource = defineType({
  name: 'importSource',
  title: 'Imported from',
  type: 'object',
  icon: DownloadIcon,
  readOnly: true,
  options: {collapsible: true, collapsed: true},
  fields: [
    defineField({
      name: 'source',
      title: 'Source',
      type: 'string',
      description: 'The file or web address the text was imported from.',
    }),
    defineField({
      name: 'format',
      title: 'Format',
      type: 'string',
      options: {
        list: [
          {title: 'HTML page', value: 'html'},
          {title: 'Markdown', value: 'markdown'},
          {title: 'WordPress export', value: 'wxr'},
          {title: 'Plain text', value: 'text'},
        ],
      },
    }),
    defineField({name: 'importedAt', title: 'Imported', type: 'datetime'}),
    defineField({
      name: 'sourceDate',
      title: 'Date on the source',
      type: 'string',
      description: 'The date the original page gave, as it gave it.',
    }),
  ],
})
