import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'
import {LINK_SCHEMES} from '../../model/links'

export const link = defineType({
  name: 'link',
  title: 'Link',
  type: 'object',
  icon: LinkIcon,
  description: 'A link to a web page, an email address or a phone number.',
  fields: [
    defineField({
      name: 'href',
      title: 'Address',
      type: 'url',
      description: 'Starts with https://, http://, mailto: or tel:.',
      validation: (rule) =>
        rule
          .required()
          .error('Enter the address the link goes to.')
          .uri({scheme: LINK_SCHEMES, allowRelative: false})
          .error('Links can only go to web pages (https://), email (mailto:) or phones (tel:).'),
    }),
  ],
})
