// ESLint flat config: typescript-eslint for every TS file; Lit and web-component rules for widgets/;
// the architecture's arrows and no import cycles for every file (eslint/plugin.js).
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import lit from 'eslint-plugin-lit'
import wc from 'eslint-plugin-wc'
import {architectureConfig} from './eslint/plugin.js'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'widgets/dist/',
      '.sanity/',
      '.lake/',
      '.cache/',
      'sanity.types.ts',
      'widgets/content/sanity.types.ts',
      'test-results/',
      'custom-elements.json',
      'test/vendor/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node, ...globals.browser}},
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_'},
      ],
    },
  },
  {
    files: ['widgets/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widgets/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  ...architectureConfig(),
)
