// React wrappers (`clinic-kit/react`): each element as a React component whose props set the
// element's properties and whose on… props listen to its events. Importing registers the tags.
import {createComponent, type EventName} from '@lit/react'
import * as React from 'react'
import {CkArticle as CkArticleElement} from './article/ck-article'
import {CkClinician as CkClinicianElement} from './clinician/ck-clinician'
import {CkClinicianList as CkClinicianListElement} from './clinician-list/ck-clinician-list'
import {defineElements} from './define'
import type {CkErrorEvent, CkFaqToggleEvent, CkLoadEvent} from './events'
import {CkFaq as CkFaqElement} from './faq/ck-faq'

defineElements()

const loadEvents = {
  onCkLoad: 'ck-load' as EventName<CkLoadEvent>,
  onCkError: 'ck-error' as EventName<CkErrorEvent>,
}

/** `<ck-faq>`: `onCkFaqToggle`, `onCkLoad`, `onCkError`. */
export const CkFaq = createComponent({
  react: React,
  tagName: 'ck-faq',
  elementClass: CkFaqElement,
  displayName: 'CkFaq',
  events: {...loadEvents, onCkFaqToggle: 'ck-faq-toggle' as EventName<CkFaqToggleEvent>},
})

/** `<ck-article>`: `onCkLoad`, `onCkError`. */
export const CkArticle = createComponent({
  react: React,
  tagName: 'ck-article',
  elementClass: CkArticleElement,
  displayName: 'CkArticle',
  events: loadEvents,
})

/** `<ck-clinician>`: `onCkLoad`, `onCkError`. */
export const CkClinician = createComponent({
  react: React,
  tagName: 'ck-clinician',
  elementClass: CkClinicianElement,
  displayName: 'CkClinician',
  events: loadEvents,
})

/** `<ck-clinician-list>`: `onCkLoad`, `onCkError`. */
export const CkClinicianList = createComponent({
  react: React,
  tagName: 'ck-clinician-list',
  elementClass: CkClinicianListElement,
  displayName: 'CkClinicianList',
  events: loadEvents,
})

export {configure, type WidgetConfig} from './content/config'
