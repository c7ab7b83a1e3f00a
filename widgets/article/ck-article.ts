import {html, nothing} from 'lit'
import {ContentElement, headingLevel} from '../content/content-element'
import type {QuerySpec} from '../content/controller'
import {text, webUrl} from '../content/json-ld'
import {personName} from '../content/people'
import {entries, textList} from '../content/values'
import {
  ARTICLE_LISTEN_QUERY,
  ARTICLE_QUERY,
  type ArticlePerson,
  type ArticleQueryResult,
} from '../content/queries'
import {heading} from '../portable-text/heading'
import {ARTICLE_BLOCKS} from '../portable-text/blocks'
import {renderSources} from '../portable-text/citations'
import {cleanText} from '../portable-text/clean'
import {renderPortableText} from '../portable-text/render'
import {translate, uiLanguage} from '../i18n/strings'
import {stateStyles} from '../styles/states'
import {tokens} from '../styles/tokens'
import {ARTICLE_STRINGS} from './strings'
import {articleStyles} from './styles'

type Article = NonNullable<ArticleQueryResult['article']>

/** A review date as readers write it ("November 2, 2026", "2 de noviembre de 2026"). */
function longDate(isoDate: string, lang: string): string {
  const date = new Date(isoDate)
  if (Number.isNaN(date.getTime())) return isoDate
  // A calendar date: format it in UTC, where `new Date('2026-11-02')` puts it.
  return new Intl.DateTimeFormat(uiLanguage(lang), {dateStyle: 'long', timeZone: 'UTC'}).format(
    date,
  )
}
type RelatedFaq = NonNullable<Article['relatedFaqs']>[number]

/**
 * @summary A medically reviewed article with its reviewer, citations, disclaimer and related questions.
 * @element ck-article
 *
 * @attr slug - The article's slug, e.g. `prevent-headaches-with-botox`.
 * @attr lang - `en` or `es` for the UI strings (default: the article's language).
 * @attr clinician-url - Link pattern for the reviewer, `{slug}` replaced (default `#clinician-{slug}`).
 * @attr heading-level - Level of the article's title, 1–6 (default 1); its sections, sources and
 *   related questions sit one level below.
 * @attr internal-url - Link pattern for links to other articles, conditions, treatments and
 *   clinicians, `{type}` and `{slug}` replaced, e.g. `/{type}/{slug}`. Without it they read as text.
 * @attr live - Updates when the content changes.
 * @attr cache - `persist`: shows the last loaded article at once (localStorage), then refreshes.
 *
 * @prop {ArticleQueryResult | undefined} data - What ARTICLE_QUERY returns,
 *   shown as given (a JS property, see docs/widgets-content-in.md): nothing is fetched.
 *   `undefined` loads from the content service again.
 *
 * @csspart base - The wrapper around everything shown; its `lang` is the language shown.
 * @csspart title - The article title.
 * @csspart section-heading - The "Sources" and "Related questions" headings.
 * @csspart byline - "Medically reviewed by …" with the review date.
 * @csspart reviewer - The reviewer's link.
 * @csspart overdue - The notice shown when the review is overdue.
 * @csspart body - The article text, with the text parts below.
 * @csspart text-paragraph - A paragraph of the text.
 * @csspart text-heading - A heading in the text (also text-h2, text-h3 or text-h4).
 * @csspart text-h2 - A heading the editor made level 2 (its tag follows heading-level).
 * @csspart text-h3 - A heading the editor made level 3.
 * @csspart text-h4 - A heading the editor made level 4.
 * @csspart text-list - A bulleted or numbered list (nested lists inside their item).
 * @csspart text-list-item - A list item.
 * @csspart text-quote - A quotation.
 * @csspart text-link - A link in the text.
 * @csspart citation - A numbered citation marker linking to its source.
 * @csspart callout - A note, warning or emergency callout.
 * @csspart callout-info - An information callout (also callout-warning, callout-emergency).
 * @csspart callout-warning - A warning callout.
 * @csspart callout-emergency - An emergency callout.
 * @csspart callout-title - A callout's title.
 * @csspart figure - An image in the text, with its caption.
 * @csspart image - An image in the text.
 * @csspart caption - An image's caption.
 * @csspart sources - The numbered list of sources.
 * @csspart related - The related questions, each a disclosure that opens to its answer.
 * @csspart related-item - One related question and its answer (a `<details>`).
 * @csspart related-question - A related question (the `<summary>` that opens it).
 * @csspart related-answer - A related question's answer.
 * @csspart disclaimer - The medical disclaimer.
 * @csspart skeleton - Placeholder while loading.
 * @csspart status - Error and not-found messages.
 * @csspart retry - The retry button.
 *
 * @cssprop --ck-color-primary - Links, focus rings and the retry button.
 * @cssprop --ck-color-on-primary - Text on the retry button.
 * @cssprop --ck-color-text - Text colour.
 * @cssprop --ck-color-muted - Byline and disclaimer.
 * @cssprop --ck-color-bg - Background.
 * @cssprop --ck-color-border - Dividers and the loading placeholder.
 * @cssprop --ck-font - Font family.
 * @cssprop --ck-radius - Corner radius.
 * @cssprop --ck-space - Base spacing.
 * @cssprop --ck-padding - Space inside the element's edge (default none).
 *
 * @fires ck-load - The article loaded: `{id}` (`null` when no article has the slug).
 *   Also fires each time `data` is set.
 * @fires ck-error - Loading failed: `{message}`.
 */
