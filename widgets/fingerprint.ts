// @clinic-kit/widgets/fingerprint: the fingerprint of a document's medical text, as the clinic's
// review model computes it, with Web Crypto. For sites and tools that render reviewed content
// themselves and show "Medically reviewed" only when the text is the one a clinician approved:
// compare fingerprintOf(document) with the document's `medicalReview.fingerprint`.
export {fingerprintInput, fingerprintOf} from './content/fingerprint'
