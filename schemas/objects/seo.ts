import {SearchIcon} from '@sanity/icons/Search'
import {defineField, defineType} from 'sanity'
import {WEB_SCHEMES} from '../../model/links'

export const seo = defineType({
  name: 'seo',
  title: 'Search engines',
  type: 'object',
  icon: SearchIcon,
  options: {collapsible: true, collapsed: true},
  fields: [
    defineField({
      name: 'title',
      title: 'Title in search results',
      type: 'string',
      description: 'Leave empty to use the page title.',
      validation: (rule) =>
        rule.max(60).warning('Search engines cut titles after about 60 characters.'),
    }),
    defineField({
      name: 'description',
      title: 'Description in search results',
      type: 'text',
      rows: 2,
      description: 'Leave empty to use the summary.',
      validation: (rule) =>
        rule.max(160).warning('Search engines cut descriptions after about 160 characters.'),
    }),
    defineField({
      name: 'canonicalUrl',
      title: 'Canonical web address',
      type: 'url',
      description: 'Only when this text is published first somewhere else.',
      validation: (rule) => rule.uri({scheme: WEB_SCHEMES}).error('Enter a full https:// address.'),
    }),
    defineField({
      name: 'noindex',
      title: 'Hide from search engines',
      type: 'boolean',
      initialValue: false,
    }),
  ],
})
