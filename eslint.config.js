// @ts-check
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layer rules (see DESIGN.md and docs/ARCHITECTURE.md): shared/ is pure, the renderer never
 * touches Electron, the main process never touches the renderer, screens never touch Dexie tables,
 * and inside the renderer the folders are fenced (`legation/fences` below). A unit test lints a
 * deliberate violation of each fence: tests/unit/repo/lint-fences.test.ts.
 */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));

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
      group: ['electron/*', '@electron/*', 'dexie/*', 'dexie-*', 'react/*', 'react-dom/*', 'react-*', '@tanstack/react-*'],
      message: 'shared/ is pure TypeScript: no Electron, Dexie, React or DOM libraries.',
    },
  ],
};

const electronForbidden = {
  paths: ['react', 'react-dom', 'dexie', 'dexie-react-hooks'].map((name) => ({
    name,
    message: 'The main process holds no UI and no user data.',
  })),
  patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
};

const ROOT = import.meta.dirname;

/**
 * The folder fences. A relative import is resolved to a repository path (no extension) and checked
 * against every fence whose `from` matches the importing file. Package imports are the business of
 * `no-restricted-imports` below.
 * @type {{ from: RegExp, forbids: (to: string, from: RegExpExecArray) => boolean, message: string }[]}
 */
const FENCES = [
  {
    from: /^renderer\/components\//,
    forbids: (to) => /^renderer\/(app|features)(\/|$)/.test(to),
    message: 'renderer/components holds pieces shared by screens: it imports neither the shell (renderer/app) nor a feature.',
  },
  {
    from: /^renderer\/features\/([^/]+)\//,
    forbids: (to, [, own]) => {
      const other = /^renderer\/features\/([^/]+)\/(.+)$/.exec(to);
      return other !== null && other[1] !== own && other[2] !== 'index';
    },
    message:
      'A feature imports another feature only through its index.ts; a piece two features share belongs in renderer/components or shared/.',
  },
  {
    from: /^renderer\/features\//,
    forbids: (to) => /^renderer\/db\/(?!index$)/.test(to),
    message: 'Features reach the database only through its public entry, renderer/db (index.ts).',
  },
  {
    from: /^shared\//,
    forbids: (to) => !/^shared(\/|$)/.test(to),
    message: 'shared/ is pure and imports nothing from the other layers (renderer, electron, scripts, tests).',
  },
  {
    from: /^electron\//,
    forbids: (to) => /^renderer(\/|$)/.test(to),
    message: 'electron/ never imports the renderer.',
  },
  {
    from: /^electron\/preload\//,
    forbids: (to) => /^electron\/main(\/|$)/.test(to),
    message: 'The sandboxed preload imports nothing from the main process (electron/common holds what both use).',
  },
  {
    from: /^electron\/(main|common)\//,
    forbids: (to) => /^electron\/preload(\/|$)/.test(to),
    message: 'The main process imports nothing from the preload (electron/common holds what both use).',
  },
];

/**
 * Known exceptions, each with its reason. Keep this list short: an entry is a debt, not a rule.
 * @type {{ file: string, to: string, reason: string }[]}
 */
const FENCE_EXCEPTIONS = [
  {
    // The barrel would load the window's database instance and the React hooks into the worker.
    file: 'renderer/features/import/hsg.worker.ts',
    to: 'renderer/db/dataset-import',
    reason: 'the dataset-import worker writes through the import writer directly',
  },
];

/** @param {string} file @param {string} specifier */
function resolveImport(file, specifier) {
  const absolute = path.resolve(path.dirname(file), specifier);
  return path
    .relative(ROOT, absolute)
    .split(path.sep)
    .join('/')
    .replace(/\.(tsx?|mts|cts|mjs|cjs|js)$/, '');
}

/** @type {import('eslint').Rule.RuleModule} */
const fencesRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Imports stay inside the folder fences of the architecture.' } },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const fences = FENCES.map((fence) => ({ fence, match: fence.from.exec(file) })).filter((entry) => entry.match !== null);
    if (fences.length === 0) return {};
    /** @param {any} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = resolveImport(context.filename, source.value);
      if (FENCE_EXCEPTIONS.some((exception) => exception.file === file && exception.to === to)) return;
      for (const { fence, match } of fences) {
        if (match && fence.forbids(to, match)) context.report({ node: source, message: `${fence.message} ('${source.value}')` });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
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
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { legation: { rules: { fences: fencesRule } } },
    rules: { 'legation/fences': 'error' },
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
    rules: { 'no-restricted-imports': ['error', electronForbidden] },
  },
  {
    // Bundled into the sandboxed preload, which can require nothing but 'electron'.
    files: ['electron/preload/**/*.ts', 'electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronForbidden.paths,
            ...NODE_BUILTINS.map((name) => ({ name, message: 'The sandboxed preload can require only electron: no Node built-ins.' })),
          ],
          patterns: [
            ...electronForbidden.patterns,
            { group: ['node:*'], message: 'The sandboxed preload can require only electron: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
