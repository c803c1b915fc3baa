import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

/**
 * The electronegativity gate (scripts/electronegativity.mjs) without running the scan (that takes
 * ~15 s of CPU and needs a build; CI runs it): the false-positive list is well-formed, names real
 * checks, stays narrow, and the matching rule documents exactly what it should.
 */

interface Entry {
  check: string;
  file: string;
  sample?: string;
  reason: string;
}
interface Finding {
  id: string;
  file: string;
  sample: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const list = parseYaml(readFileSync(path.join(root, 'docs/security/electronegativity-false-positives.yml'), 'utf8')) as {
  falsePositives: Entry[];
};
const entries = list.falsePositives;

function checkIds(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return checkIds(full);
    if (!name.endsWith('.js')) return [];
    return [...readFileSync(full, 'utf8').matchAll(/this\.id = ["']([A-Z0-9_]+)["']/g)].map((m) => m[1] ?? '');
  });
}

const scriptUrl = pathToFileURL(path.join(root, 'scripts/electronegativity.mjs')).href;
const { isDocumented } = (await import(scriptUrl)) as { isDocumented: (finding: Finding, list: Entry[]) => Entry | undefined };

describe('docs/security/electronegativity-false-positives.yml', () => {
  it('has entries, each with a check, an anchored file pattern and a reason that says why', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.check).toMatch(/^[A-Z0-9_]+_CHECK$/);
      expect(entry.file, entry.check).toMatch(/^\^.*\$$/);
      expect(() => new RegExp(entry.file)).not.toThrow();
      if (entry.sample !== undefined) expect(() => new RegExp(entry.sample!)).not.toThrow();
      expect(entry.reason.length, `${entry.check} ${entry.file}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('names only checks electronegativity has', () => {
    const known = new Set(checkIds(path.join(root, 'node_modules/@doyensec/electronegativity/dist/finder/checks')));
    expect(known.size).toBeGreaterThan(40);
    for (const entry of entries) expect(known, entry.check).toContain(entry.check);
  });

  it('never excuses the checks that guard the core rules in the built bundles', () => {
    const core = [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'CSP_GLOBAL_CHECK',
    ];
    const excusedInBundles = entries.filter((entry) => core.includes(entry.check) && !entry.file.startsWith('^electron/'));
    expect(excusedInBundles).toEqual([]);
  });
});

describe('isDocumented', () => {
  const windowFinding = { id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main/window.ts', sample: 'const win = new BrowserWindow(' };

  it('matches a documented finding by check, file and sample, whatever its line', () => {
    expect(isDocumented(windowFinding, entries)?.reason).toMatch(/webPreferencesFor/);
  });

  it('does not match the same check in another file, or another sample in the same file', () => {
    expect(isDocumented({ ...windowFinding, file: 'electron/main/windows.ts' }, entries)).toBeUndefined();
    expect(isDocumented({ ...windowFinding, file: 'dist/electron/main.cjs' }, entries)).toBeUndefined();
    expect(
      isDocumented({ ...windowFinding, sample: 'new BrowserWindow({ webPreferences: { contextIsolation: false } })' }, entries),
    ).toBeUndefined();
    expect(
      isDocumented({ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/menu.ts', sample: 'shell.openExternal(item.url)' }, entries),
    ).toBeUndefined();
  });

  it('matches the bundled copies of the documented openExternal call sites only', () => {
    const bundled = { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'dist/electron/main.cjs' };
    expect(isDocumented({ ...bundled, sample: 'await deps.openExternal(check2.url);' }, entries)).toBeDefined();
    expect(
      isDocumented({ ...bundled, sample: 'openExternal: (url2) => import_electron2.shell.openExternal(url2)' }, entries),
    ).toBeDefined();
    expect(isDocumented({ ...bundled, sample: 'import_electron2.shell.openExternal(request.url)' }, entries)).toBeUndefined();
  });
});
