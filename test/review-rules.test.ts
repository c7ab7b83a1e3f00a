// Where a text's medical review stands (model/review/state.ts) and what editors read about
// it: every state, the blocking messages, the list statuses, the four-eyes rule and the dates.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {approve} from '../content/approvals'
import {sampleApprover} from '../content/source'
import {dueDateReadOnly} from '../schemas/objects/medicalReview'
import {reviewPreviewSelect, reviewSubtitle} from '../schemas/previews'
import {
  editorDate,
  fourEyesMessage,
  reviewBlockingMessage,
  reviewListStatus,
  reviewRecordId,
  reviewRequestLine,
  reviewState,
} from '../model/review/state'
import {fingerprintOf, MEDICAL_CONTENT_FIELDS} from '../model/review/fingerprint'
import {REVIEWER_NOT_LINKED, reviewProblem} from '../model/review/publish-rule'
import {publishedIdOf} from '../model/sanity/ids'

const faq = {
  _id: 'faq-rules',
  _type: 'faq',
  question: 'What is chronic migraine?',
  answer: [
    {
      _type: 'block',
      _key: 'a',
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: 'a1', text: 'Headache on 15 or more days a month.'}],
    },
  ],
}
const {document: approved, record} = approve(faq, sampleApprover)
const changed = {...approved, question: 'What is a chronic migraine?'}

describe('reviewState', () => {
  it('approved: the record backs the review and the text is the one approved', async () => {
    assert.deepEqual(reviewState(approved, await fingerprintOf(approved), record), {
      state: 'approved',
      reviewerName: 'Dr. Sloane Yu',
      reviewedAt: '2026-11-02',
    })
  })
  it('changed: the approval is real but the text changed since', async () => {
    assert.deepEqual(reviewState(changed, await fingerprintOf(changed), record), {
      state: 'changed',
      reviewerName: 'Dr. Sloane Yu',
      reviewedAt: '2026-11-02',
    })
  })
  it('also for the draft of the approved document', async () => {
    const draft = {...approved, _id: `drafts.${approved._id}`}
    assert.equal(reviewState(draft, await fingerprintOf(draft), record).state, 'approved')
  })
  it('notReviewed: no review at all', async () => {
    const fingerprint = await fingerprintOf(faq)
    assert.deepEqual(reviewState(faq, fingerprint, null), {state: 'notReviewed'})
    assert.deepEqual(reviewState({...faq, medicalReview: {}}, fingerprint, null), {
      state: 'notReviewed',
    })
  })
  it('unapproved: a review no approval record backs', async () => {
    const fingerprint = await fingerprintOf(approved)
    const review = approved.medicalReview
    const cases: Array<[string, Parameters<typeof reviewState>[0], typeof record | null]> = [
      ['no record', approved, null],
      ['typed in', {medicalReview: {reviewer: review.reviewer, reviewedAt: '2026-11-02'}}, null],
      ['a change request', approved, {...record, kind: 'changesRequested'}],
      ['another record id', approved, {...record, _id: 'reviews.faq-rules.other'}],
      ['another document', approved, {...record, documentId: 'faq-other'}],
      ['tampered fingerprint', approved, {...record, fingerprint: `v1:${'0'.repeat(64)}`}],
      ['another reviewer', approved, {...record, reviewer: {_ref: 'clinician-other'}}],
      ['another day', approved, {...record, at: '2026-11-03T09:00:00Z'}],
      ['another user', approved, {...record, userId: 'editor'}],
    ]
    for (const [name, doc, rec] of cases)
      assert.deepEqual(reviewState(doc, fingerprint, rec), {state: 'unapproved'}, name)
  })
})

describe('reviewBlockingMessage', () => {
  it('lets an approved text publish and tells editors what to do otherwise', () => {
    assert.equal(
      reviewBlockingMessage({
        state: 'approved',
        reviewerName: 'Dr. Sloane Yu',
        reviewedAt: '2026-11-02',
      }),
      true,
    )
    assert.equal(
      reviewBlockingMessage({
        state: 'changed',
        reviewerName: 'Dr. Sloane Yu',
        reviewedAt: '2026-11-02',
      }),
      'Changed after Dr. Sloane Yu approved it on 2 Nov 2026: request a new review.',
    )
    assert.equal(
      reviewBlockingMessage({state: 'notReviewed'}),
      'Not reviewed: a clinician must approve this text before it can be published. Request a review.',
    )
    assert.equal(
      reviewBlockingMessage({state: 'unapproved'}),
      'This review was not approved by a clinician in the Studio: request a new review.',
    )
  })
})

