/// <reference types="mocha" />
// <ck-clinician-list> given its content through `data` (see widgets/testing/content-in.ts).
import {describeContentIn} from '../testing/content-in'
import {text} from '../testing/spec-page'
import type {Clinician} from '../content/queries'

describeContentIn<Clinician[]>({
  tag: 'ck-clinician-list',
  markup: '<ck-clinician-list clinic="allied-pain-spine-institute"></ck-clinician-list>',
  edit: (result) => [{...result[0]!, givenName: 'Given', familyName: 'Asdata'}, ...result.slice(1)],
  shown: (element) => text(element.shadowRoot?.querySelector('[part~="name"]')),
  edited: 'Dr. Given Asdata, MD',
})
