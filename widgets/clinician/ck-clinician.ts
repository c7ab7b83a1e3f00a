import {LitElement, html, type PropertyValues} from 'lit'
import {resolveConfig} from '../content/config'
import {QueryController, renderLoadState} from '../content/controller'
import {syncJsonLd} from '../content/json-ld'
import {CLINICIAN_LISTEN_QUERY, CLINICIANS_QUERY, type Clinician} from '../content/queries'
import {strings} from '../i18n/strings'
import {stateStyles} from '../styles/states'
import {tokens} from '../styles/tokens'
import {physicianJsonLd, renderCard} from './card'
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
 * @cssprop --ck-color-border - Specialty chips.
 * @cssprop --ck-font - Font family.
 * @cssprop --ck-radius - Corner radius.
 * @cssprop --ck-space - Base spacing.
 * @cssprop --ck-photo-size - The photo's size (default 96px).
 *
 * @fires ck-load - The profile loaded: `{count}` (0 when no clinician has the slug).
 * @fires ck-error - Loading failed: `{message}`.
 */
export class CkClinician extends LitElement {
  static override styles = [tokens, stateStyles, cardStyles]

  static override properties = {
    slug: {type: String},
    lang: {type: String},
    headingLevel: {type: Number, attribute: 'heading-level'},
    live: {type: Boolean},
  }

  slug = ''
  override lang = ''
  headingLevel = 3
  live = false

  readonly #content = new QueryController<Clinician[]>(this, {
    query: CLINICIANS_QUERY,
    listenQuery: CLINICIAN_LISTEN_QUERY,
    params: () => ({slug: this.slug, clinic: '', specialty: '', limit: 1}),
    detail: (result) => ({count: result.length}),
  })
  #jsonLd?: HTMLScriptElement

  get clinician(): Clinician | null {
    return this.#content.result?.[0] ?? null
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.#jsonLd?.remove()
    this.#jsonLd = undefined
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Without a slug there is nothing to ask for: the element would show any clinician.
    if (changed.has('slug') && this.slug) void this.#content.load()
    if (changed.has('live')) this.#content.setLive(this.live)
  }

  /** Fetches the profile again (the error state's retry button calls this). */
  load(fresh = false): Promise<void> {
    return this.#content.load(fresh)
  }

  protected override updated(): void {
    const {clinician} = this
    this.#jsonLd = syncJsonLd(
      this,
      this.#jsonLd,
      clinician ? {'@context': 'https://schema.org', ...physicianJsonLd(clinician)} : null,
    )
  }

  protected override render() {
    const t = strings(this.lang || resolveConfig(this).lang)
    if (!this.slug) return html`<p part="status">${t.clinicianNotFound}</p>`
    const pending = renderLoadState(this.#content, t.loadingContent, t.clinicianError, t.retry)
    if (pending) return pending
    const {clinician} = this
    if (!clinician) return html`<p part="status">${t.clinicianNotFound}</p>`
    return renderCard(clinician, t, Math.min(6, Math.max(2, Number(this.headingLevel) || 3)))
  }
}
