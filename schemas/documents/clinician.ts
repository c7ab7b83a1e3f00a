import {UserIcon} from '@sanity/icons/User'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {documentRules, SLUG_MISSING} from '../rules/documentRules'
import {richTextField} from '../fields'
import {WEB_SCHEMES} from '../../model/links'
import {isValidNpi} from '../../model/npi'
import {isUniqueSlugForType} from '../rules/slug'

/** The editor message for a reviewing clinician without a Studio user. */
export const LINKED_USER_REQUIRED = 'A clinician who reviews needs a linked Studio user.'

function stringList(name: string, title: string, description: string, group: string) {
  return defineField({
    name,
    title,
    type: 'array',
    group,
    description,
    of: [defineArrayMember({type: 'string'})],
    options: {layout: 'tags'},
  })
}

export const clinician = defineType({
  name: 'clinician',
  title: 'Clinician',
  type: 'document',
  icon: UserIcon,
  validation: documentRules({slug: SLUG_MISSING, richText: ['bio']}),
  groups: [
    {name: 'profile', title: 'Profile', default: true},
    {name: 'practice', title: 'Practice'},
    {name: 'credentials', title: 'Credentials'},
  ],
  fields: [
    defineField({
      name: 'honorificPrefix',
      title: 'Title',
      type: 'string',
      group: 'profile',
      description: 'Shown before the name, e.g. Dr.',
    }),
    defineField({
      name: 'givenName',
      title: 'First name',
      type: 'string',
      group: 'profile',
      validation: (rule) => rule.required().error('Enter the clinician’s first name.'),
    }),
    defineField({
      name: 'familyName',
      title: 'Last name',
      type: 'string',
      group: 'profile',
      validation: (rule) => rule.required().error('Enter the clinician’s last name.'),
    }),
    defineField({
      name: 'credentials',
      title: 'Credentials',
      type: 'array',
      group: 'profile',
      description: 'Letters after the name, e.g. MD, DO, NP, PA-C.',
      of: [defineArrayMember({type: 'string'})],
      options: {layout: 'tags'},
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      group: 'profile',
      description: 'The last part of the profile’s web address.',
      options: {
        source: (doc) => [doc.givenName, doc.familyName].filter(Boolean).join(' '),
        maxLength: 96,
        isUnique: isUniqueSlugForType,
      },
    }),
    defineField({
      name: 'jobTitle',
      title: 'Role',
      type: 'string',
      group: 'profile',
      description: 'e.g. Interventional pain medicine physician.',
      validation: (rule) => rule.required().error('Enter the clinician’s role.'),
    }),
    defineField({
      name: 'photo',
      title: 'Photo',
      type: 'image',
      group: 'profile',
      options: {hotspot: true},
      fields: [
        defineField({
          name: 'alt',
          title: 'Alternative text',
          type: 'string',
          description: 'e.g. Portrait of Dr. Sloane Yu.',
          validation: (rule) =>
            rule.custom((alt, context) =>
              (context.parent as {asset?: unknown} | undefined)?.asset && !alt
                ? 'Missing alt text: describe the photo for screen reader users.'
                : true,
            ),
        }),
      ],
    }),
    richTextField('bio', 'Biography', 'blockContent', {group: 'profile'}),
    stringList('specialties', 'Specialties', 'e.g. Pain medicine, Anesthesiology.', 'practice'),
    defineField({
      name: 'clinics',
      title: 'Clinics',
      type: 'array',
      group: 'practice',
      description: 'Where the clinician sees patients.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'clinic'}]})],
      validation: (rule) => rule.unique().error('Each clinic can only be listed once.'),
    }),
    stringList('languages', 'Languages spoken', 'e.g. English, Spanish.', 'practice'),
    defineField({
      name: 'acceptingNewPatients',
      title: 'Accepting new patients',
      type: 'boolean',
      group: 'practice',
      initialValue: true,
    }),
    defineField({
      name: 'bookingUrl',
      title: 'Booking page',
      type: 'url',
      group: 'practice',
      description: 'Where patients book an appointment online.',
      validation: (rule) => rule.uri({scheme: WEB_SCHEMES}).error('Enter a full https:// address.'),
    }),
    stringList(
      'boardCertifications',
      'Board certifications',
      'e.g. American Board of Anesthesiology – Pain Medicine.',
      'credentials',
    ),
    defineField({
      name: 'npi',
      title: 'NPI number',
      type: 'string',
      group: 'credentials',
      description: 'The 10-digit US National Provider Identifier.',
      validation: (rule) =>
        rule.custom((npi) =>
          !npi || isValidNpi(npi)
            ? true
            : 'This is not a valid NPI: it must be 10 digits and its last digit must match the check digit. Check for a typo.',
        ),
    }),
    defineField({
      name: 'education',
      title: 'Education',
      type: 'array',
      group: 'credentials',
      of: [defineArrayMember({type: 'education'})],
    }),
    defineField({
      name: 'canReview',
      title: 'Can review medical content',
      type: 'boolean',
      group: 'credentials',
      description: 'Only clinicians with this set can be chosen as medical reviewers.',
      initialValue: false,
    }),
    defineField({
      name: 'linkedUser',
      title: 'Studio user',
      type: 'string',
      group: 'credentials',
      description:
        'The Studio user who signs in as this clinician. Only that user can approve the texts this clinician is asked to review.',
      validation: (rule) =>
        rule
          .custom((linkedUser, context) =>
            (context.document as {canReview?: boolean} | undefined)?.canReview === true &&
            !linkedUser?.trim()
              ? LINKED_USER_REQUIRED
              : true,
          )
          .error(),
    }),
  ],
  preview: {
    select: {
      prefix: 'honorificPrefix',
      givenName: 'givenName',
      familyName: 'familyName',
      credentials: 'credentials',
      jobTitle: 'jobTitle',
      media: 'photo',
      canReview: 'canReview',
    },
    prepare: ({prefix, givenName, familyName, credentials, jobTitle, media, canReview}) => ({
      title: `${[prefix, givenName, familyName].filter(Boolean).join(' ')}${
        Array.isArray(credentials) && credentials.length ? `, ${credentials.join(', ')}` : ''
      }`,
      subtitle: [jobTitle, canReview ? 'Medical reviewer' : null].filter(Boolean).join(' · '),
      media,
    }),
  },
})
