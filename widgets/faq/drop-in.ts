// dist/ck-faq.iife.js: the drop-in script for pages that only show FAQs (a partner clinic's site):
// <ck-faq> and <ck-config>, and window.clinicKit.configure(), without the other elements.
import {installDropIn} from '../drop-in'
import {CkFaq} from './ck-faq'

installDropIn({'ck-faq': CkFaq})
