// The Studio's workspaces: clinic-kit's content types and the Studio's features, each a plugin
// in its own folder, composed in order.
import {defineConfig, definePlugin, type WorkspaceOptions} from 'sanity'
import {structureTool} from 'sanity/structure'
import {schemaTypes} from '../schemas'
import {basePath, dataset, lakeApiHost, projectId, stagingDataset} from './env'
import {importPages} from './import'
import {medicalReview, reviewDocumentActions} from './medical-review'
import {readability} from './readability'
import {isSettingsType, singletonActions} from './settings'
import {defaultDocumentNode, structure} from './structure'

/** The content types, first: the plugins after it extend them. */
const contentTypes = definePlugin({name: 'clinic-kit/content-types', schema: {types: schemaTypes}})

const shared = {
  projectId,
  // On the local lake, log in with its token (open the printed URL with #token=…).
  ...(lakeApiHost ? {apiHost: lakeApiHost, auth: {loginMethod: 'token' as const}} : {}),
  plugins: [
    contentTypes(),
    structureTool({structure, defaultDocumentNode}),
    medicalReview(),
    readability(),
    // Bringing a clinic's existing pages in as unreviewed drafts (importer/).
    importPages(),
  ],
  // Settings is created once from the structure, never from the "new document" menu.
  schema: {
    templates: (templates) => templates.filter(({schemaType}) => !isSettingsType(schemaType)),
  },
  document: {
    // The workspace's own resolver runs after every plugin, Sanity's included (tasks, releases):
    // the review actions must, to reach release versions (see reviewDocumentActions).
    actions: (actions, context) =>
      isSettingsType(context.schemaType)
        ? singletonActions(actions)
        : reviewDocumentActions(actions, context),
    newDocumentOptions: (items) => items.filter(({templateId}) => !isSettingsType(templateId)),
  },
} satisfies Omit<WorkspaceOptions, 'name' | 'dataset' | 'basePath'>

/** `/studio` + `/production` → `/studio/production`; `/` + `/staging` → `/staging`. */
const under = (path: string) => `${basePath.replace(/\/+$/, '')}${path}`

// With a staging dataset (the local lake's default, or SANITY_STUDIO_STAGING_DATASET) the Studio
// has two workspaces, switched from the workspace menu: every workspace basePath needs the same
// number of segments (sanity's validateBasePaths), hence /production beside /staging. Without
// one it keeps a single workspace at basePath, and CLI tools (`sanity schema validate`) need no
// --workspace.
export default stagingDataset
  ? defineConfig([
      {...shared, name: 'production', title: 'clinic-kit', dataset, basePath: under('/production')},
      {
        ...shared,
        name: 'staging',
        title: 'clinic-kit (staging)',
        subtitle: stagingDataset,
        dataset: stagingDataset,
        basePath: under('/staging'),
      },
    ])
  : defineConfig({...shared, name: 'clinic-kit', title: 'clinic-kit', dataset, basePath})
