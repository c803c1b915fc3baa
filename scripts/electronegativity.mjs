#!/usr/bin/env node
// Static security scan with @doyensec/electronegativity over the main-process sources (electron/)
// and the built bundles (dist/electron/*.cjs, dist/renderer). Electronegativity itself exits 0
// whatever it finds, so this script reads its findings and exits 1 on any HIGH or MEDIUM finding
// that is not listed, with its reason, in docs/security/electronegativity-false-positives.yml.
// Run after `npm run build`. Works offline (the tool's "Could not retrieve updated translations"
// line is expected and harmless).
//
//   node scripts/electronegativity.mjs            scan, print a summary, exit 0/1
//   node scripts/electronegativity.mjs --verbose  also list every finding, LOW/INFO and documented ones too
//
// Why the staging folder: the tool reads only .js/.ts/.html/.json (so dist/electron/*.cjs would be
// skipped silently) and its JavaScript path cannot walk ES2022 private class fields, which the
// renderer bundle contains ("Unknown node type PrivateName"); its TypeScript path parses them. So
// the bundles are copied under names it reads: *.cjs → *.js, renderer assets *.js → *.ts.
// Why two processes: parsing ~3 MB of bundles is CPU-bound; the main-process scan and the renderer
// scan run side by side (about half the wall-clock time on two cores).
import { fork } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FALSE_POSITIVES_FILE = 'docs/security/electronegativity-false-positives.yml';
const FAILING = new Set(['HIGH', 'MEDIUM']);

/**
 * Scan groups. `files` maps a staged path (what the tool sees) back to the repository path (what
 * the report and the false-positive list name). `exclude` lists global checks that cannot be
 * answered by the group alone: the renderer bundle holds no main-process code, so "no
 * setPermissionRequestHandler / navigation limit anywhere" is answered by the main group.
 */
function stageGroups(stagingDir) {
  const main = { name: 'main', dir: path.join(stagingDir, 'main'), files: new Map(), exclude: [] };
  const renderer = {
    name: 'renderer',
    dir: path.join(stagingDir, 'renderer'),
    files: new Map(),
    exclude: ['limitnavigationglobalcheck', 'permissionrequesthandlerglobalcheck'],
  };
  const stage = (group, from, to) => {
    const target = path.join(group.dir, to);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(root, from), target);
    group.files.set(to.split(path.sep).join('/'), from.split(path.sep).join('/'));
  };

  // Every source under electron/ (main/, preload/, common/), at its repository path.
  for (const entry of readdirSync(path.join(root, 'electron'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    stage(main, rel, rel);
  }
  // package.json: the tool reads the Electron version from it.
  stage(main, 'package.json', 'package.json');
  for (const name of readdirSync(path.join(root, 'dist/electron'))) {
    if (name.endsWith('.cjs')) stage(main, `dist/electron/${name}`, `dist/electron/${name.replace(/\.cjs$/, '.js')}`);
  }
  const rendererDir = path.join(root, 'dist/renderer');
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(rendererDir, relative), { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      // legacy-v1/ is the schema-1 build `npm test` adds for the upgrade test; it is not
      // shipped (electron-builder.yml excludes it), so it is not the app's attack surface.
      if (entry.isDirectory() && rel === 'legacy-v1') continue;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(html|js|mjs)$/.test(entry.name))
        stage(renderer, `dist/renderer/${rel}`, `dist/renderer/${rel.replace(/\.m?js$/, '.ts')}`);
    }
  };
  walk('');
  return [main, renderer];
}

/** Child mode: scan one staged folder, send the findings back as plain JSON. */
async function scanChild(dir, exclude, electronVersion) {
  const run = require('@doyensec/electronegativity');
  const result = await run({
    input: dir,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // AVAILABLE_SECURITY_FIXES needs the network (Electron's release list); the Electron version is
    // checked by tests/unit/electron/checklist.test.ts instead (item 16).
    excludeFromScan: ['availablesecurityfixesglobalcheck', ...exclude],
    customScan: [],
    parserPlugins: [],
  });
  const plain = (value) => (value && typeof value === 'object' && 'name' in value ? value.name : String(value));
  process.send?.({
    issues: result.issues.map((issue) => ({
      id: issue.id,
      severity: plain(issue.severity),
      confidence: plain(issue.confidence),
      file: String(issue.file),
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      sample: typeof issue.sample === 'string' ? issue.sample.slice(0, 200) : '',
      description: String(issue.description ?? ''),
    })),
    errors: result.errors.map((error) => ({
      file: String(error.file),
      message: String(error.message),
      tolerable: Boolean(error.tolerable),
    })),
    checks: result.atomicChecks + result.globalChecks,
  });
}

