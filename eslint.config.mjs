// @ts-check
import nextPlugin from '@next/eslint-plugin-next';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundaries } from './scripts/eslint/boundaries.mjs';
import { noServerInClient } from './scripts/eslint/no-server-in-client.mjs';

const SOURCE_FILES = ['**/*.{ts,tsx,mts,mjs}'];

export default tseslint.config(
  {
    ignores: ['.next*/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.data/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: SOURCE_FILES,
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
    },
  },
  // Imports: no cycles, and every dependency resolves.
  {
    files: SOURCE_FILES,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  // Boundaries: what may import what (docs/architecture.md).
  {
    files: SOURCE_FILES,
    plugins: { fixpath: { rules: { boundaries, 'no-server-in-client': noServerInClient } } },
    rules: {
      'fixpath/boundaries': 'error',
      'fixpath/no-server-in-client': 'error',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
