import {DropIcon} from '@sanity/icons/Drop'
import {defineField, defineType} from 'sanity'
import {documentRules, SLUG_MISSING} from '../rules/documentRules'
import {TREATMENT_KINDS} from '../../model/constants'
import {referencesField, richTextField, slugField} from '../fields'

export const treatment = defineType({
  name: 'treatment',
  title: 'Treatment',
  type: 'document',
  icon: DropIcon,
  validation: documentRules({slug: SLUG_MISSING, richText: ['body']}),
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'e.g. Botox injections for chronic migraine.',
      validation: (rule) => rule.required().error('Enter the treatment’s name.'),
    }),
    slugField('name'),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: {list: [...TREATMENT_KINDS], layout: 'radio', direction: 'horizontal'},
      validation: (rule) => rule.required().error('Choose what kind of treatment this is.'),
    }),
    defineField({
      name: 'genericName',
      title: 'Generic name',
      type: 'string',
      description: 'For medicines: the active ingredient, e.g. onabotulinumtoxinA.',
    }),
    defineField({
      name: 'brandName',
      title: 'Brand name',
      type: 'string',
      description: 'For medicines: the product name, e.g. Botox.',
    }),
    referencesField('conditions', 'Treats', 'condition', 'Conditions this treatment is used for.'),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.max(200).error('Keep the summary to 200 characters or fewer.'),
    }),
    richTextField('body', 'Description', 'blockContent'),
    defineField({
      name: 'sideEffects',
      title: 'Side effects',
      type: 'text',
      rows: 3,
      description: 'The common side effects, in plain language.',
    }),
    defineField({
      name: 'frequency',
      title: 'How often',
      type: 'string',
      description: 'e.g. Every 12 weeks.',
    }),
  ],
  preview: {
    select: {title: 'name', generic: 'genericName', kind: 'kind'},
    prepare: ({title, generic, kind}) => ({
      title,
      subtitle: [TREATMENT_KINDS.find((k) => k.value === kind)?.title, generic]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
