// dist/ck-clinician.iife.js: the drop-in script for pages that only show clinicians:
// <ck-clinician>, <ck-clinician-list> (they share the card) and <ck-config>, and
// window.clinicKit.configure(), without the other elements.
import {CkClinicianList} from '../clinician-list/ck-clinician-list'
import {installDropIn} from '../drop-in'
import {CkClinician} from './ck-clinician'

installDropIn({'ck-clinician': CkClinician, 'ck-clinician-list': CkClinicianList})
