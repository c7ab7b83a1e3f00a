// Two library builds: `vite build` → dist/clinic-kit.js (ESM, Lit as a dependency) and
// `CK_BUILD=iife vite build` → dist/clinic-kit.iife.js (one self-contained <script>).
import {defineConfig} from 'vite'
import {minifyTemplatesPlugin} from './widgets/build/minify-templates.ts'

const iife = process.env.CK_BUILD === 'iife'

export default defineConfig({
  plugins: [minifyTemplatesPlugin()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    // The ESM build runs first and starts from an empty dist/; the IIFE build adds to it.
    emptyOutDir: !iife,
    minify: true,
    sourcemap: true,
    lib: iife
      ? {
          entry: 'widgets/clinic-kit.ts',
          formats: ['iife'],
          name: '__clinicKitBundle',
          fileName: () => 'clinic-kit.iife.js',
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
