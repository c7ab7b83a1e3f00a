// dist/ck-article.iife.js: the drop-in script for pages that only show articles: <ck-article> and
// <ck-config>, and window.clinicKit.configure(), without the other elements.
import {installDropIn} from '../drop-in'
import {CkArticle} from './ck-article'

installDropIn({'ck-article': CkArticle})
