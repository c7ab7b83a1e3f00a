// The drop-in script with every element: registers every tag and exposes
// window.clinicKit.configure().
import {ELEMENTS} from './define'
import {installDropIn} from './drop-in'

installDropIn(ELEMENTS)
