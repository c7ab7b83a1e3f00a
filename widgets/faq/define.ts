// The <ck-faq> entry (dist/ck-faq.js): registers the tag, unless already defined, and exports the class.
import {CkFaq} from './ck-faq'

if (!customElements.get('ck-faq')) customElements.define('ck-faq', CkFaq)

export {CkFaq}
