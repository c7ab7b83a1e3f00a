import {BookIcon} from '@sanity/icons/Book'
import {ClockIcon} from '@sanity/icons/Clock'
import {CogIcon} from '@sanity/icons/Cog'
import {HelpCircleIcon} from '@sanity/icons/HelpCircle'
import {InboxIcon} from '@sanity/icons/Inbox'
import {RestoreIcon} from '@sanity/icons/Restore'
import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import type {
  DefaultDocumentNodeResolver,
  StructureResolver,
  View,
  ViewBuilder,
} from 'sanity/structure'
import {FAQ_CATEGORIES, SITE_SETTINGS_ID, SITE_SETTINGS_TYPE} from '../model/constants'
import {addMonths, todayIso} from '../model/review/dates'
import {DEFAULT_REVIEW_INTERVAL_MONTHS, SCHEMA_API_VERSION} from '../model/constants'
import {REVIEWED_TYPES} from '../model/review/state'
import {REVIEW_GUARD_EVENT_TYPE} from '../model/review/guard-record'
import {ReviewsView} from './medical-review'
import {LINKED_CLINICIANS_QUERY} from './medical-review/data/clinicians'
import {PartnerEmbedView} from './partner-embed'
import {PREVIEWED_TYPES, PreviewView} from './preview'

// Never reviewed, no reviewer, past its due date, or (without a due date) older than the interval.
export const NEEDS_REVIEW_FILTER = `_type in ["article", "faq"] && (
  !defined(medicalReview.reviewer) ||
  !defined(medicalReview.reviewedAt) ||
  medicalReview.nextReviewDue < $today ||
  (!defined(medicalReview.nextReviewDue) && medicalReview.reviewedAt < $lapsedBefore)
)`

export function needsReviewParams(now: Date = new Date()) {
  const today = todayIso(now)
  return {today, lapsedBefore: addMonths(today, -DEFAULT_REVIEW_INTERVAL_MONTHS)}
}

/** Articles and FAQs in review, and those asked of the given clinicians: no joins in a list. */
export const IN_REVIEW_FILTER = '_type in ["article", "faq"] && reviewRequest.status == "inReview"'
export const WAITING_FOR_ME_FILTER = `${IN_REVIEW_FILTER} && reviewRequest.reviewer._ref in $clinicianIds`

export const structure: StructureResolver = (S, context) =>
  S.list()
    .title('Content')
    .items([
      S.documentTypeListItem('article').title('Articles'),
      S.listItem()
        .title('FAQs')
        .icon(HelpCircleIcon)
        .child(
          S.list()
            .title('FAQs')
            .items([
              S.listItem()
                .title('All FAQs')
                .child(
                  S.documentTypeList('faq')
                    .title('All FAQs')
                    .defaultOrdering([{field: 'orderRank', direction: 'asc'}]),
                ),
              S.listItem()
                .title('By category')
                .child(
                  S.list()
                    .title('By category')
                    .items(
                      FAQ_CATEGORIES.map(({title, value}) =>
                        S.listItem()
                          .id(`category-${value}`)
                          .title(title)
                          .child(
                            S.documentList()
                              .title(title)
                              .schemaType('faq')
                              .filter('_type == "faq" && category == $category')
                              .apiVersion(SCHEMA_API_VERSION)
                              .params({category: value})
                              .defaultOrdering([{field: 'orderRank', direction: 'asc'}]),
                          ),
                      ),
                    ),
                ),
              S.listItem()
                .title('By condition')
                .child(
                  S.documentTypeList('condition')
                    .title('By condition')
                    .child((conditionId) =>
                      S.documentList()
                        .title('FAQs')
                        .schemaType('faq')
                        .filter('_type == "faq" && $conditionId in conditions[]._ref')
                        .apiVersion(SCHEMA_API_VERSION)
                        .params({conditionId}),
                    ),
                ),
            ]),
        ),
      S.divider(),
      S.documentTypeListItem('clinician').title('Clinicians'),
      S.documentTypeListItem('condition').title('Conditions'),
      S.documentTypeListItem('treatment').title('Treatments'),
      S.documentTypeListItem('clinic').title('Clinics'),
      S.documentTypeListItem('partner').title('Partners'),
      S.documentTypeListItem('glossaryTerm').title('Glossary').icon(BookIcon),
      S.divider(),
      S.listItem()
        .id('waiting-for-my-review')
        .title('Waiting for my review')
        .icon(InboxIcon)
        .child(async () => {
          // The clinicians this user signs off for, resolved once when the list opens.
          const clinicianIds = await context
            .getClient({apiVersion: SCHEMA_API_VERSION})
            .fetch<string[]>(
              LINKED_CLINICIANS_QUERY,
              {userId: context.currentUser?.id ?? ''},
              {perspective: 'raw'},
            )
          return S.documentList()
            .id('waiting-for-my-review-list')
            .title('Waiting for my review')
            .filter(WAITING_FOR_ME_FILTER)
            .apiVersion(SCHEMA_API_VERSION)
            .params({clinicianIds})
            .defaultOrdering([{field: 'reviewRequest.requestedAt', direction: 'asc'}])
        }),
      S.listItem()
        .id('in-review')
        .title('In review')
        .icon(ClockIcon)
        .child(
          S.documentList()
            .id('in-review-list')
            .title('In review')
            .filter(IN_REVIEW_FILTER)
            .apiVersion(SCHEMA_API_VERSION)
            .defaultOrdering([{field: 'reviewRequest.requestedAt', direction: 'asc'}]),
        ),
      S.listItem()
        .title('Needs medical review')
        .icon(WarningOutlineIcon)
        .child(
          S.documentList()
            .title('Needs medical review')
            .filter(NEEDS_REVIEW_FILTER)
            .apiVersion(SCHEMA_API_VERSION)
            .params(needsReviewParams())
            .defaultOrdering([{field: 'medicalReview.nextReviewDue', direction: 'asc'}]),
        ),
      // What the review guard repaired on the hosted project (functions/review-guard).
      S.listItem()
        .id('review-guard')
        .title('Review guard')
        .icon(RestoreIcon)
        .child(
          S.documentTypeList(REVIEW_GUARD_EVENT_TYPE)
            .title('Review guard')
            .initialValueTemplates([])
            .defaultOrdering([{field: 'at', direction: 'desc'}]),
        ),
      S.listItem()
        .title('Settings')
        .icon(CogIcon)
        .child(
          S.document()
            .schemaType(SITE_SETTINGS_TYPE)
            .documentId(SITE_SETTINGS_ID)
            .title('Settings'),
        ),
    ])

/**
 * The form, and beside it each feature's view: "Preview" for what readers see (preview/),
 * "Embed code" for partners (partner-embed/), "Reviews" for articles and FAQs: the review trail
 * and what changed since (medical-review/).
 */
export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) => {
  const views: Array<View | ViewBuilder> = [S.view.form()]
  if (PREVIEWED_TYPES.has(schemaType))
    views.push(S.view.component(PreviewView).id('preview').title('Preview'))
  if (schemaType === 'partner') views.push(S.view.component(PartnerEmbedView).title('Embed code'))
  if ((REVIEWED_TYPES as readonly string[]).includes(schemaType))
    views.push(S.view.component(ReviewsView).title('Reviews'))
  return views.length > 1 ? S.document().views(views) : S.document()
}
