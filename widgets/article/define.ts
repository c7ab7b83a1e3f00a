// The <ck-article> entry (dist/ck-article.js): registers the tag, unless already defined, and exports the class.
import {defineElement} from '../define-element'
import {CkArticle} from './ck-article'

defineElement('ck-article', CkArticle)

export {CkArticle}
