/// <reference types="mocha" />
// <ck-clinician> given its content through `data` (see widgets/testing/content-in.ts).
import {describeContentIn} from '../testing/content-in'
import {text} from '../testing/spec-page'
import type {Clinician} from '../content/queries'

describeContentIn<Clinician[]>({
  tag: 'ck-clinician',
  markup: '<ck-clinician slug="sloane-yu"></ck-clinician>',
  edit: (result) => result.map((c, i) => (i ? c : {...c, givenName: 'Given'})),
  shown: (element) => text(element.shadowRoot?.querySelector('[part~="name"]')),
  edited: 'Dr. Given Yu, MD',
})
