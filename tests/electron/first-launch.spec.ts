import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * First launch of the packaged-layout app (dist/electron/main.cjs + dist/renderer) in Electron,
 * on a fresh profile. Needs `npm run build` first and an Electron binary in node_modules.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainPath = path.join(root, 'dist/electron/main.cjs');

/**
 * The Electron executable, found by looking at files only. `require('electron')` is not an
 * option: its index.js downloads the binary when it is missing. For the same reason the path is
 * passed to `_electron.launch` explicitly (Playwright would otherwise resolve it through
 * `require('electron')`).
 */
function electronExecutable(): string | null {
  const pathFile = path.join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

const executablePath = electronExecutable();
test.skip(executablePath === null, 'Electron binary not installed (node_modules/electron/dist missing; no download possible here)');

/** The child's environment: ours minus anything that would turn Electron into plain Node. */
function childEnv(userDataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  env.LEGATION_USER_DATA = userDataDir;
  return env;
}

test('first launch shows the three seeded visits in a locked-down window', async () => {
  expect(existsSync(mainPath), 'run `npm run build` before the Electron tests').toBe(true);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'legation-electron-'));
  const app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: [mainPath, `--user-data-dir=${userDataDir}`],
    env: childEnv(userDataDir),
    cwd: root,
  });
  try {
    // The profile override reached the main process (a fresh IndexedDB for this test).
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userDataDir);

    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/legation\//);

    // Seeded data: one row per visit, each naming its status.
    const visits = page.getByRole('table', { name: 'Visits' });
    const rows = visits.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows).toHaveCount(3);
    for (const status of ['completed', 'postponed', 'planned']) {
      await expect(rows.filter({ hasText: new RegExp(`\\b${status}\\b`, 'i') })).toHaveCount(1);
    }

    // The bridge is there and is the Electron one; Node is not.
    const exposed = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const bridge = scope.legation as Record<string, unknown> | undefined;
      return {
        runtime: bridge?.runtime,
        keys: bridge ? Object.keys(bridge).sort() : [],
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        ipcRenderer: typeof scope.ipcRenderer,
      };
    });
    expect(exposed).toEqual({
      runtime: 'electron',
      keys: ['appInfo', 'onMenuCommand', 'openExternal', 'openFile', 'printToPdf', 'runtime', 'saveFile'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    });

    // The CSP forbids eval, and window.open is denied.
    expect(
      await page.evaluate(() => {
        try {
          // Checking that the CSP blocks exactly this.
          return String(eval('1 + 1'));
        } catch {
          return 'blocked';
        }
      }),
    ).toBe('blocked');
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);

    await expect(
      page.evaluate(() => (globalThis as unknown as { legation: { appInfo(): Promise<unknown> } }).legation.appInfo()),
    ).resolves.toMatchObject({
      name: 'Legation',
      runtime: 'electron',
    });
  } finally {
    await app.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
});
