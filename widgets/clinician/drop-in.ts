// dist/ck-clinician.iife.js: the drop-in script for pages that only show clinicians:
// <ck-clinician>, <ck-clinician-list> (they share the card) and <ck-config>, and
// window.clinicKit.configure(), without the other elements.
import {CkClinicianList} from '../clinician-list/ck-clinician-list'
import {CkConfig} from '../config/ck-config'
import {configure} from '../content/config'
import {defineElement} from '../define-element'
import '../events'
import {CkClinician} from './ck-clinician'

defineElement('ck-clinician', CkClinician)
defineElement('ck-clinician-list', CkClinicianList)
defineElement('ck-config', CkConfig)

window.clinicKit = {...window.clinicKit, configure}
