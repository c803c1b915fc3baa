#!/usr/bin/env node
// The repository stands alone: a user who clones it has nothing beside it. This fails when a test,
// script or source file names a path outside the repository (a relative path that climbs out of it,
// from the file's folder or from the working directory, or an absolute path into someone's
// machine). The extractor's evaluation is the one exception: it reads a labelled set of news
// articles, other people's text that never enters the repository, by a path the user gives.
//
//   node scripts/check-self-contained.mjs [ROOT]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIRS = ['electron', 'renderer', 'shared', 'scripts', 'tests', 'bench'];
const EXTENSIONS = /\.(?:[cm]?[jt]sx?|json)$/;
const ALLOWED = new Set(['scripts/eval-extract.ts']);
const SKIP_DIRS = new Set(['node_modules', 'dist', 'fixtures']);

/** Every place in `text` (a file at `file` under `root`) that names a path outside `root`. */
export function outsidePaths(root, file, text) {
  const hits = [];
  const inside = (p) => p === root || p.startsWith(root + sep);
  const lines = text.split('\n');
  // tsconfig and other JSON files name paths relative to themselves.
  const json = file.endsWith('.json');
  lines.forEach((line, i) => {
    const at = `${relative(root, file)}:${i + 1}`;
    for (const m of line.matchAll(/(['"`])((?:\.\.\/)+[^'"`\s]*)\1/g)) {
      const lit = m[2];
      const fromFile = resolve(dirname(file), lit);
      const fromCwd = resolve(root, lit);
      // Imports and URLs resolve from the file; fs calls with a bare relative path, from the working directory (the root).
      // A path handed to the code under test as data (a hostile file name, say) reads nothing.
      const reads = json || /import\s|from\s|import\(|new URL\(|require\(|resolve\(|join\(|cwd\(\)|[Ss]ync\(|setInputFiles/.test(line);
      const usesFile = json || /import\s|from\s|import\(|new URL\(|require\(|__dirname|import\.meta/.test(line);
      if (reads && (!inside(fromFile) || (!usesFile && !inside(fromCwd)))) hits.push(`${at}: ${lit}`);
    }
    if (/cwd\(\)\s*,\s*['"]\.\.['"]/.test(line)) hits.push(`${at}: a path above the working directory`);
  });
  return hits;
}

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (EXTENSIONS.test(name)) out.push(p);
  }
  return out;
}

export function checkTree(root) {
  const hits = [];
  for (const d of DIRS) {
    let files = [];
    try {
      files = walk(join(root, d), []);
    } catch {
      continue;
    }
    for (const f of files) {
      if (ALLOWED.has(relative(root, f).split(sep).join('/'))) continue;
      hits.push(...outsidePaths(root, f, readFileSync(f, 'utf8')));
    }
  }
  return hits;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const hits = checkTree(root);
  if (hits.length) {
    console.error('These files name paths outside the repository, which a user who clones it does not have:');
    for (const h of hits) console.error(`  ${h}`);
    process.exit(1);
  }
  console.log('Nothing outside the repository is read (scripts/eval-extract.ts excepted: it reads the labelled articles by path).');
}
