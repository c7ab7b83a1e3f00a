// The drop-in script: registers every tag and exposes window.clinicKit.configure().
import {configure} from './content/config'
import {defineElements} from './define'
import './events'

defineElements()

declare global {
  interface Window {
    clinicKit?: {configure: typeof configure}
  }
}
window.clinicKit = {...window.clinicKit, configure}
