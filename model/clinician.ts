// How a clinician is named to people, from the clinician document's name fields. The Studio's
// review dialogs and the clinic's review rules (their refusal messages) both name clinicians so.

export interface ClinicianNameFields {
  honorificPrefix?: unknown
  givenName?: unknown
  familyName?: unknown
}

/**
 * "Dr. Sloane Yu": the non-blank name fields in order, or `fallback` when there are none. Takes
 * the name fields, or a whole clinician document as stored.
 */
export function clinicianName(
  clinician: ClinicianNameFields | {readonly [field: string]: unknown} | null | undefined,
  fallback = '',
): string {
  const fields: ClinicianNameFields = clinician ?? {}
  const parts = [fields.honorificPrefix, fields.givenName, fields.familyName].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  )
  return parts.length > 0 ? parts.join(' ') : fallback
}
