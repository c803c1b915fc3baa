import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const electronDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron');
/**
 * The only modules allowed to load 'electron' at runtime: the two entry points, the window factory
 * and the IPC handler modules (which plug Electron's dialogs, shell and windows into pure modules).
 * Everything else is pure and tested here.
 */
const ELECTRON_RUNTIME_MODULES = /^(main\/main\.ts|main\/window\.ts|main\/handlers\/[\w-]+\.ts|preload\/preload\.ts)$/;
/** The folders bundled into the sandboxed preload: it can require only 'electron', so no Node built-ins. */
const PRELOAD_FOLDERS = /^(preload|common)\//;

/** Every source under electron/, as a path relative to it ('main/ipc.ts'). */
const sources = readdirSync(electronDir, { recursive: true, encoding: 'utf8' })
  .map((name) => name.split(path.sep).join('/'))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
const preloadModules = sources.filter((name) => PRELOAD_FOLDERS.test(name));
const runtimeImports = (source: string) =>
  [...source.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]);
const allImports = (source: string) => [...source.matchAll(/^(?:import|export)\s[^'"]*?['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? '');

describe('electron/ layering', () => {
  it('keeps the main process, the preload and what both use in their own folders', () => {
    expect(sources.filter((name) => !/^(main|preload|common)\//.test(name))).toEqual([]);
    expect(preloadModules).toContain('preload/preload.ts');
  });

  it.each(sources)('%s imports electron at runtime only if it is an entry point', (name) => {
    const imports = runtimeImports(readFileSync(path.join(electronDir, name), 'utf8'));
    if (!ELECTRON_RUNTIME_MODULES.test(name)) expect(imports).not.toContain('electron');
  });

  it.each(preloadModules)('%s (bundled into the sandboxed preload) uses no Node built-ins', (name) => {
    const imports = runtimeImports(readFileSync(path.join(electronDir, name), 'utf8'));
    expect(
      imports.filter((spec) => spec?.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process'].includes(spec ?? '')),
    ).toEqual([]);
  });

  it.each(preloadModules)('%s imports nothing from the main process', (name) => {
    const from = path.posix.dirname(name);
    const local = allImports(readFileSync(path.join(electronDir, name), 'utf8')).filter((spec) => spec.startsWith('.'));
    expect(local.map((spec) => path.posix.join(from, spec)).filter((target) => target.startsWith('main/'))).toEqual([]);
  });
});
