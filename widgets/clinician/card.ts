// A clinician's card and its schema.org IndividualPhysician entry, shared by <ck-clinician> and
// <ck-clinician-list>.
import {html, nothing} from 'lit'
import {isWebUrl} from '../content/config'
import {photoSrcset, photoUrl, photoWidths, PHOTO_WIDTHS} from '../content/image'
import {initials, personName} from '../content/people'
import type {Clinician} from '../content/queries'
import {entries, textList} from '../content/values'
import type {ClinicianStrings} from './strings'

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
        isWebUrl(clinician.bookingUrl)
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
    usNPI: clinician.npi ?? undefined,
    isAcceptingNewPatients: clinician.acceptingNewPatients ?? undefined,
    knowsLanguage: textList(clinician.languages),
    practicesAt: entries(clinician.clinics).map((clinic) => ({
      '@type': 'MedicalClinic',
      name: clinic.name,
      url: isWebUrl(clinic.url) ? clinic.url : undefined,
      telephone: clinic.phone ?? undefined,
      address: clinic.address
        ? {...clinic.address, _type: undefined, '@type': 'PostalAddress'}
        : undefined,
    })),
  }
}
