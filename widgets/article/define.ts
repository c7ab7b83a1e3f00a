// The <ck-article> entry (dist/ck-article.js): registers the tag, unless already defined, and exports the class.
import {CkArticle} from './ck-article'

if (!customElements.get('ck-article')) customElements.define('ck-article', CkArticle)

export {CkArticle}
