// @clinic-kit/widgets/queries: every GROQ query the widgets send, their result types (generated
// by Sanity TypeGen from the queries and the schema), and the helpers that read CMS values the way
// the widgets do, for tools that show or check what an element will show (the Studio's preview).
export {
  ARTICLE_LISTEN_QUERY,
  ARTICLE_QUERY,
  CLINICIAN_LISTEN_QUERY,
  CLINICIANS_QUERY,
  FAQ_LISTEN_QUERY,
  FAQ_QUERY,
  type ArticlePerson,
  type ArticleQueryResult,
  type Clinician,
  type ClinicianPhoto,
  type FaqItem,
  type FaqQueryResult,
  type FaqSource,
  type PartnerTheme,
} from './content/queries'
export {entries, textList} from './content/values'
