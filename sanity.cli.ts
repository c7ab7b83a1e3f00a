import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'clinickit',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  deployment: {autoUpdates: false},
  typegen: {
    path: ['./widgets/**/*.{ts,tsx}', './content/**/*.ts', './lake/**/*.ts'],
    // The staleness test generates into a temp folder and compares with the committed files.
    schema: process.env.CK_TYPEGEN_SCHEMA || 'schema.json',
    generates: process.env.CK_TYPEGEN_OUT || 'sanity.types.ts',
  },
})