export class CkArticle extends ContentElement<ArticleQueryResult> {
  static override styles = [tokens, stateStyles, articleStyles]

  static override properties = {
    slug: {type: String},
    clinicianUrl: {type: String, attribute: 'clinician-url'},
    internalUrl: {type: String, attribute: 'internal-url'},
    headingLevel: {type: Number, attribute: 'heading-level'},
  }

  slug = ''
  clinicianUrl = '#clinician-{slug}'
  internalUrl = ''
  headingLevel = 1

  protected static override inputs = ['slug']

  protected querySpec(): QuerySpec<ArticleQueryResult> {
    return {
      query: ARTICLE_QUERY,
      listenQuery: ARTICLE_LISTEN_QUERY,
      params: () => ({slug: this.slug}),
      detail: (result) => ({id: result.article?._id ?? null}),
      enabled: () => Boolean(this.slug),
    }
  }

  get article(): Article | null {
    return this.content.result?.article ?? null
  }

  /** Without its own `lang`, the article speaks its own language: byline and headings match it. */
  protected override get uiLang(): string {
    return this.lang || text(this.article?.language) || super.uiLang
  }

  readonly #internalHref = (type: string, slug: string) =>
    this.internalUrl
      .replace('{type}', encodeURIComponent(type))
      .replace('{slug}', encodeURIComponent(slug))

  #reviewerHref(person: ArticlePerson | null | undefined): string | null {
    return person?.slug
      ? this.clinicianUrl.replace('{slug}', encodeURIComponent(person.slug))
      : null
  }

  protected override jsonLdData(): object | null {
    return this.article ? this.#medicalWebPage(this.article) : null
  }

  /** MedicalWebPage: what search engines need to show a reviewed health page. */
  #medicalWebPage(article: Article): object {
    const reviewer = article.medicalReview?.reviewer
    return {
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      name: text(article.title),
      description: text(article.summary),
      inLanguage: text(article.language) ?? 'en',
      lastReviewed: text(article.medicalReview?.reviewedAt),
      reviewedBy: reviewer
        ? {'@type': 'IndividualPhysician', name: personName(reviewer)}
        : undefined,
      about: entries(article.conditions).map((c) => ({
        '@type': 'MedicalCondition',
        name: text(c.name),
        alternateName: textList(c.alternateNames),
      })),
      citation: entries(article.sources).map((s) => ({
        '@type': 'CreativeWork',
        name: text(s.title),
        publisher: text(s.publisher),
        url: webUrl(s.url),
      })),
    }
  }

  /** What the body and the related questions' answers left out. */
  protected override malformed(result: ArticleQueryResult): void {
    const article = result.article
    for (const value of [article?.body, ...entries(article?.relatedFaqs).map((faq) => faq.answer)])
      this.skip(cleanText(value).skipped)
  }

  protected override render() {
    const t = translate(ARTICLE_STRINGS, this.uiLang)
    const pending = this.renderPending(t.error)
    if (pending) return pending
    const {article} = this
    if (!article) return html`<p part="status">${t.notFound}</p>`
    const disclaimer = this.content.result?.disclaimer
    const review = article.medicalReview
    const reviewer = review?.reviewer
    const href = this.#reviewerHref(reviewer)
    const today = new Date().toISOString().slice(0, 10)
    const overdue = review?.nextReviewDue ? review.nextReviewDue < today : false
    const sources = entries(article.sources)
    const level = headingLevel(this.headingLevel, 1, 1)
    // A reference to a question that is gone (deleted, unpublished) resolves to null.
    const related = entries(article.relatedFaqs).filter((faq) => faq.question)
    return html`<article lang=${text(article.language) ?? nothing}>
      ${heading(level, 'title', article.title)}
      ${
        reviewer
          ? html`<p part="byline">
              ${t.reviewedBy}
              ${href ? html`<a part="reviewer" href=${href}>${personName(reviewer)}</a>` : personName(reviewer)}${review?.reviewedAt ? html` · <time datetime=${review.reviewedAt}>${longDate(review.reviewedAt, this.uiLang)}</time>` : nothing}
            </p>`
          : nothing
      }
      ${overdue ? html`<p part="overdue" role="note">${t.overdue}</p>` : nothing}
      <div part="body">
        ${renderPortableText(article.body, {
          sourceKeys: sources.map((s) => s._key),
          citationPrefix: 'ck-source-',
          internalHref: this.internalUrl ? this.#internalHref : undefined,
          heading,
          headingLevel: level,
          types: ARTICLE_BLOCKS,
        })}
      </div>
      ${
        sources.length
          ? html`${heading(level + 1, 'section-heading', t.sources)}
            ${renderSources(sources, 'ck-source-')}`
          : nothing
      }
      ${related.length ? this.#renderRelated(related, level, t.related) : nothing}
      ${disclaimer ? html`<p part="disclaimer">${disclaimer}</p>` : nothing}
    </article>`
  }

  /**
   * Related questions that open to their answers: native disclosures, so the keyboard, screen
   * readers and find-in-page (which opens a closed one) work without script of ours.
   */
  #renderRelated(related: RelatedFaq[], level: number, title: string) {
    return html`${heading(level + 1, 'section-heading', title)}
      <div part="related">
        ${related.map(
          (faq) =>
            html`<details part="related-item">
              <summary part="related-question">${faq.question}</summary>
              <div part="related-answer">${renderPortableText(faq.answer)}</div>
            </details>`,
        )}
      </div>`
  }
}
