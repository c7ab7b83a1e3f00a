import {defineCliConfig} from 'sanity/cli'

// TypeGen runs twice (`npm run typegen`): the project's schema types into sanity.types.ts, and,
// with CK_TYPEGEN=widgets, the widget package's query result types beside its GROQ queries
// (widgets/content/sanity.types.ts), so the package imports nothing outside its folder.
const widgets = process.env.CK_TYPEGEN === 'widgets'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'clinickit',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  deployment: {autoUpdates: false},
  typegen: {
    path: widgets ? ['./widgets/**/*.{ts,tsx}'] : ['./content/**/*.ts', './importer/**/*.ts'],
    // The staleness tests generate into a temp folder and compare with the committed files.
    schema: process.env.CK_TYPEGEN_SCHEMA || 'schema.json',
    generates:
      process.env.CK_TYPEGEN_OUT ||
      (widgets ? 'widgets/content/sanity.types.ts' : 'sanity.types.ts'),
  },
})
