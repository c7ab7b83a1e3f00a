// dist/ck-faq.iife.js: the drop-in script for pages that only show FAQs (a partner clinic's site):
// <ck-faq> and <ck-config>, and window.clinicKit.configure(), without the other elements.
import {CkConfig} from '../config/ck-config'
import {configure} from '../content/config'
import {defineElement} from '../define-element'
import '../events'
import {CkFaq} from './ck-faq'

defineElement('ck-faq', CkFaq)
defineElement('ck-config', CkConfig)

window.clinicKit = {...window.clinicKit, configure}
