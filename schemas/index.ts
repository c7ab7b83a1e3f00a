// Every content type of clinic-kit, registered with the Studio in this order.
import {article} from './documents/article'
import {clinic} from './documents/clinic'
import {clinician} from './documents/clinician'
import {condition} from './documents/condition'
import {faq} from './documents/faq'
import {glossaryTerm} from './documents/glossaryTerm'
import {partner} from './documents/partner'
import {reviewGuardEvent} from './documents/reviewGuardEvent'
import {reviewRecord} from './documents/reviewRecord'
import {siteSettings} from './documents/siteSettings'
import {treatment} from './documents/treatment'
import {blockContent} from './objects/blockContent'
import {callout} from './objects/callout'
import {citation} from './objects/citation'
import {citationMarker} from './objects/citationMarker'
import {education} from './objects/education'
import {importSource} from './objects/importSource'
import {internalLink} from './objects/internalLink'
import {link} from './objects/link'
import {medicalReview} from './objects/medicalReview'
import {openingHours} from './objects/openingHours'
import {postalAddress} from './objects/postalAddress'
import {reviewRequest} from './objects/reviewRequest'
import {seo} from './objects/seo'
import {simpleBlockContent} from './objects/simpleBlockContent'
import {themeTokens} from './objects/themeTokens'

export const documentTypes = [
  article,
  faq,
  clinician,
  condition,
  treatment,
  clinic,
  partner,
  siteSettings,
  reviewRecord,
  reviewGuardEvent,
  glossaryTerm,
]

export const objectTypes = [
  blockContent,
  simpleBlockContent,
  callout,
  link,
  internalLink,
  citationMarker,
  medicalReview,
  reviewRequest,
  citation,
  seo,
  postalAddress,
  openingHours,
  themeTokens,
  education,
  importSource,
]

export const schemaTypes = [...documentTypes, ...objectTypes]
