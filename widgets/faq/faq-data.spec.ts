/// <reference types="mocha" />
// <ck-faq> given its content through `data` (see widgets/testing/content-in.ts).
import {describeContentIn} from '../testing/content-in'
import {text} from '../testing/spec-page'
import type {FaqQueryResult} from '../content/queries'

describeContentIn<FaqQueryResult>({
  tag: 'ck-faq',
  markup: '<ck-faq topic="chronic-migraine" lang="en" structured-data></ck-faq>',
  edit: (result) => ({
    ...result,
    faqs: result.faqs.map((faq, i) => (i ? faq : {...faq, question: 'A question given as data'})),
  }),
  shown: (element) => text(element.shadowRoot?.querySelector('[part~="button"]')),
  edited: 'A question given as data',
})
