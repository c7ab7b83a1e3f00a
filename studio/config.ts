import {createElement} from 'react'
import {defineConfig, type StringInputProps, type WorkspaceOptions} from 'sanity'
import {structureTool} from 'sanity/structure'
import {schemaTypes} from '../schemas'
import {REVIEW_RECORD_TYPE} from '../model/review/state'
import {documentActions} from './actions'
import {REVIEWED_TYPES, reviewOverdueBadge} from './medical-review/badges'
import {LinkedUserInput} from './medical-review/inputs/linkedUser'
import {withLinkedUserCheck} from './medical-review/inputs/linkedUserRule'
import {basePath, dataset, lakeApiHost, projectId, stagingDataset} from './env'
import {defaultDocumentNode, structure} from './structure'
import {importTool} from './import'

const NO_TEMPLATE_TYPES = new Set(['siteSettings', REVIEW_RECORD_TYPE])

const shared = {
  projectId,
  // On the local lake, log in with its token (open the printed URL with #token=…).
  ...(lakeApiHost ? {apiHost: lakeApiHost, auth: {loginMethod: 'token' as const}} : {}),
  plugins: [structureTool({structure, defaultDocumentNode})],
  // Bringing a clinic's existing pages in as unreviewed drafts (content/import).
  tools: (tools) => [...tools, importTool],
  schema: {
    types: withLinkedUserCheck(schemaTypes),
    // Settings is created once from the structure, never from the "new document" menu.
    // Review records are written by the review actions only.
    templates: (templates) =>
      templates.filter(({schemaType}) => !NO_TEMPLATE_TYPES.has(schemaType)),
  },
  form: {
    components: {
      // The clinician's linked user: only clinicians have a top-level `linkedUser`.
      input: (props) =>
        props.path.length === 1 &&
        props.path[0] === 'linkedUser' &&
        props.schemaType.jsonType === 'string'
          ? createElement(LinkedUserInput, props as StringInputProps)
          : props.renderDefault(props),
    },
  },
  document: {
    actions: (actions, {schemaType}) => documentActions(actions, schemaType),
    badges: (badges, {schemaType}) =>
      REVIEWED_TYPES.includes(schemaType) ? [...badges, reviewOverdueBadge] : badges,
    newDocumentOptions: (items) =>
      items.filter(({templateId}) => !NO_TEMPLATE_TYPES.has(templateId)),
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
