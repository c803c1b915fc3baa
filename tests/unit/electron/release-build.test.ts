import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUN_MAIN = fileURLToPath(new URL('./support/run-main-with-fake-electron.mjs', import.meta.url));

interface Shown {
  menu: string[][];
  webPreferences: ({ devTools?: boolean; spellcheck?: boolean } | null)[];
}

/** Builds the main process and preload as `scripts/build-electron.mjs` does, then starts it against a stand-in Electron. */
function buildAndStart(args: string[]): Shown {
  const out = mkdtempSync(join(tmpdir(), 'legation-build-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-electron.mjs'), ...args, '--outdir', out], { cwd: ROOT, stdio: 'pipe' });
  return JSON.parse(execFileSync(process.execPath, [RUN_MAIN, join(out, 'main.cjs')], { cwd: ROOT, encoding: 'utf8' })) as Shown;
}

describe('the release build', () => {
  it('is what `npm run dist` packages', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/^npm run build:release && electron-builder /);
    expect(scripts['build:release']).toContain('scripts/build-electron.mjs --production');
  });

  it('has DevTools off, no Reload or Toggle DevTools in the menu, and no spellcheck that would fetch dictionaries', () => {
    const shown = buildAndStart(['--production']);
    expect(shown.menu).toHaveLength(1);
    const items = shown.menu[0]!;
    expect(items).toContain('quit');
    for (const devOnly of ['reload', 'forceReload', 'toggleDevTools']) expect(items).not.toContain(devOnly);
    expect(shown.webPreferences).toHaveLength(1);
    expect(shown.webPreferences[0]).toMatchObject({ devTools: false, spellcheck: process.platform === 'darwin' });
  }, 60_000);

  it('differs from the development build, which keeps them (so the check above can fail)', () => {
    const shown = buildAndStart([]);
    expect(shown.menu[0]).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(shown.webPreferences[0]).toMatchObject({ devTools: true });
  }, 60_000);
});
