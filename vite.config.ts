// Two library builds: `vite build` → dist/clinic-kit.js (ESM, Lit as a dependency) and
// `CK_BUILD=iife vite build` → dist/clinic-kit.iife.js (one self-contained <script>).
import {defineConfig} from 'vite'

const iife = process.env.CK_BUILD === 'iife'

export default defineConfig({
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
            'ck-faq': 'widgets/faq/ck-faq.ts',
            'ck-article': 'widgets/article/ck-article.ts',
          },
          formats: ['es'],
          fileName: (_f, name) => `${name}.js`,
        },
    rollupOptions: iife ? {} : {external: [/^lit/, /^@portabletext\//]},
  },
})
