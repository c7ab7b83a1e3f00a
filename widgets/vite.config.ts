// Library builds of the @clinic-kit/widgets package, run in this folder (its dist/ is the one build
// the lake, the demo, the Studio preview and the tests use): `vite build` → dist/clinic-kit.js and
// one entry per element (ESM, Lit as a dependency); `CK_BUILD=iife vite build` → dist/clinic-kit.iife.js (one self-contained <script>
// with every element); `CK_BUILD=iife-faq`, `iife-article`, `iife-clinician` → the drop-in script
// for FAQs, articles or clinicians only (dist/ck-faq.iife.js, …).
import {defineConfig} from 'vite'
import {contentLocationFromEnv} from './build/content-location.ts'
import {litMessagesPlugin} from './build/lit-messages.ts'
import {minifyTemplatesPlugin} from './build/minify-templates.ts'
import pkg from './package.json' with {type: 'json'}

const DROP_INS = {
  iife: {entry: 'clinic-kit.ts', file: 'clinic-kit.iife.js'},
  'iife-faq': {entry: 'faq/drop-in.ts', file: 'ck-faq.iife.js'},
  'iife-article': {entry: 'article/drop-in.ts', file: 'ck-article.iife.js'},
  'iife-clinician': {entry: 'clinician/drop-in.ts', file: 'ck-clinician.iife.js'},
} as const
const dropIn = DROP_INS[process.env.CK_BUILD as keyof typeof DROP_INS]
const iife = Boolean(dropIn)

// Where the built widgets read content when a page says nothing: the environment's project.
const location = contentLocationFromEnv(process.env)

export default defineConfig({
  plugins: [minifyTemplatesPlugin(), litMessagesPlugin()],
  // The package version, stamped into every build so a page can report which one it runs.
  define: {__CK_CONTENT__: JSON.stringify(location), __CK_VERSION__: JSON.stringify(pkg.version)},
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
            'clinic-kit': 'index.ts',
            'ck-faq': 'faq/define.ts',
            'ck-article': 'article/define.ts',
            'ck-clinician': 'clinician/define.ts',
            'ck-clinician-list': 'clinician-list/define.ts',
            react: 'react.ts',
            // Subpath exports for tools: @clinic-kit/widgets/theme, /queries and /fingerprint.
            theme: 'theme.ts',
            queries: 'queries.ts',
            fingerprint: 'fingerprint.ts',
            // @clinic-kit/widgets/ssr: Node only, with @lit-labs/ssr (never in the drop-ins).
            ssr: 'ssr/index.ts',
          },
          formats: ['es'],
          fileName: (_f, name) => `${name}.js`,
        },
    rollupOptions: iife
      ? {}
      : {
          external: [
            /^lit/,
            /^@lit\//,
            /^@lit-labs\//,
            /^@sanity\//,
            /^node:/,
            /^@portabletext\//,
            /^react/,
          ],
        },
  },
})
