// The import plugin: the Import tool, bringing a clinic's existing pages in as unreviewed drafts
// (importer/).
import {UploadIcon} from '@sanity/icons/Upload'
import {definePlugin, type Tool} from 'sanity'
import {ImportTool} from './ImportTool'

export const importTool: Tool = {
  name: 'import',
  title: 'Import',
  icon: UploadIcon,
  component: ImportTool,
}

export const importPages = definePlugin({
  name: 'clinic-kit/import',
  tools: (tools) => [...tools, importTool],
})
