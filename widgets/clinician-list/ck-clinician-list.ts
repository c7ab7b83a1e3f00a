import {css, html} from 'lit'
import {ContentElement, headingLevel} from '../content/content-element'
import type {QuerySpec} from '../content/controller'
import {CLINICIAN_LISTEN_QUERY, CLINICIANS_QUERY, type Clinician} from '../content/queries'
import {physicianJsonLd, renderCard} from '../clinician/card'
import {CLINICIAN_STRINGS} from '../clinician/strings'
import {cardStyles} from '../clinician/styles'
import {translate} from '../i18n/strings'
import {stateStyles} from '../styles/states'
import {tokens} from '../styles/tokens'

/**
 * @summary The clinicians at a clinic or with a specialty, as a grid of profile cards.
 * @element ck-clinician-list
 *
 * @attr clinic - Clinic slug: only clinicians who practise there.
 * @attr specialty - Only clinicians with this specialty (any letter case).
 * @attr limit - Most clinicians to show (default 50).
 * @attr lang - `en` or `es` for the UI strings.
 * @attr heading-level - Level of each name's heading, 2–6 (default 3).
 * @attr live - Updates when the content changes.
 * @attr cache - `persist`: shows the last loaded list at once (localStorage), then refreshes.
 * @attr api-host - Content service (overrides `<ck-config>`); also project-id, dataset, api-version.
 *
 * @prop {Clinician[] | undefined} data - What CLINICIANS_QUERY returns,
 *   shown as given (a JS property, see docs/widgets-content-in.md): nothing is fetched.
 *   `undefined` loads from the content service again.
 *
 * @csspart base - The wrapper around everything shown; its `lang` is the language shown.
 * @csspart list - The grid of cards.
 * @csspart item - One clinician in the grid.
 * @csspart card - A clinician's card.
 * @csspart photo - The photo, or the initials shown without one (also `placeholder`).
 * @csspart placeholder - The initials shown when there is no photo.
 * @csspart details - Everything beside the photo.
 * @csspart name - The name with credentials (a heading).
 * @csspart role - The clinician's role.
 * @csspart specialties - The list of specialties.
 * @csspart specialty - One specialty.
 * @csspart clinic - A clinic where they practise.
 * @csspart languages - Languages spoken.
 * @csspart accepting - Whether they accept new patients.
 * @csspart booking - The booking button (a link).
 * @csspart skeleton - The placeholder while loading.
 * @csspart status - Empty and error messages.
 * @csspart retry - The retry button.
 *
 * @cssprop --ck-color-primary - Booking buttons, links and initials.
 * @cssprop --ck-color-on-primary - Text on the booking buttons.
 * @cssprop --ck-color-text - Text colour.
 * @cssprop --ck-color-muted - Roles and languages.
 * @cssprop --ck-color-bg - Background.
 * @cssprop --ck-color-border - Card borders and specialty chips.
 * @cssprop --ck-font - Font family.
 * @cssprop --ck-radius - Corner radius.
 * @cssprop --ck-space - Base spacing.
 * @cssprop --ck-padding - Space inside the element's edge (default none).
 * @cssprop --ck-photo-size - Each photo's size (default 96px).
 * @cssprop --ck-card-min-width - Narrowest a card gets before the grid wraps (default 18rem).
 *
 * @fires ck-load - The list loaded: `{count}`.
 *   Also fires each time `data` is set.
 * @fires ck-error - Loading failed: `{message}`.
 */
export class CkClinicianList extends ContentElement<Clinician[]> {
  static override styles = [
    tokens,
    stateStyles,
    cardStyles,
    css`
      [part~='list'] {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(
          auto-fill,
          minmax(min(100%, var(--ck-card-min-width, 18rem)), 1fr)
        );
        margin: 0;
        padding: 0;
        list-style: none;
      }
      [part~='item'] {
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
    `,
  ]

  static override properties = {
    clinic: {type: String},
    specialty: {type: String},
    limit: {type: Number},
    headingLevel: {type: Number, attribute: 'heading-level'},
  }

  clinic = ''
  specialty = ''
  limit = 50
  headingLevel = 3

  protected static override inputs = ['clinic', 'specialty', 'limit']

  protected querySpec(): QuerySpec<Clinician[]> {
    return {
      query: CLINICIANS_QUERY,
      listenQuery: CLINICIAN_LISTEN_QUERY,
      params: () => ({
        slug: '',
        clinic: this.clinic,
        specialty: this.specialty,
        limit: Math.max(1, Math.min(200, Number(this.limit) || 50)),
      }),
      detail: (result) => ({count: result.length}),
    }
  }

  get clinicians(): Clinician[] {
    return this.content.result ?? []
  }

  protected override jsonLdData(): object | null {
    const {clinicians} = this
    return clinicians.length
      ? {'@context': 'https://schema.org', '@graph': clinicians.map(physicianJsonLd)}
      : null
  }

  protected override render() {
    const t = translate(CLINICIAN_STRINGS, this.uiLang)
    const pending = this.renderPending(t.error)
    if (pending) return pending
    const {clinicians} = this
    if (!clinicians.length) return html`<p part="status">${t.noClinicians}</p>`
    const level = headingLevel(this.headingLevel)
    return html`<ul part="list">
      ${clinicians.map((c) => html`<li part="item">${renderCard(c, t, level)}</li>`)}
    </ul>`
  }
}
