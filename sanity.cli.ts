import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'clinickit',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  deployment: {autoUpdates: false},
  typegen: {
    path: ['./widgets/**/*.{ts,tsx}', './content/**/*.ts', './lake/**/*.ts'],
    schema: 'schema.json',
    generates: 'sanity.types.ts',
  },
})
