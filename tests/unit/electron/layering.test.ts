import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const electronDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron');
/** The only modules allowed to load 'electron' at runtime; everything else is pure and tested here. */
const ELECTRON_RUNTIME_MODULES = new Set(['main.ts', 'window.ts', 'preload.ts']);
/** Modules bundled into the sandboxed preload must not use Node built-ins. */
const PRELOAD_MODULES = ['preload.ts', 'bridge-client.ts', 'ipc-reply.ts'];

const sources = readdirSync(electronDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
const runtimeImports = (source: string) =>
  [...source.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]);

describe('electron/ layering', () => {
  it.each(sources)('%s imports electron at runtime only if it is an entry point', (name) => {
    const imports = runtimeImports(readFileSync(path.join(electronDir, name), 'utf8'));
    if (!ELECTRON_RUNTIME_MODULES.has(name)) expect(imports).not.toContain('electron');
  });

  it.each(PRELOAD_MODULES)('%s (bundled into the sandboxed preload) uses no Node built-ins', (name) => {
    const imports = runtimeImports(readFileSync(path.join(electronDir, name), 'utf8'));
    expect(
      imports.filter((spec) => spec?.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process'].includes(spec ?? '')),
    ).toEqual([]);
  });
});
