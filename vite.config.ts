// Library builds: `vite build` → dist/clinic-kit.js and one entry per element (ESM, Lit as a
// dependency); `CK_BUILD=iife vite build` → dist/clinic-kit.iife.js (one self-contained <script>
// with every element); `CK_BUILD=iife-faq`, `iife-article`, `iife-clinician` → the drop-in script
// for FAQs, articles or clinicians only (dist/ck-faq.iife.js, …).
import {defineConfig} from 'vite'
import {contentConfigFromEnv} from './config/client.ts'
import {minifyTemplatesPlugin} from './widgets/build/minify-templates.ts'
import type {ContentLocation} from './widgets/content/config.ts'

const DROP_INS = {
  iife: {entry: 'widgets/clinic-kit.ts', file: 'clinic-kit.iife.js'},
  'iife-faq': {entry: 'widgets/faq/drop-in.ts', file: 'ck-faq.iife.js'},
  'iife-article': {entry: 'widgets/article/drop-in.ts', file: 'ck-article.iife.js'},
  'iife-clinician': {entry: 'widgets/clinician/drop-in.ts', file: 'ck-clinician.iife.js'},
} as const
const dropIn = DROP_INS[process.env.CK_BUILD as keyof typeof DROP_INS]
const iife = Boolean(dropIn)

// Where the built widgets read content when a page says nothing: the environment's project (the
// same variables the tools read), never its token, since the scripts are public.
const content = contentConfigFromEnv()
const location: ContentLocation = {
  projectId: content.projectId,
  dataset: content.dataset,
  apiVersion: content.apiVersion,
  apiHost: content.apiHost ?? 'hosted',
}

export default defineConfig({
  plugins: [minifyTemplatesPlugin()],
  define: {__CK_CONTENT__: JSON.stringify(location)},
  build: {
    target: 'es2022',
    outDir: 'dist',
    // The ESM build runs first and starts from an empty dist/; the IIFE builds add to it.
    emptyOutDir: !iife,
    minify: true,
    sourcemap: true,
    lib: dropIn
      ? {
          entry: dropIn.entry,
          formats: ['iife'],
          name: '__clinicKitBundle',
          fileName: () => dropIn.file,
        }
      : {
          entry: {
            'clinic-kit': 'widgets/index.ts',
            'ck-faq': 'widgets/faq/define.ts',
            'ck-article': 'widgets/article/define.ts',
            'ck-clinician': 'widgets/clinician/define.ts',
            'ck-clinician-list': 'widgets/clinician-list/define.ts',
            react: 'widgets/react.ts',
          },
          formats: ['es'],
          fileName: (_f, name) => `${name}.js`,
        },
    rollupOptions: iife ? {} : {external: [/^lit/, /^@lit\//, /^@portabletext\//, /^react/]},
  },
})
