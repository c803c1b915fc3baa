// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layer rules (see DESIGN.md): shared/ is pure, the renderer never touches Electron, the main
 * process never touches the renderer, and screens never touch Dexie tables directly.
 */
const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'http',
  'https',
  'net',
  'worker_threads',
];

const sharedForbidden = {
  paths: [
    ...['electron', 'dexie', 'dexie-react-hooks', 'react', 'react-dom', 'react-router', 'dompurify', 'marked'].map((name) => ({
      name,
      message: 'shared/ is pure TypeScript: no Electron, Dexie, React or DOM libraries.',
    })),
    ...NODE_BUILTINS.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node built-ins.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
    {
      group: ['**/renderer/**', '**/electron/**', 'electron/*', 'dexie/*', 'react-dom/*'],
      message: 'shared/ imports nothing from other layers.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      '/reports/**',
      'playwright-report/**',
      'bench/out/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'eslint-comments/require-description': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedForbidden] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the main process only through window.legation (shared/bridge.ts).' }],
          patterns: [{ group: ['**/electron/**', 'electron/*'], message: 'The renderer never imports the main process.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the main process only through window.legation.' },
            { name: 'dexie', message: 'Screens use the repositories and hooks in renderer/db, never tables.' },
          ],
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer never imports the main process.' },
            {
              group: ['**/db/database', '**/db/database.ts'],
              message: 'Screens use the repositories in renderer/db, never the Dexie instance.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie', 'dexie-react-hooks'].map((name) => ({
            name,
            message: 'The main process holds no UI and no user data.',
          })),
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
