#!/usr/bin/env node
// `npm test`: builds the app, runs the unit tests (Vitest) and the end-to-end tests (Playwright:
// Chromium on the built renderer, and Electron where its binary exists), then prints one summary
// whose last line is `N passed, N failed, N skipped`. Skipped tests are listed with their reasons:
// a skip is never a pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const skipBuild = args.has('--no-build');

function run(cmd, cmdArgs, env = {}) {
  console.log(`\n$ ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

mkdirSync('reports', { recursive: true });
let failedSteps = 0;

if (!skipBuild && run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('\nThe build failed; no tests were run.');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

rmSync('reports/unit.json', { force: true });
rmSync('reports/e2e.json', { force: true });
if (run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']) !== 0) failedSteps++;
if (run('npx', ['playwright', 'test']) !== 0) failedSteps++;

const totals = { passed: 0, failed: 0, skipped: 0 };
const skips = [];

if (existsSync('reports/unit.json')) {
  const u = JSON.parse(readFileSync('reports/unit.json', 'utf8'));
  totals.passed += u.numPassedTests ?? 0;
  totals.failed += u.numFailedTests ?? 0;
  totals.skipped += (u.numPendingTests ?? 0) + (u.numTodoTests ?? 0);
  console.log(
    `\nUnit (Vitest): ${u.numPassedTests} passed, ${u.numFailedTests} failed, ${(u.numPendingTests ?? 0) + (u.numTodoTests ?? 0)} skipped`,
  );
} else {
  console.log('\nUnit (Vitest): no results (the run crashed)');
  totals.failed += 1;
}

function walkSuites(suites, visit) {
  for (const s of suites ?? []) {
    for (const spec of s.specs ?? []) for (const t of spec.tests ?? []) visit(spec, t);
    walkSuites(s.suites, visit);
  }
}

if (existsSync('reports/e2e.json')) {
  const e = JSON.parse(readFileSync('reports/e2e.json', 'utf8'));
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
      skips.push(`[${t.projectName}] ${spec.title}: ${reason}`);
    }
  });
  console.log(`End-to-end (Playwright): ${passed} passed${st.flaky ? ` (${st.flaky} flaky)` : ''}, ${failed} failed, ${skipped} skipped`);
  if ((e.errors ?? []).length) {
    console.log(`Playwright reported ${e.errors.length} error(s) outside tests.`);
    totals.failed += e.errors.length;
  }
} else {
  console.log('End-to-end (Playwright): no results (the run crashed)');
  totals.failed += 1;
}

if (skips.length) {
  console.log('\nSkipped (not passes):');
  for (const s of skips) console.log(`  - ${s}`);
}
if (failedSteps > 0 && totals.failed === 0) totals.failed = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
