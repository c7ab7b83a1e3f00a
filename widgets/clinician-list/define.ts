// The <ck-clinician-list> entry (dist/ck-clinician-list.js): registers the tag, unless already defined, and exports the class.
import {defineElement} from '../define-element'
import {CkClinicianList} from './ck-clinician-list'

defineElement('ck-clinician-list', CkClinicianList)

export {CkClinicianList}
