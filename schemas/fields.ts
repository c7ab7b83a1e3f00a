// Field definitions several document types share, so they read and validate the same everywhere.
import {defineArrayMember, defineField} from 'sanity'
import {LANGUAGES} from '../model/constants'
import {isUniqueSlugForType} from './rules/slug'

export function slugField(source: string, group?: string) {
  return defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    group,
    description:
      'The last part of the web address. Generate it from the title, then keep it stable.',
    options: {source, maxLength: 96, isUnique: isUniqueSlugForType},
    // Presence and uniqueness are checked by the document's rules (rules/documentRules).
  })
}

export function languageField(group?: string) {
  return defineField({
    name: 'language',
    title: 'Language',
    type: 'string',
    group,
    description: 'The language this text is written in.',
    options: {list: [...LANGUAGES], layout: 'radio', direction: 'horizontal'},
    initialValue: 'en',
    validation: (rule) => rule.required().error('Choose the language this text is written in.'),
  })
}

export function referencesField(
  name: string,
  title: string,
  to: string,
  description: string,
  group?: string,
) {
  return defineField({
    name,
    title,
    type: 'array',
    group,
    description,
    of: [defineArrayMember({type: 'reference', to: [{type: to}]})],
    validation: (rule) => rule.unique().error('Each item can only be listed once.'),
  })
}

export function sourcesField(group?: string) {
  return defineField({
    name: 'sources',
    title: 'Sources',
    type: 'array',
    group,
    description:
      'The references that back up the medical facts in this text. Cite them in the text with the citation marker.',
    of: [defineArrayMember({type: 'citation'})],
    validation: (rule) =>
      rule.required().min(1).error('Add at least one source that backs up the medical content.'),
  })
}

export function medicalReviewField(group?: string) {
  return defineField({
    name: 'medicalReview',
    title: 'Medical review',
    type: 'medicalReview',
    group,
    description:
      'The clinician’s approval of the exact text. Written by the reviewer’s “Approve” action.',
    // Whether it backs the text as it is now is the document's rule (rules/documentRules).
  })
}

export function reviewRequestField(group?: string) {
  return defineField({
    name: 'reviewRequest',
    title: 'Review request',
    type: 'reviewRequest',
    group,
    description: 'The review asked for with “Request review”, and where it stands.',
    // Only the review actions write it: nothing to show until a review is requested.
    hidden: ({value}) => !value,
  })
}

/** Rich text (`blockContent` or `simpleBlockContent`), optionally required. */
export function richTextField(
  name: string,
  title: string,
  type: 'blockContent' | 'simpleBlockContent',
  options: {group?: string; description?: string; requiredMessage?: string} = {},
) {
  return defineField({
    name,
    title,
    type,
    group: options.group,
    description: options.description,
    // The reading-grade warning is a document-level rule (see rules/documentWarnings).
    validation: (rule) =>
      options.requiredMessage ? rule.required().error(options.requiredMessage) : rule,
  })
}
