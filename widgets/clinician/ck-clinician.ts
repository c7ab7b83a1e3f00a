import {html} from 'lit'
import {ContentElement, headingLevel} from '../content/content-element'
import type {QuerySpec} from '../content/controller'
import {CLINICIAN_LISTEN_QUERY, CLINICIANS_QUERY, type Clinician} from '../content/queries'
import {translate} from '../i18n/strings'
import {stateStyles} from '../styles/states'
import {tokens} from '../styles/tokens'
import {physicianJsonLd, renderCard} from './card'
import {CLINICIAN_STRINGS} from './strings'
import {cardStyles} from './styles'

/**
 * @summary A clinician's profile card: photo, name and credentials, role, specialties, clinic,
 * languages, whether they accept new patients, and a booking button.
 * @element ck-clinician
 *
 * @attr slug - The clinician's slug, e.g. `sloane-yu`.
 * @attr lang - `en` or `es` for the UI strings.
 * @attr heading-level - Level of the name's heading, 2–6 (default 3).
 * @attr live - Updates when the content changes.
 * @attr cache - `persist`: shows the last loaded profile at once (localStorage), then refreshes.
 * @attr api-host - Content service (overrides `<ck-config>`); also project-id, dataset, api-version.
 *
 * @prop {Clinician[] | undefined} data - What CLINICIANS_QUERY returns,
 *   shown as given (a JS property, see docs/widgets-content-in.md): nothing is fetched.
 *   `undefined` loads from the content service again.
 *
 * @csspart base - The wrapper around everything shown; its `lang` is the language shown.
 * @csspart card - The card around everything.
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
 * @csspart status - Error and not-found messages.
 * @csspart retry - The retry button.
 *
 * @cssprop --ck-color-primary - Booking button, links and the initials' background.
 * @cssprop --ck-color-on-primary - Text on the booking button.
 * @cssprop --ck-color-text - Text colour.
 * @cssprop --ck-color-muted - Role and languages.
 * @cssprop --ck-color-bg - Background.
 * @cssprop --ck-color-border - Specialty chips.
 * @cssprop --ck-font - Font family.
 * @cssprop --ck-radius - Corner radius.
 * @cssprop --ck-space - Base spacing.
 * @cssprop --ck-padding - Space inside the element's edge (default none).
 * @cssprop --ck-photo-size - The photo's size (default 96px).
 *
 * @fires ck-load - The profile loaded: `{count}` (0 when no clinician has the slug).
 *   Also fires each time `data` is set.
 * @fires ck-error - Loading failed: `{message}`.
 */
export class CkClinician extends ContentElement<Clinician[]> {
  static override styles = [tokens, stateStyles, cardStyles]

  static override properties = {
    slug: {type: String},
    headingLevel: {type: Number, attribute: 'heading-level'},
  }

  slug = ''
  headingLevel = 3

  protected static override inputs = ['slug']

  protected querySpec(): QuerySpec<Clinician[]> {
    return {
      query: CLINICIANS_QUERY,
      listenQuery: CLINICIAN_LISTEN_QUERY,
      params: () => ({slug: this.slug, clinic: '', specialty: '', limit: 1}),
      detail: (result) => ({count: result.length}),
      // Without a slug the query would match any clinician: show none instead.
      enabled: () => Boolean(this.slug),
    }
  }

  get clinician(): Clinician | null {
    return this.content.result?.[0] ?? null
  }

  protected override jsonLdData(): object | null {
    const {clinician} = this
    return clinician ? {'@context': 'https://schema.org', ...physicianJsonLd(clinician)} : null
  }

  protected override render() {
    const t = translate(CLINICIAN_STRINGS, this.uiLang)
    const pending = this.renderPending(t.error)
    if (pending) return pending
    const {clinician} = this
    if (!clinician) return html`<p part="status">${t.notFound}</p>`
    return renderCard(clinician, t, headingLevel(this.headingLevel))
  }
}
