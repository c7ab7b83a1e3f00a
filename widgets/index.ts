// clinic-kit widgets: element classes (unregistered), configuration and the define helper.
export {CkArticle} from './article/ck-article'
export {CkClinician} from './clinician/ck-clinician'
export {CkClinicianList} from './clinician-list/ck-clinician-list'
export {CkConfig} from './config/ck-config'
export {CkFaq} from './faq/ck-faq'
export {configure, type WidgetConfig} from './content/config'
export {ContentError, type ContentErrorKind} from './content/client'
export {defineElements} from './define'
export {defineElement} from './define-element'
export type {CkErrorEvent, CkFaqToggleEvent, CkLoadEvent} from './events'
// The shapes of each element's `data` (what its query returns).
export type {ArticleQueryResult, Clinician, FaqQueryResult} from './content/queries'
