// The <ck-faq> entry (dist/ck-faq.js): registers the tag, unless already defined, and exports the class.
import {defineElement} from '../define-element'
import {CkFaq} from './ck-faq'

defineElement('ck-faq', CkFaq)

export {CkFaq}
