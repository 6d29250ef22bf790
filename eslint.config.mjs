// ESLint for every workspace (DESIGN.md §2 rule 11: the tools keep the form). Run by `npm test` (`npm run lint`).
// Not type-aware: the type check is tsc's, and type-aware rules would double the time for little gain here.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', '.data/', '.esbuild/', '.esbuild-local*/', '.esbuild-package/', '.serverless/', 'coverage/', '**/.swc/', 'docs/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // An underscore marks what is left out on purpose (`const { a: _a, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Tests read untyped JSON answers; the product's own code keeps its types (tsc strict).
      '@typescript-eslint/no-explicit-any': 'off',
      // zod's `z` export is a namespace object holding every locale: bundled whole into every function (260 KB).
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
          message: "import * as z from 'zod' (tree-shaken; the `z` export brings every locale)",
        },
      ],
    },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'off' },
  },
  {
    files: ['**/*.{cjs,js}'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
)
