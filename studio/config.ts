import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {schemaTypes} from '../schemas'
import {singletonActions} from './actions'
import {REVIEWED_TYPES, reviewOverdueBadge} from './badges'
import {basePath, dataset, lakeApiHost, projectId} from './env'
import {defaultDocumentNode, structure} from './structure'

const SINGLETON_TYPES = new Set(['siteSettings'])

export default defineConfig({
  name: 'clinic-kit',
  title: 'clinic-kit',
  projectId,
  dataset,
  basePath,
  // On the local lake, log in with its token (open the printed URL with #token=…).
  ...(lakeApiHost ? {apiHost: lakeApiHost, auth: {loginMethod: 'token' as const}} : {}),
  plugins: [structureTool({structure, defaultDocumentNode})],
  schema: {
    types: schemaTypes,
    // Settings is created once from the structure, never from the "new document" menu.
    templates: (templates) => templates.filter(({schemaType}) => !SINGLETON_TYPES.has(schemaType)),
  },
  document: {
    actions: (actions, {schemaType}) =>
      SINGLETON_TYPES.has(schemaType) ? singletonActions(actions) : actions,
    badges: (badges, {schemaType}) =>
      REVIEWED_TYPES.includes(schemaType) ? [...badges, reviewOverdueBadge] : badges,
    newDocumentOptions: (items) => items.filter(({templateId}) => !SINGLETON_TYPES.has(templateId)),
  },
})
