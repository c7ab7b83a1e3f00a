/// <reference types="mocha" />
// <ck-article> given its content through `data` (see widgets/testing/content-in.ts).
import {describeContentIn} from '../testing/content-in'
import {text} from '../testing/spec-page'
import type {ArticleQueryResult} from '../content/queries'

describeContentIn<ArticleQueryResult>({
  tag: 'ck-article',
  markup: '<ck-article slug="prevent-headaches-with-botox"></ck-article>',
  edit: (result) => ({...result, article: {...result.article!, title: 'An article given as data'}}),
  shown: (element) => text(element.shadowRoot?.querySelector('[part~="title"]')),
  edited: 'An article given as data',
})
