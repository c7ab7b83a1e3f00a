// The Studio's own pieces: the "Review overdue" badge, the "Needs medical review" list filter,
// a partner's embed code, and an offline `sanity build` of the whole Studio.
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {promisify} from 'node:util'
import {evaluate, parse} from 'groq-js'
import type {DocumentBadgeProps} from 'sanity'
import {reviewOverdueBadge} from '../studio/medical-review/badges'
import {partnerEmbedSnippet, WIDGETS_URL_PLACEHOLDER} from '../studio/partner-embed/snippet'
import {NEEDS_REVIEW_FILTER, needsReviewParams} from '../studio/structure'

const badgeFor = (medicalReview: unknown) =>
  reviewOverdueBadge({
    id: 'faq-x',
    type: 'faq',
    draft: null,
    published: {
      _id: 'faq-x',
      _type: 'faq',
      _createdAt: '',
      _updatedAt: '',
      _rev: '',
      medicalReview,
    },
  } as unknown as DocumentBadgeProps)

describe('Review overdue badge', () => {
  it('shows on an overdue review with its due date', () => {
    const badge = badgeFor({reviewedAt: '2024-01-01', nextReviewDue: '2025-01-01'})
    assert.equal(badge?.label, 'Review overdue')
    assert.equal(badge?.color, 'danger')
    assert.match(String(badge?.title), /2025-01-01/)
  })
  it('does not show on a current review', () => {
    assert.equal(badgeFor({reviewedAt: '2026-11-01', nextReviewDue: '2099-01-01'}), null)
  })
})

describe('Needs medical review list', () => {
  it('selects articles and FAQs never reviewed or overdue, and nothing else', async () => {
    const docs = [
      {
        _id: 'current',
        _type: 'faq',
        medicalReview: {
          reviewer: {_ref: 'c'},
          reviewedAt: '2026-10-01',
          nextReviewDue: '2027-10-01',
        },
      },
      {
        _id: 'past-due',
        _type: 'faq',
        medicalReview: {
          reviewer: {_ref: 'c'},
          reviewedAt: '2025-01-01',
          nextReviewDue: '2026-01-01',
        },
      },
      {
        _id: 'lapsed',
        _type: 'article',
        medicalReview: {reviewer: {_ref: 'c'}, reviewedAt: '2025-06-01'},
      },
      {
        _id: 'recent-no-due',
        _type: 'article',
        medicalReview: {reviewer: {_ref: 'c'}, reviewedAt: '2026-06-01'},
      },
      {_id: 'no-reviewer', _type: 'article', medicalReview: {reviewedAt: '2026-10-01'}},
      {_id: 'never', _type: 'faq'},
      {_id: 'clinician', _type: 'clinician'},
    ]
    const params = needsReviewParams(new Date('2026-11-24T00:00:00Z'))
    const tree = parse(`*[${NEEDS_REVIEW_FILTER}]._id`, {params})
    const ids = await (await evaluate(tree, {dataset: docs, params})).get()
    assert.deepEqual([...ids].sort(), ['lapsed', 'never', 'no-reviewer', 'past-due'])
  })
})

describe('Partner embed code', () => {
  it('names the partner and the script, with lang only for other languages than English', () => {
    assert.equal(
      partnerEmbedSnippet({
        slug: 'riverbend',
        language: 'en',
        widgetsUrl: 'https://cdn.example/ck/',
      }),
      '<script src="https://cdn.example/ck/ck-faq.iife.js"></script>\n<ck-faq partner="riverbend"></ck-faq>',
    )
    assert.match(
      String(partnerEmbedSnippet({slug: 'lakeshore', language: 'es', widgetsUrl: 'https://c'})),
      /<ck-faq partner="lakeshore" lang="es"><\/ck-faq>$/,
    )
  })

  it('has no code without a slug, and a placeholder while the scripts’ address is unknown', () => {
    assert.equal(partnerEmbedSnippet({slug: undefined, widgetsUrl: 'https://c'}), null)
    assert.ok(
      partnerEmbedSnippet({slug: 'x', widgetsUrl: ''})?.startsWith(
        `<script src="${WIDGETS_URL_PLACEHOLDER}/ck-faq.iife.js">`,
      ),
    )
  })

  it('on a local lake: script and content from its plain-HTTP address, other datasets named', () => {
    assert.equal(
      partnerEmbedSnippet({
        slug: 'riverbend',
        widgetsUrl: '',
        lakeUrl: 'http://127.0.0.1:4040/',
        dataset: 'production',
      }),
      '<script src="http://127.0.0.1:4040/dist/ck-faq.iife.js"></script>\n<ck-faq partner="riverbend" api-host="http://127.0.0.1:4040"></ck-faq>',
    )
    assert.match(
      String(
        partnerEmbedSnippet({
          slug: 'riverbend',
          widgetsUrl: '',
          lakeUrl: 'http://127.0.0.1:4040',
          dataset: 'staging',
        }),
      ),
      /<ck-faq partner="riverbend" api-host="http:\/\/127.0.0.1:4040" dataset="staging"><\/ck-faq>$/,
    )
  })

  it('for production: the configured script address, and no lake address', () => {
    assert.equal(
      partnerEmbedSnippet({
        slug: 'lakeshore',
        language: 'es',
        widgetsUrl: 'https://cdn.clinic.example/kit/',
        dataset: 'production',
      }),
      '<script src="https://cdn.clinic.example/kit/ck-faq.iife.js"></script>\n<ck-faq partner="lakeshore" lang="es"></ck-faq>',
    )
  })

  it('keeps quotes and angle brackets in values from breaking out of the attribute', () => {
    const snippet = partnerEmbedSnippet({slug: 'a"><script>', widgetsUrl: 'https://c'})
    assert.ok(snippet?.includes('partner="a&quot;>&lt;script>"'))
    assert.ok(!snippet?.includes('<script>"'))
  })
})

describe('Studio build', () => {
  it('`sanity build` builds the Studio offline', async () => {
    mkdirSync('.cache', {recursive: true})
    const out = mkdtempSync(join('.cache', 'studio-'))
    try {
      await promisify(execFile)(join('node_modules', '.bin', 'sanity'), ['build', out, '--yes'], {
        env: {...process.env, DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1'},
      })
      assert.ok(existsSync(join(out, 'index.html')))
      assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /<script/)
    } finally {
      rmSync(out, {recursive: true, force: true})
    }
  })
})
