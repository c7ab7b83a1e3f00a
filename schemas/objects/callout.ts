import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {defineField, defineType} from 'sanity'

const TONES = [
  {title: 'Information', value: 'info'},
  {title: 'Warning', value: 'warning'},
  {title: 'Emergency', value: 'emergency'},
]

export const callout = defineType({
  name: 'callout',
  title: 'Callout',
  type: 'object',
  icon: WarningOutlineIcon,
  description: 'A highlighted box, e.g. when to call 911.',
  fields: [
    defineField({
      name: 'tone',
      title: 'Tone',
      type: 'string',
      description: 'Emergency is for symptoms that need urgent care.',
      options: {list: TONES, layout: 'radio', direction: 'horizontal'},
      initialValue: 'info',
      validation: (rule) => rule.required().error('Choose how strongly the callout stands out.'),
    }),
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.max(80).warning('Keep callout titles short (80 characters).'),
    }),
    defineField({
      name: 'text',
      title: 'Text',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required().error('Write what the callout says.'),
    }),
  ],
  preview: {
    select: {title: 'title', text: 'text', tone: 'tone'},
    prepare: ({title, text, tone}) => ({
      title: title || text || 'Callout',
      subtitle: `Callout · ${TONES.find((t) => t.value === tone)?.title ?? 'Information'}`,
    }),
  },
})
