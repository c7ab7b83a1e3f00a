// Settings is a single document (its id is fixed, opened from the structure): it can be edited
// and published, never created from the "new document" menu, deleted or duplicated.
import type {DocumentActionComponent} from 'sanity'
import {SITE_SETTINGS_TYPE} from '../model/constants'

const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore'])

export const isSettingsType = (type: string) => type === SITE_SETTINGS_TYPE

export function singletonActions(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  return actions.filter(({action}) => action && SINGLETON_ACTIONS.has(action))
}
