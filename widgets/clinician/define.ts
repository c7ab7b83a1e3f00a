// The <ck-clinician> entry (dist/ck-clinician.js): registers the tag, unless already defined, and exports the class.
import {CkClinician} from './ck-clinician'

if (!customElements.get('ck-clinician')) customElements.define('ck-clinician', CkClinician)

export {CkClinician}
