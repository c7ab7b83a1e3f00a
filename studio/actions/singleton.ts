import type {DocumentActionComponent} from 'sanity'

/** Settings is a single document: it can be edited and published, never deleted or duplicated. */
const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore'])

export function singletonActions(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  return actions.filter(({action}) => action && SINGLETON_ACTIONS.has(action))
}
