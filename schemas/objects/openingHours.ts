import {ClockIcon} from '@sanity/icons/Clock'
import {defineField, defineType} from 'sanity'

const DAYS = [
  {title: 'Monday', value: 'Monday'},
  {title: 'Tuesday', value: 'Tuesday'},
  {title: 'Wednesday', value: 'Wednesday'},
  {title: 'Thursday', value: 'Thursday'},
  {title: 'Friday', value: 'Friday'},
  {title: 'Saturday', value: 'Saturday'},
  {title: 'Sunday', value: 'Sunday'},
]
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** Opening hours for a set of days, as schema.org's OpeningHoursSpecification. */
export const openingHours = defineType({
  name: 'openingHours',
  title: 'Opening hours',
  type: 'object',
  icon: ClockIcon,
  fields: [
    defineField({
      name: 'dayOfWeek',
      title: 'Days',
      type: 'array',
      of: [{type: 'string'}],
      options: {list: DAYS, layout: 'grid'},
      validation: (rule) => rule.required().min(1).error('Choose the days these hours apply to.'),
    }),
    defineField({
      name: 'opens',
      title: 'Opens',
      type: 'string',
      description: '24-hour time, e.g. 08:00.',
      validation: (rule) =>
        rule.required().regex(TIME).error('Enter the opening time as HH:MM, e.g. 08:00.'),
    }),
    defineField({
      name: 'closes',
      title: 'Closes',
      type: 'string',
      description: '24-hour time, e.g. 17:00.',
      validation: (rule) =>
        rule
          .required()
          .regex(TIME)
          .error('Enter the closing time as HH:MM, e.g. 17:00.')
          .custom((closes, context) => {
            const opens = (context.parent as {opens?: string} | undefined)?.opens
            return closes && opens && closes <= opens ? 'Closing time must be after opening.' : true
          }),
    }),
  ],
  preview: {
    select: {days: 'dayOfWeek', opens: 'opens', closes: 'closes'},
    prepare: ({days, opens, closes}) => ({
      title: Array.isArray(days) ? days.join(', ') : 'No days',
      subtitle: opens && closes ? `${opens}–${closes}` : '',
    }),
  },
})
