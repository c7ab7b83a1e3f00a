// clinic-kit widgets: element classes (unregistered), configuration and the define helper.
export {CkArticle} from './article/ck-article'
export {CkFaq} from './faq/ck-faq'
export {configure, type WidgetConfig} from './content/config'
export {ContentError} from './content/client'
export {defineElements} from './define'
