// dist/ck-article.iife.js: the drop-in script for pages that only show articles: <ck-article> and
// <ck-config>, and window.clinicKit.configure(), without the other elements.
import {CkConfig} from '../config/ck-config'
import {configure} from '../content/config'
import {defineElement} from '../define-element'
import '../events'
import {CkArticle} from './ck-article'

defineElement('ck-article', CkArticle)
defineElement('ck-config', CkConfig)

window.clinicKit = {...window.clinicKit, configure}
