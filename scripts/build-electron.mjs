// Bundles the Electron main process and preload with esbuild:
//   electron/main/main.ts       → dist/electron/main.cjs     (Node, CommonJS)
//   electron/preload/preload.ts → dist/electron/preload.cjs  (sandboxed preload, CommonJS, one file)
// Only 'electron' stays external. A sandboxed preload can require nothing but 'electron' (and a
// few browser-safe shims), so it is bundled for the *browser* platform: an accidental Node
// built-in import fails the build here instead of failing at runtime in the window.
//
// Production (NODE_ENV=production or --production, what `npm run dist` builds): __LEGATION_DEV__ =
// false removes the Reload and DevTools menu items and disables DevTools; the output is minified
// (source maps kept). `--outdir DIR` writes elsewhere than dist/electron (the release-build test).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--outdir');
const outDir = outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist', 'electron');
const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';

/** Electron 45 ships Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  minify: production,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
  define: {
    __LEGATION_DEV__: JSON.stringify(!production),
    'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
  },
};

await rm(outDir, { recursive: true, force: true });

const [main, preload] = await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: path.join(outDir, 'main.cjs'),
    platform: 'node',
    target: NODE_TARGET,
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    platform: 'browser',
    target: CHROME_TARGET,
  }),
]);

// Guard: the preload may require 'electron' and nothing else (sandbox rule).
const preloadExternals = new Set(
  Object.values(preload.metafile.outputs).flatMap((output) => output.imports.filter((imp) => imp.external).map((imp) => imp.path)),
);
const unexpected = [...preloadExternals].filter((name) => name !== 'electron');
if (unexpected.length > 0) {
  console.error(`build-electron: the sandboxed preload must only require 'electron', found: ${unexpected.join(', ')}`);
  process.exit(1);
}

for (const result of [main, preload]) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.cjs')) console.log(`${file}  ${(output.bytes / 1024).toFixed(1)} KB`);
  }
}
console.log(`build-electron: ${production ? 'production' : 'development'} build done.`);
