import {PinIcon} from '@sanity/icons/Pin'
import {defineField, defineType} from 'sanity'

export const postalAddress = defineType({
  name: 'postalAddress',
  title: 'Address',
  type: 'object',
  icon: PinIcon,
  fields: [
    defineField({
      name: 'streetAddress',
      title: 'Street address',
      type: 'string',
      validation: (rule) => rule.required().error('Enter the street and number.'),
    }),
    defineField({
      name: 'addressLocality',
      title: 'City',
      type: 'string',
      validation: (rule) => rule.required().error('Enter the city.'),
    }),
    defineField({name: 'addressRegion', title: 'State or region', type: 'string'}),
    defineField({name: 'postalCode', title: 'Postal code', type: 'string'}),
    defineField({
      name: 'addressCountry',
      title: 'Country',
      type: 'string',
      description: 'Two-letter country code, e.g. US.',
      initialValue: 'US',
      validation: (rule) =>
        rule
          .required()
          .regex(/^[A-Z]{2}$/)
          .error('Use the two-letter country code in capitals, e.g. US.'),
    }),
  ],
})