describe('reviewProblem (the schema rule)', () => {
  it('needs the approval signed by the reviewer’s linked Studio user', async () => {
    const linked = {record, linkedUser: 'clinician-sloane-yu'}
    assert.equal((await reviewProblem(approved, linked)).message, true)
    assert.equal(
      (await reviewProblem(approved, {record, linkedUser: null})).message,
      REVIEWER_NOT_LINKED,
    )
    assert.equal(
      (await reviewProblem(approved, {record, linkedUser: 'someone-else'})).message,
      REVIEWER_NOT_LINKED,
    )
    assert.equal(
      (await reviewProblem(changed, linked)).message,
      'Changed after Dr. Sloane Yu approved it on 2 Nov 2026: request a new review.',
    )
  })
})

describe('reviewListStatus and the list previews', () => {
  it('names the request, then the approval', () => {
    const inReview = {status: 'inReview' as const}
    assert.equal(
      reviewListStatus('notReviewed', inReview, 'Dr. Sloane Yu'),
      'In review · Dr. Sloane Yu',
    )
    assert.equal(
      reviewListStatus('approved', {status: 'changesRequested'}, 'Dr. Sloane Yu'),
      'Changes requested · Dr. Sloane Yu',
    )
    assert.equal(reviewListStatus('approved', null, 'Dr. Sloane Yu'), 'Reviewed by Dr. Sloane Yu')
    assert.equal(
      reviewListStatus('changed', null, 'Dr. Sloane Yu'),
      'Changed since Dr. Sloane Yu’s review · needs review',
    )
    assert.equal(reviewListStatus('changed', null), 'Changed since its review · needs review')
    assert.equal(reviewListStatus('unapproved', undefined), 'Review not approved')
    assert.equal(reviewListStatus('notReviewed', null), 'Not reviewed')
  })
  /** The values a list preview selects (schemas/previews.ts reviewPreviewSelect) of `doc`. */
  const previewValues = (doc: Record<string, unknown>, due = '2099-11-02') => {
    const review = doc.medicalReview as Record<string, unknown> | undefined
    const values: Record<string, unknown> = {
      reviewerName: review?.reviewerName,
      reviewedAt: review?.reviewedAt,
      nextReviewDue: review ? due : undefined,
      reviewRecord: review?.record,
      reviewFingerprint: review?.fingerprint,
      reviewerRef: (review?.reviewer as {_ref?: string} | undefined)?._ref,
    }
    for (const field of MEDICAL_CONTENT_FIELDS) values[`medical_${field}`] = doc[field]
    return values
  }
  it('select the medical fields under their own keys, and the review the fingerprint needs', () => {
    for (const field of MEDICAL_CONTENT_FIELDS)
      assert.equal(reviewPreviewSelect[`medical_${field}`], field)
    assert.equal(reviewPreviewSelect.reviewFingerprint, 'medicalReview.fingerprint')
    assert.equal(reviewPreviewSelect.reviewRecord, 'medicalReview.record')
  })
  it('previews show the request, the approval with its due date, or nothing', () => {
    const request = {requestPrefix: 'Dr.', requestGivenName: 'Sloane', requestFamilyName: 'Yu'}
    assert.equal(
      reviewSubtitle({...request, requestStatus: 'inReview'}),
      'In review · Dr. Sloane Yu',
    )
    assert.equal(
      reviewSubtitle({...previewValues(changed), ...request, requestStatus: 'changesRequested'}),
      'Changes requested · Dr. Sloane Yu',
    )
    assert.equal(
      reviewSubtitle(previewValues(approved)),
      'Reviewed by Dr. Sloane Yu · due 2099-11-02',
    )
    assert.equal(
      reviewSubtitle({...previewValues(approved, '2025-11-02'), reviewedAt: '2024-11-02'}),
      'Review overdue since 2025-11-02 (Dr. Sloane Yu)',
    )
    assert.equal(reviewSubtitle(previewValues(faq)), 'Not reviewed')
    assert.equal(reviewSubtitle({}), 'Not reviewed')
  })
  it('a text changed since its approval reads as changed, as Publish decides, not as reviewed', async () => {
    assert.equal(
      reviewSubtitle(previewValues(changed)),
      'Changed since Dr. Sloane Yu’s review · needs review',
    )
    // One changed word in the answer, a source added, a tag changed: each one counts.
    const answer = structuredClone(approved.answer)
    answer[0]!.children[0]!.text = 'Headache on 15 or more days each month.'
    for (const doc of [
      {...approved, answer},
      {...approved, sources: [{_type: 'citation', _key: 's', title: 'WHO'}]},
      {...approved, conditions: [{_type: 'reference', _key: 'c', _ref: 'condition-migraine'}]},
    ]) {
      assert.equal(reviewState(doc, await fingerprintOf(doc), record).state, 'changed')
      assert.match(reviewSubtitle(previewValues(doc)), /^Changed since Dr\. Sloane Yu’s review/)
    }
    // Keys and span splits a reader cannot see change nothing.
    const resplit = structuredClone(approved.answer)
    resplit[0]!.children = [
      {_type: 'span', _key: 'x', text: 'Headache on 15 or more '},
      {_type: 'span', _key: 'y', text: 'days a month.'},
    ]
    assert.match(reviewSubtitle(previewValues({...approved, answer: resplit})), /^Reviewed by/)
  })
  it('a review with no approval record or fingerprint reads as not approved', () => {
    const typed = {...faq, medicalReview: {reviewerName: 'Dr. Sloane Yu', reviewedAt: '2026-11-02'}}
    assert.equal(reviewSubtitle(previewValues(typed)), 'Review not approved')
    const {record: _r, ...noRecord} = approved.medicalReview
    assert.equal(
      reviewSubtitle(previewValues({...approved, medicalReview: noRecord})),
      'Review not approved',
    )
  })
})

