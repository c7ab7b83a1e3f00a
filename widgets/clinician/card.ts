// A clinician's card and its schema.org IndividualPhysician entry, shared by <ck-clinician> and
// <ck-clinician-list>.
import {html, nothing} from 'lit'
import {isWebUrl} from '../content/config'
import {photoSrcset, photoUrl, photoWidths, PHOTO_WIDTHS} from '../content/image'
import {initials, personName} from '../content/people'
import {postalAddress, text, webUrl} from '../content/json-ld'
import type {Clinician} from '../content/queries'
import {entries, textList} from '../content/values'
import type {ClinicianStrings} from './strings'

/** Booking pages take patients' details: only an https page gets a button. */
const isBookingUrl = (url: unknown): url is string =>
  typeof url === 'string' && /^https:/i.test(url)

export function renderCard(clinician: Clinician, t: ClinicianStrings, headingLevel: number) {
  const name = personName(clinician)
  const {photo} = clinician
  const src = photo && photoUrl(photo, PHOTO_WIDTHS[0])
  const specialties = textList(clinician.specialties)
  const languages = textList(clinician.languages)
  const clinics = entries(clinician.clinics)
  return html`<div part="card">
    ${
      photo && src
        ? html`<img
            part="photo"
            src=${src}
            srcset=${photoSrcset(photo)}
            sizes="96px"
            width="96"
            height="96"
            alt=${photo.alt ?? ''}
            loading="lazy"
            decoding="async"
          />`
        : html`<span part="photo placeholder" aria-hidden="true">${initials(clinician)}</span>`
    }
    <div part="details">
      <div part="name" role="heading" aria-level=${headingLevel}>${name}</div>
      ${clinician.jobTitle ? html`<p part="role">${clinician.jobTitle}</p>` : nothing}
      ${
        specialties.length
          ? html`<ul part="specialties">
              ${specialties.map((s) => html`<li part="specialty">${s}</li>`)}
            </ul>`
          : nothing
      }
      ${clinics.map(
        (clinic) =>
          html`<p part="clinic">
            ${isWebUrl(clinic.url) ? html`<a href=${clinic.url} rel="noopener">${clinic.name}</a>` : clinic.name}
          </p>`,
      )}
      ${languages.length ? html`<p part="languages">${t.speaks} ${languages.join(', ')}</p>` : nothing}
      ${
        clinician.acceptingNewPatients === null
          ? nothing
          : html`<p part="accepting">
              ${clinician.acceptingNewPatients ? t.accepting : t.notAccepting}
            </p>`
      }
      ${
        isBookingUrl(clinician.bookingUrl)
          ? html`<a
              part="booking"
              href=${clinician.bookingUrl}
              rel="noopener"
              aria-label="${t.book}: ${name}"
              >${t.book}</a
            >`
          : nothing
      }
    </div>
  </div>`
}

/**
 * schema.org IndividualPhysician (a Physician is an organization, an IndividualPhysician a
 * person) practising at its MedicalClinic.
 */
export function physicianJsonLd(clinician: Clinician): Record<string, unknown> {
  const {photo} = clinician
  return {
    '@type': 'IndividualPhysician',
    name: personName(clinician),
    image: (photo && photoUrl(photo, photoWidths(photo).at(-1)!)) ?? undefined,
    medicalSpecialty: textList(clinician.specialties),
    usNPI: text(clinician.npi),
    isAcceptingNewPatients:
      typeof clinician.acceptingNewPatients === 'boolean'
        ? clinician.acceptingNewPatients
        : undefined,
    knowsLanguage: textList(clinician.languages),
    practicesAt: entries(clinician.clinics).map((clinic) => ({
      '@type': 'MedicalClinic',
      name: text(clinic.name),
      url: webUrl(clinic.url),
      telephone: text(clinic.phone),
      address: postalAddress(clinic.address),
    })),
  }
}
