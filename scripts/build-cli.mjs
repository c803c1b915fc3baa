// Bundles the command line (scripts/cli.ts and its commands) with esbuild into dist/cli/, so that
// `npm run cli` starts in a fraction of the time a TypeScript loader takes to transform it.
//   node scripts/build-cli.mjs             build
//   node scripts/build-cli.mjs --if-stale  build only when a source is newer than the bundle
// The bundle sits two levels below the repository, as the sources do, so the paths they resolve
// from import.meta.url (package.json, assets/) are the same.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'cli');
const entry = path.join(outDir, 'legation.mjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|json|mjs)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

if (process.argv.includes('--if-stale') && existsSync(entry)) {
  const sources = Math.max(
    newest(path.join(root, 'shared')),
    newest(path.join(root, 'scripts', 'cli')),
    statSync(path.join(root, 'scripts', 'cli.ts')).mtimeMs,
    statSync(path.join(root, 'package-lock.json')).mtimeMs,
  );
  if (statSync(entry).mtimeMs >= sources) process.exit(0);
}

await build({
  absWorkingDir: root,
  entryPoints: { legation: 'scripts/cli.ts' },
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Some dependencies are CommonJS and call require(): give the ES module bundle one.
  banner: { js: "import { createRequire as __legationRequire } from 'node:module'; const require = __legationRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
