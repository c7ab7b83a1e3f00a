import {ShareIcon} from '@sanity/icons/Share'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {documentRules, SLUG_MISSING} from '../rules/documentRules'
import {FAQ_CATEGORIES} from '../../model/constants'
import {WEB_SCHEMES} from '../../model/links'
import {languageField, slugField} from '../fields'

// An origin is scheme, host and optional port: no path, query or trailing slash.
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i

export const partner = defineType({
  name: 'partner',
  title: 'Partner clinic',
  type: 'document',
  icon: ShareIcon,
  validation: documentRules({slug: SLUG_MISSING}),
  groups: [
    {name: 'partner', title: 'Partner', default: true},
    {name: 'embed', title: 'Embedding'},
  ],
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      group: 'partner',
      validation: (rule) => rule.required().error('Enter the partner clinic’s name.'),
    }),
    slugField('name', 'partner'),
    defineField({
      name: 'allowedOrigins',
      title: 'Sites allowed to embed',
      type: 'array',
      group: 'embed',
      description:
        'The partner’s web origins, e.g. https://www.example-clinic.com (no path). Widgets on these sites may read the clinic’s published content once the partner is published.',
      of: [
        defineArrayMember({
          type: 'string',
          validation: (rule) =>
            rule
              .regex(ORIGIN)
              .error(
                'Enter an origin like https://www.example.com: no path and no trailing slash.',
              ),
        }),
      ],
      validation: (rule) =>
        rule.required().min(1).error('Add at least one site where this partner embeds widgets.'),
    }),
    defineField({
      name: 'scope',
      title: 'Shared topics',
      type: 'object',
      group: 'embed',
      description:
        'Which content this partner may show. Leave empty for everything shared with all partners.',
      fields: [
        defineField({
          name: 'conditions',
          title: 'Conditions',
          type: 'array',
          of: [defineArrayMember({type: 'reference', to: [{type: 'condition'}]})],
        }),
        defineField({
          name: 'faqCategories',
          title: 'FAQ categories',
          type: 'array',
          of: [defineArrayMember({type: 'string'})],
          options: {list: [...FAQ_CATEGORIES], layout: 'grid'},
        }),
      ],
    }),
    defineField({name: 'theme', title: 'Theme', type: 'themeTokens', group: 'embed'}),
    defineField({
      name: 'attribution',
      title: 'Attribution',
      type: 'object',
      group: 'embed',
      description: 'The credit line under embedded content, linking back to us.',
      fields: [
        defineField({
          name: 'text',
          title: 'Text',
          type: 'string',
          validation: (rule) => rule.required().error('Write the credit line.'),
        }),
        defineField({
          name: 'url',
          title: 'Links to',
          type: 'url',
          validation: (rule) =>
            rule.required().uri({scheme: WEB_SCHEMES}).error('Enter a full https:// address.'),
        }),
      ],
    }),
    languageField('partner'),
  ],
  preview: {
    select: {title: 'name', origins: 'allowedOrigins'},
    prepare: ({title, origins}) => ({
      title,
      subtitle: Array.isArray(origins) ? origins.join(', ') : 'No sites yet',
    }),
  },
})
