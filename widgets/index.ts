// clinic-kit widgets: element classes (unregistered), configuration and the define helper.
export {CkArticle} from './article/ck-article'
export {CkClinician} from './clinician/ck-clinician'
export {CkClinicianList} from './clinician-list/ck-clinician-list'
export {CkFaq} from './faq/ck-faq'
export {configure, type SanityClientLike, type WidgetConfig} from './content/config'
export {ContentError, type ContentErrorKind} from './content/client'
export {defineElement, defineElements} from './define'
export type {CkErrorEvent, CkFaqToggleEvent, CkLoadEvent} from './events'
