// Vocabularies shared by the schemas, the Studio structure and the sample content.

export const LANGUAGES = [
  {title: 'English', value: 'en'},
  {title: 'Spanish', value: 'es'},
] as const
export type LanguageCode = (typeof LANGUAGES)[number]['value']

export const FAQ_CATEGORIES = [
  {title: 'Conditions', value: 'conditions'},
  {title: 'Treatments', value: 'treatments'},
  {title: 'Appointments', value: 'appointments'},
  {title: 'Insurance and cost', value: 'insurance-and-cost'},
] as const

export const AUDIENCES = [
  {title: 'Patients', value: 'patients'},
  {title: 'Caregivers', value: 'caregivers'},
  {title: 'Clinicians', value: 'clinicians'},
] as const

export const TREATMENT_KINDS = [
  {title: 'Procedure', value: 'procedure'},
  {title: 'Medication', value: 'medication'},
  {title: 'Therapy', value: 'therapy'},
  {title: 'Lifestyle', value: 'lifestyle'},
] as const

export const SYNDICATION_MODES = [
  {title: 'All partner clinics', value: 'all'},
  {title: 'Selected partner clinics', value: 'selected'},
  {title: 'Our own site only', value: 'own'},
] as const

/** Months between medical reviews when site settings do not say otherwise. */
export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12

/** Highest Flesch-Kincaid grade we publish for patients without a warning. */
export const MAX_READING_GRADE = 8

/** API version the schema's own queries (validation, initial values) use. */
export const SCHEMA_API_VERSION = '2025-02-19'

/** Type name of the site settings document. */
export const SITE_SETTINGS_TYPE = 'siteSettings'

/** Document id of the site settings singleton (its one document). */
export const SITE_SETTINGS_ID = 'siteSettings'

/** Where a requested medical review stands (the `reviewRequest.status` field). */
export const REVIEW_REQUEST_STATUSES = [
  {title: 'In review', value: 'inReview'},
  {title: 'Changes requested', value: 'changesRequested'},
] as const

/** What a review record says (the `reviewRecord.kind` field). */
export const REVIEW_RECORD_KINDS = [
  {title: 'Approval', value: 'approval'},
  {title: 'Changes requested', value: 'changesRequested'},
] as const
