import {ActivityIcon} from '@sanity/icons/Activity'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {documentRules, SLUG_MISSING} from '../rules/documentRules'
import {referencesField, richTextField, slugField} from '../fields'

// ICD-10(-CM): a letter, two characters, then optionally a dot and up to four more.
const ICD10 = /^[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?$/

export const condition = defineType({
  name: 'condition',
  title: 'Condition',
  type: 'document',
  icon: ActivityIcon,
  validation: documentRules({slug: SLUG_MISSING, richText: ['body']}),
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'The name patients know, e.g. Chronic migraine.',
      validation: (rule) => rule.required().error('Enter the condition’s name.'),
    }),
    slugField('name'),
    defineField({
      name: 'alternateNames',
      title: 'Other names',
      type: 'array',
      description: 'Other names people search for.',
      of: [defineArrayMember({type: 'string'})],
      options: {layout: 'tags'},
    }),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.max(200).error('Keep the summary to 200 characters or fewer.'),
    }),
    richTextField('body', 'Description', 'blockContent'),
    defineField({
      name: 'symptoms',
      title: 'Symptoms',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      options: {layout: 'tags'},
    }),
    defineField({
      name: 'icd10',
      title: 'ICD-10 codes',
      type: 'array',
      description: 'Diagnosis codes, e.g. G43.7.',
      of: [
        defineArrayMember({
          type: 'string',
          validation: (rule) =>
            rule
              .regex(ICD10)
              .error(
                'Not an ICD-10 code: use a letter, two characters, then an optional dot part (e.g. G43.7).',
              ),
        }),
      ],
      options: {layout: 'tags'},
    }),
    referencesField(
      'relatedTreatments',
      'Treatments',
      'treatment',
      'Treatments for this condition.',
    ),
  ],
  preview: {
    select: {title: 'name', codes: 'icd10'},
    prepare: ({title, codes}) => ({
      title,
      subtitle: Array.isArray(codes) && codes.length ? `ICD-10 ${codes.join(', ')}` : undefined,
    }),
  },
})
