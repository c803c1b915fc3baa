#!/usr/bin/env node
// `npm test`: builds the app, runs the unit tests (Vitest) and the end-to-end tests (Playwright:
// Chromium on the built renderer, and Electron where its binary exists), then prints one summary
// whose last line is `N passed, N failed, N skipped`. Skipped tests are listed with their reasons:
// a skip is never a pass.
//
// Time zones: dates must not move with the machine's zone (a visit on 2020-07-21 is on 2020-07-21
// everywhere), so the unit tests run three times, under UTC, Pacific/Kiritimati (UTC+14) and
// America/Los_Angeles (UTC-8/-7) (the CLI process tests under UTC only), and the end-to-end tests run with the browser in Kiritimati,
// then the screens that lay out days (calendar, timeline) again in Los Angeles (keeps CI under 20 minutes). Chromium takes its zone from TZ (the
// fixtures launch it themselves; Playwright's `timezoneId` only reaches contexts it creates).
// Also built: the "old app" (schema version 1) the upgrade tests open beside the new one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from './find-chromium.mjs';

const args = new Set(process.argv.slice(2));
const skipBuild = args.has('--no-build');

function run(cmd, cmdArgs, env = {}) {
  console.log(`\n$ ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

mkdirSync('reports', { recursive: true });
let failedSteps = 0;

// The end-to-end tests need a Chromium; say what to install now rather than after the build.
const browser = findChromium();
if (browser.ok) console.log(`Chromium for the end-to-end tests: ${browser.path}`);
else console.error('\nNo Chromium found: the end-to-end tests will not run (what to install is printed before them).\n');

const rendererDir = resolve(process.env.LEGATION_RENDERER_DIR ?? 'dist/renderer');
const legacyBuild = [
  'vite',
  'build',
  '--config',
  'tests/support-build/vite.legacy-v1.config.ts',
  '--outDir',
  resolve(rendererDir, 'legacy-v1'),
];
if (!skipBuild && (run('npm', ['run', '--silent', 'build']) !== 0 || run('npx', legacyBuild) !== 0)) {
  console.error('\nThe build failed; no tests were run.');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

/** Unit runs: the zone, and where its JSON report goes (reports/unit.json stays the UTC run). */
// The command-line tests (`*/cli.test.ts`: exit codes and files of spawned CLI processes, ~2 minutes)
// run under UTC only: the logic they drive is unit-tested in-process under all three zones, and
// extract/dates.test.ts spawns the extractor under several zones itself.
const NOT_AGAIN = ['--exclude', '**/cli.test.ts'];
const UNIT_ZONES = [
  { tz: 'UTC', file: 'reports/unit.json', args: [] },
  { tz: 'Pacific/Kiritimati', file: 'reports/unit-kiritimati.json', args: NOT_AGAIN },
  { tz: 'America/Los_Angeles', file: 'reports/unit-los-angeles.json', args: NOT_AGAIN },
];
/** End-to-end runs: the whole suite in Kiritimati, then the specs whose screens show or parse dates in Los Angeles. */
const E2E_RUNS = [
  { tz: 'Pacific/Kiritimati', file: 'reports/e2e.json', args: [] },
  {
    tz: 'America/Los_Angeles',
    file: 'reports/e2e-los-angeles.json',
    args: ['--project=chromium', 'tests/e2e/calendar.spec.ts', 'tests/e2e/timeline.spec.ts'],
  },
];

const timings = [];
function timed(label, fn) {
  const began = Date.now();
  const status = fn();
  timings.push(`${label}: ${Math.round((Date.now() - began) / 1000)} s`);
  return status;
}

for (const z of UNIT_ZONES) {
  rmSync(z.file, { force: true });
  const status = timed(`unit (${z.tz})`, () =>
    run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${z.file}`, ...z.args], { TZ: z.tz }),
  );
  if (status !== 0) failedSteps++;
}
if (!browser.ok) console.error(`\n${browser.message}\nThe end-to-end tests were not run.`);
for (const r of E2E_RUNS) {
  rmSync(r.file, { force: true });
  if (!browser.ok) continue;
  // The first run keeps the configured reporters (list + reports/e2e.json); later ones write their own file.
  const reporter = r.file === 'reports/e2e.json' ? [] : ['--reporter=list,json'];
  const status = timed(`e2e (${r.tz})`, () =>
    run('npx', ['playwright', 'test', ...reporter, ...r.args], {
      LEGATION_CHROMIUM: browser.path,
      TZ: r.tz,
      PLAYWRIGHT_JSON_OUTPUT_FILE: r.file,
      PLAYWRIGHT_JSON_OUTPUT_NAME: r.file,
    }),
  );
  if (status !== 0) failedSteps++;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const skips = [];

console.log('');
for (const z of UNIT_ZONES) {
  if (existsSync(z.file)) {
    const u = JSON.parse(readFileSync(z.file, 'utf8'));
    totals.passed += u.numPassedTests ?? 0;
    totals.failed += u.numFailedTests ?? 0;
    totals.skipped += (u.numPendingTests ?? 0) + (u.numTodoTests ?? 0);
    console.log(
      `Unit (Vitest, TZ=${z.tz}): ${u.numPassedTests} passed, ${u.numFailedTests} failed, ${(u.numPendingTests ?? 0) + (u.numTodoTests ?? 0)} skipped`,
    );
  } else {
    console.log(`Unit (Vitest, TZ=${z.tz}): no results (the run crashed)`);
    totals.failed += 1;
  }
}

function walkSuites(suites, visit) {
  for (const s of suites ?? []) {
    for (const spec of s.specs ?? []) for (const t of spec.tests ?? []) visit(spec, t);
    walkSuites(s.suites, visit);
  }
}

for (const r of E2E_RUNS) {
  if (existsSync(r.file)) {
    const e = JSON.parse(readFileSync(r.file, 'utf8'));
    const st = e.stats ?? {};
    const passed = (st.expected ?? 0) + (st.flaky ?? 0);
    const failed = st.unexpected ?? 0;
    const skipped = st.skipped ?? 0;
    totals.passed += passed;
    totals.failed += failed;
    totals.skipped += skipped;
    walkSuites(e.suites, (spec, t) => {
      if (t.status === 'skipped') {
        const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        skips.push(`[${t.projectName}, TZ=${r.tz}] ${spec.title}: ${reason}`);
      }
    });
    console.log(
      `End-to-end (Playwright, TZ=${r.tz}): ${passed} passed${st.flaky ? ` (${st.flaky} flaky)` : ''}, ${failed} failed, ${skipped} skipped`,
    );
    if ((e.errors ?? []).length) {
      console.log(`Playwright reported ${e.errors.length} error(s) outside tests.`);
      totals.failed += e.errors.length;
    }
  } else {
    console.log(`End-to-end (Playwright, TZ=${r.tz}): ${browser.ok ? 'no results (the run crashed)' : 'not run: no Chromium found'}`);
    totals.failed += 1;
  }
}

console.log(`\nTimes: ${timings.join('; ')}`);

if (skips.length) {
  console.log('\nSkipped (not passes):');
  for (const s of skips) console.log(`  - ${s}`);
}
if (failedSteps > 0 && totals.failed === 0) totals.failed = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
