// The <ck-clinician> entry (dist/ck-clinician.js): registers the tag, unless already defined, and exports the class.
import {defineElement} from '../define-element'
import {CkClinician} from './ck-clinician'

defineElement('ck-clinician', CkClinician)

export {CkClinician}