describe('reviewRequestLine', () => {
  const request = {
    status: 'inReview' as const,
    reviewer: {_ref: 'clinician-sloane-yu'},
    requestedBy: 'editor',
    requestedAt: '2026-11-02T09:30:12.345Z',
    note: 'Please check the dose.',
  }
  it('says whom the editor asked, who asked and when', () => {
    assert.equal(
      reviewRequestLine(request, {reviewer: 'Dr. Sloane Yu', requester: 'Content editor'}),
      'Review requested from Dr. Sloane Yu by Content editor on 2 Nov 2026, 09:30 UTC',
    )
  })
  it('leaves out what is not known', () => {
    assert.equal(
      reviewRequestLine({...request, requestedAt: undefined}, {reviewer: 'Dr. Sloane Yu'}),
      'Review requested from Dr. Sloane Yu',
    )
    assert.equal(
      reviewRequestLine({requestedAt: '2026-11-02'}, {}),
      'Review requested on 2 Nov 2026',
    )
  })
})

describe('fourEyesMessage', () => {
  const refusal =
    'You wrote changes in this draft since its last approval. With four-eyes review on (Settings), another reviewer must approve it.'
  it('refuses a reviewer who wrote changes since the last approval, when on', () => {
    assert.equal(
      fourEyesMessage(true, 'clinician-sloane-yu', ['editor', 'clinician-sloane-yu']),
      refusal,
    )
    assert.equal(fourEyesMessage(true, 'clinician-sloane-yu', ['editor']), true)
    assert.equal(fourEyesMessage(true, 'clinician-sloane-yu', []), true)
  })
  it('lets anyone approve when off', () => {
    assert.equal(fourEyesMessage(false, 'clinician-sloane-yu', ['clinician-sloane-yu']), true)
  })
})

describe('dates and ids', () => {
  it('editorDate reads dates and date-times the way editors write them', () => {
    assert.equal(editorDate('2026-11-02'), '2 Nov 2026')
    assert.equal(editorDate('2026-01-31T23:00:00Z'), '31 Jan 2026')
    assert.equal(editorDate('not a date'), 'not a date')
  })
  it('records live under reviews.<published id>', () => {
    assert.equal(reviewRecordId('drafts.faq-x', 'abc'), 'reviews.faq-x.abc')
    assert.equal(reviewRecordId('versions.r1.faq-x', 'abc'), 'reviews.faq-x.abc')
    assert.equal(publishedIdOf('faq-x'), 'faq-x')
  })
})

describe('the next review date in the form', () => {
  const user = (...names: string[]) =>
    ({
      currentUser: {
        id: 'u',
        name: 'U',
        email: 'u@x',
        roles: names.map((name) => ({name, title: name})),
      },
    }) as Parameters<typeof dueDateReadOnly>[0]
  it('is editable by medical reviewers and administrators only', () => {
    assert.equal(dueDateReadOnly(user('medicalReviewer')), false)
    assert.equal(dueDateReadOnly(user('administrator')), false)
    assert.equal(dueDateReadOnly(user('editor')), true)
    assert.equal(dueDateReadOnly({currentUser: null}), true)
  })
})
