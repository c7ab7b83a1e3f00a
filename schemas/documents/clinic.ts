import {HomeIcon} from '@sanity/icons/Home'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {documentRules, SLUG_MISSING} from '../rules/documentRules'
import {WEB_SCHEMES} from '../../model/links'
import {slugField} from '../fields'

export const clinic = defineType({
  name: 'clinic',
  title: 'Clinic',
  type: 'document',
  icon: HomeIcon,
  validation: documentRules({slug: SLUG_MISSING}),
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required().error('Enter the clinic’s name.'),
    }),
    slugField('name'),
    defineField({name: 'address', title: 'Address', type: 'postalAddress'}),
    defineField({
      name: 'geo',
      title: 'Map location',
      type: 'geopoint',
      description: 'Where the entrance is, for maps.',
    }),
    defineField({
      name: 'phone',
      title: 'Phone',
      type: 'string',
      description: 'International format with country code, e.g. +15555550123.',
      validation: (rule) =>
        rule
          .regex(/^\+[1-9]\d{1,14}$/)
          .error('Use the international format: + then the country code and number, no spaces.'),
    }),
    defineField({
      name: 'url',
      title: 'Website',
      type: 'url',
      validation: (rule) => rule.uri({scheme: WEB_SCHEMES}).error('Enter a full https:// address.'),
    }),
    defineField({
      name: 'openingHours',
      title: 'Opening hours',
      type: 'array',
      of: [defineArrayMember({type: 'openingHours'})],
    }),
    defineField({
      name: 'logo',
      title: 'Logo',
      type: 'image',
      fields: [
        defineField({
          name: 'alt',
          title: 'Alternative text',
          type: 'string',
          validation: (rule) =>
            rule.custom((alt, context) =>
              (context.parent as {asset?: unknown} | undefined)?.asset && !alt
                ? 'Missing alt text: give the clinic’s name as shown in the logo.'
                : true,
            ),
        }),
      ],
    }),
  ],
  preview: {
    select: {title: 'name', city: 'address.addressLocality', media: 'logo'},
    prepare: ({title, city, media}) => ({title, subtitle: city, media}),
  },
})
