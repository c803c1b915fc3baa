import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The folder fences of eslint.config.js, checked on small in-memory sources linted at paths inside
 * each fenced folder: every deliberate violation is reported, and a legal import is not. The
 * sources do not exist on disk, so type-aware linting is switched off (the fences need none).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FENCE_RULES = new Set(['legation/fences', 'no-restricted-imports']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: path.join(root, 'eslint.config.js'),
    overrideConfig: [tseslint.configs.disableTypeChecked],
  });
});

/** The fence messages for one import of `specifier` written in `file` (repository path). */
async function fenceMessages(file: string, specifier: string): Promise<string[]> {
  const code = `import { thing } from '${specifier}';\nexport { thing };\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result?.messages.filter((message) => message.fatal) ?? [];
  expect(fatal, JSON.stringify(fatal)).toEqual([]);
  return (result?.messages ?? []).filter((message) => FENCE_RULES.has(message.ruleId ?? '')).map((message) => message.message);
}

const violations: [fence: string, file: string, specifier: string, expected: RegExp][] = [
  ['components do not import the shell', 'renderer/components/fence-probe.tsx', '../app/shortcuts', /renderer\/components/],
  ['components do not import a feature', 'renderer/components/fence-probe.tsx', '../features/visits', /renderer\/components/],
  ['components do not import a feature file', 'renderer/components/fence-probe.tsx', '../features/visits/list-params', /feature/],
  [
    'a feature does not import another feature’s internals',
    'renderer/features/import/fence-probe.ts',
    '../sources/source-draft',
    /index\.ts/,
  ],
  [
    'a feature does not reach into another feature by a longer path',
    'renderer/features/map/fence-probe.ts',
    '../../features/visits/list-params',
    /index\.ts/,
  ],
  ['a feature does not import a database internal', 'renderer/features/visits/fence-probe.ts', '../../db/visits', /public entry/],
  ['a feature does not import the Dexie instance', 'renderer/features/people/fence-probe.ts', '../../db/database', /./],
  ['a feature does not import Dexie', 'renderer/features/people/fence-probe.ts', 'dexie', /./],
  ['shared/ does not import Electron', 'shared/model/fence-probe.ts', 'electron', /pure/],
  ['shared/ does not import a Node built-in', 'shared/model/fence-probe.ts', 'node:fs', /Node built-ins/],
  ['shared/ does not import a bare Node built-in', 'shared/model/fence-probe.ts', 'path', /Node built-ins/],
  ['shared/ does not import React', 'shared/model/fence-probe.ts', 'react', /pure/],
  ['shared/ does not import React DOM', 'shared/model/fence-probe.ts', 'react-dom/client', /pure/],
  ['shared/ does not import Dexie', 'shared/model/fence-probe.ts', 'dexie', /pure/],
  ['shared/ does not import a DOM library', 'shared/model/fence-probe.ts', 'dompurify', /pure/],
  ['shared/ does not import the renderer', 'shared/model/fence-probe.ts', '../../renderer/db', /other layers/],
  ['shared/ does not import electron/', 'shared/fence-probe.ts', '../electron/main/security', /other layers/],
  ['electron/ does not import the renderer', 'electron/main/fence-probe.ts', '../../renderer/db', /never imports the renderer/],
  ['the preload does not import the main process', 'electron/preload/fence-probe.ts', '../main/security', /preload/],
  ['the preload does not import a Node built-in', 'electron/preload/fence-probe.ts', 'node:path', /Node built-ins/],
  ['the main process does not import the preload', 'electron/main/fence-probe.ts', '../preload/bridge-client', /preload/],
  ['the renderer does not import Electron', 'renderer/app/fence-probe.ts', 'electron', /window\.legation/],
];

const legal: [what: string, file: string, specifier: string][] = [
  ['a component imports another component', 'renderer/components/fence-probe.tsx', './dialog'],
  ['a component imports shared/', 'renderer/components/fence-probe.tsx', '../../shared/screens'],
  ['a feature imports its own files', 'renderer/features/import/fence-probe.ts', './review-model'],
  ['a feature imports another feature’s index', 'renderer/features/reconcile/fence-probe.ts', '../visits'],
  ['a feature imports another feature’s index by name', 'renderer/features/reconcile/fence-probe.ts', '../visits/index'],
  ['a feature imports the database entry', 'renderer/features/visits/fence-probe.ts', '../../db'],
  ['a feature imports components', 'renderer/features/visits/fence-probe.ts', '../../components'],
  ['the documented exception: the dataset worker', 'renderer/features/import/hsg.worker.ts', '../../db/dataset-import'],
  ['shared/ imports shared/', 'shared/model/fence-probe.ts', '../text/fold'],
  ['shared/ imports zod', 'shared/model/fence-probe.ts', 'zod'],
  ['the main process imports Node and electron/common', 'electron/main/fence-probe.ts', '../common/ipc-reply'],
  ['the main process imports a Node built-in', 'electron/main/fence-probe.ts', 'node:path'],
  ['the preload imports electron/common', 'electron/preload/fence-probe.ts', '../common/ipc-reply'],
  ['the preload imports shared/', 'electron/preload/fence-probe.ts', '../../shared/bridge'],
  ['the shell imports a feature', 'renderer/app/fence-probe.tsx', '../features/visits'],
];

describe('lint fences (eslint.config.js)', () => {
  it.each(violations)('%s', async (_fence, file, specifier, expected) => {
    const messages = await fenceMessages(file, specifier);
    expect(messages.length, `${file} → ${specifier}`).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(expected);
  });

  it.each(legal)('allows: %s', async (_what, file, specifier) => {
    expect(await fenceMessages(file, specifier)).toEqual([]);
  });
});
