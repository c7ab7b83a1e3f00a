import {TextIcon} from '@sanity/icons/Text'
import {defineArrayMember, defineType} from 'sanity'

/** Short rich text for FAQ answers: paragraphs, bold and italic, links and lists only. */
export const simpleBlockContent = defineType({
  name: 'simpleBlockContent',
  title: 'Simple rich text',
  type: 'array',
  icon: TextIcon,
  of: [
    defineArrayMember({
      type: 'block',
      styles: [{title: 'Normal', value: 'normal'}],
      lists: [
        {title: 'Bullet', value: 'bullet'},
        {title: 'Numbered', value: 'number'},
      ],
      marks: {
        decorators: [
          {title: 'Strong', value: 'strong'},
          {title: 'Emphasis', value: 'em'},
        ],
        annotations: [
          defineArrayMember({type: 'link'}),
          defineArrayMember({type: 'citationMarker'}),
        ],
      },
    }),
  ],
})
