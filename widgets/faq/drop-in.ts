// dist/ck-faq.iife.js: the drop-in script for pages that only show FAQs (a partner clinic's site):
// <ck-faq> and <ck-config>, and window.clinicKit.configure(), without the other elements.
import {CkConfig} from '../config/ck-config'
import {configure} from '../content/config'
import '../events'
import {CkFaq} from './ck-faq'

for (const [tag, element] of [
  ['ck-faq', CkFaq],
  ['ck-config', CkConfig],
] as const)
  if (!customElements.get(tag)) customElements.define(tag, element)

window.clinicKit = {...window.clinicKit, configure}
