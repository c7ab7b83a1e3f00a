// What every drop-in script (dist/*.iife.js) does on load: register its elements and <ck-config>,
// each skipped when already defined, and expose window.clinicKit.configure() and .version.
import {CkConfig} from './config/ck-config'
import {configure} from './content/config'
import {defineElement} from './define-element'
import './events'
import {version} from './version'

declare global {
  interface Window {
    clinicKit?: {configure: typeof configure; version: string}
  }
}

export function installDropIn(elements: Record<string, CustomElementConstructor>): void {
  for (const [tag, element] of Object.entries({...elements, 'ck-config': CkConfig}))
    defineElement(tag, element)
  window.clinicKit = {...window.clinicKit, configure, version}
}