function runChild(group, electronVersion) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', group.dir, group.exclude.join(','), electronVersion], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let reply = null;
    child.on('message', (message) => (reply = message));
    child.on('error', reject);
    child.on('exit', (code) => (reply ? resolve(reply) : reject(new Error(`the ${group.name} scan exited with ${code} and no result`))));
  });
}

/** A finding is documented when an entry names its check, matches its file and (if given) its sample. */
export function isDocumented(finding, entries) {
  return entries.find(
    (entry) =>
      entry.check === finding.id &&
      new RegExp(entry.file).test(finding.file) &&
      (entry.sample === undefined || new RegExp(entry.sample).test(finding.sample)),
  );
}

function loadFalsePositives() {
  const raw = parseYaml(readFileSync(path.join(root, FALSE_POSITIVES_FILE), 'utf8'));
  const entries = Array.isArray(raw?.falsePositives) ? raw.falsePositives : [];
  for (const [index, entry] of entries.entries()) {
    if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.reason !== 'string' || entry.reason.length < 20) {
      throw new Error(`${FALSE_POSITIVES_FILE}: entry ${index + 1} needs check, file (a regular expression) and a reason`);
    }
  }
  return entries;
}

async function main() {
  const [, , mode, ...rest] = process.argv;
  if (mode === '--child') {
    const [dir, exclude, electronVersion] = rest;
    await scanChild(dir, exclude ? exclude.split(',') : [], electronVersion);
    return;
  }
  const verbose = mode === '--verbose';
  const started = Date.now();
  for (const needed of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, needed))) {
      console.error(`electronegativity: ${needed} is missing; run \`npm run build\` first.`);
      process.exit(2);
    }
  }
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const falsePositives = loadFalsePositives();

  const stagingDir = mkdtempSync(path.join(tmpdir(), 'legation-electronegativity-'));
  let results;
  let groups;
  try {
    groups = stageGroups(stagingDir);
    results = await Promise.all(groups.map((group) => runChild(group, electronVersion)));
  } finally {
    rmSync(stagingDir, { recursive: true, force: true });
  }

  const findings = [];
  const parseErrors = [];
  let checks = 0;
  results.forEach((result, index) => {
    const group = groups[index];
    const original = (file) => group.files.get(file) ?? file;
    checks = Math.max(checks, result.checks);
    for (const issue of result.issues) findings.push({ ...issue, file: original(issue.file) });
    for (const error of result.errors) {
      const relative = path.relative(group.dir, error.file).split(path.sep).join('/');
      parseErrors.push({ ...error, file: original(relative) });
    }
  });

  const used = new Set();
  const failing = [];
  const documented = [];
  const other = [];
  for (const finding of findings) {
    const entry = isDocumented(finding, falsePositives);
    if (entry) used.add(entry);
    if (!FAILING.has(finding.severity)) other.push(finding);
    else if (entry) documented.push({ finding, entry });
    else failing.push(finding);
  }
  const fatalParseErrors = parseErrors.filter((error) => !error.tolerable);

  const line = (f) =>
    `  ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.line}:${f.column}  ${f.sample.slice(0, 90)}`;
  const scanned = groups.reduce((sum, group) => sum + group.files.size, 0);
  console.log(
    `electronegativity: ${scanned} files (electron/, dist/electron, dist/renderer), ${checks} checks, Electron ${electronVersion}`,
  );
  if (verbose) {
    for (const { finding, entry } of documented) console.log(`${line(finding)}\n      documented: ${entry.reason}`);
    for (const finding of other) console.log(line(finding));
  }
  for (const entry of falsePositives) {
    if (!used.has(entry)) console.log(`  note: documented false positive no longer reported (remove it?): ${entry.check} ${entry.file}`);
  }
  for (const error of fatalParseErrors) console.log(`  could not parse ${error.file}: ${error.message}`);
  for (const finding of failing) console.log(`UNDOCUMENTED ${line(finding)}\n      ${finding.description}`);
  console.log(
    `electronegativity: ${failing.length} undocumented HIGH/MEDIUM, ${documented.length} documented false positives, ` +
      `${other.length} LOW/INFO, ${fatalParseErrors.length} unparsed files (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (failing.length > 0 || fatalParseErrors.length > 0) {
    console.log(`Fix the code, or add the finding with its reason to ${FALSE_POSITIVES_FILE}.`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error('electronegativity:', error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
