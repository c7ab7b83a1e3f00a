// How clinicians' names read on the page and in structured data.
import {textList} from './values'

interface NamedPerson {
  honorificPrefix?: string | null
  givenName?: string | null
  familyName?: string | null
  credentials?: string[] | null
}

/** "Dr. Sloane Yu, MD": prefix, names and credentials, leaving out what is missing. */
export function personName(person: NamedPerson | null | undefined): string {
  if (!person) return ''
  // Strings only: a name field holding an object must not read "[object Object]".
  const name = textList([person.honorificPrefix, person.givenName, person.familyName])
    .filter(Boolean)
    .join(' ')
  const credentials = textList(person.credentials)
  return credentials.length ? `${name}, ${credentials.join(', ')}` : name
}

/** "SY": the placeholder shown when a clinician has no photo. */
export function initials(person: NamedPerson): string {
  return [person.givenName, person.familyName].map((n) => n?.[0] ?? '').join('')
}
