// The <ck-clinician-list> entry (dist/ck-clinician-list.js): registers the tag, unless already defined, and exports the class.
import {CkClinicianList} from './ck-clinician-list'

if (!customElements.get('ck-clinician-list'))
  customElements.define('ck-clinician-list', CkClinicianList)

export {CkClinicianList}
