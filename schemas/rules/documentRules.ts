// Rules computed over the whole document and shown on the field they concern: the medical
// review's approval and the slug, review overdue, reading grade. One error rule and one
// warning rule per type keep the levels apart.
import type {DocumentRule} from 'sanity'
import {fetchReadingGradeTarget} from './readingGradeRule'
import {readingGradeMessage} from '../../model/readability/targets'
import {overdueReviewMessage, type ReviewDates} from '../../model/review/dates'
import {reviewRuleMessage} from '../../model/review/publish-rule'

export interface DocumentErrorOptions {
  /** The text must be the one a clinician approved (rules/reviewRule). */
  review?: boolean
  /** The message when the slug is missing (uniqueness is the slug type's own rule). */
  slug?: string
}

/** Errors: a text that is not the approved one, or a missing slug. */
export function documentErrors({review = false, slug}: DocumentErrorOptions) {
  return (rule: DocumentRule) =>
    rule
      .custom(async (doc, {getClient}) => {
        const problems: Array<{message: string; path: string[]}> = []
        const fields = (doc ?? {}) as Record<string, unknown>
        const reviewMessage = review ? await reviewRuleMessage(fields, getClient) : true
        if (reviewMessage !== true) problems.push({message: reviewMessage, path: ['medicalReview']})
        if (slug && !(fields.slug as {current?: string} | undefined)?.current)
          problems.push({message: slug, path: ['slug']})
        return problems.length > 0 ? problems : true
      })
      .error()
}

export interface DocumentWarningOptions {
  /** The document has a `medicalReview` that can fall overdue. */
  review?: boolean
  /** Rich-text fields whose reading grade is checked. */
  richText?: string[]
}

export function documentWarnings({review = false, richText = []}: DocumentWarningOptions) {
  return (rule: DocumentRule) =>
    rule
      .custom(async (doc, {getClient}) => {
        const problems: Array<{message: string; path: string[]}> = []
        if (review) {
          const message = overdueReviewMessage(doc?.medicalReview as ReviewDates | undefined)
          if (message !== true) problems.push({message, path: ['medicalReview']})
        }
        // Graded in the document's language: Flesch-Kincaid for English, INFLESZ for Spanish.
        const language = (doc as {language?: string} | undefined)?.language ?? 'en'
        const graded = language === 'en' || language === 'es' ? richText : []
        // The clinic's target from Settings (grade 8 unless set), as the readability panel shows.
        const target =
          graded.length && language === 'en' ? await fetchReadingGradeTarget(getClient) : undefined
        for (const field of graded) {
          const value = (doc as Record<string, unknown> | undefined)?.[field]
          const message = readingGradeMessage(value, language, target)
          if (message !== true) problems.push({message, path: [field]})
        }
        return problems.length > 0 ? problems : true
      })
      .warning()
}

/** The document-level rules of a content type: errors and warnings, each with its own level. */
export function documentRules(options: DocumentErrorOptions & DocumentWarningOptions) {
  return (rule: DocumentRule) => [documentErrors(options)(rule), documentWarnings(options)(rule)]
}

export const SLUG_MISSING = 'Generate a slug so the page has a web address.'
