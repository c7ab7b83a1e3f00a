// The Import tool, as the Studio registers it (studio/config.ts).
import {UploadIcon} from '@sanity/icons/Upload'
import type {Tool} from 'sanity'
import {ImportTool} from './ImportTool'

export const importTool: Tool = {
  name: 'import',
  title: 'Import',
  icon: UploadIcon,
  component: ImportTool,
}
