import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli/legation.mjs');
const dir = mkdtempSync(join(tmpdir(), 'legation-cli-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run cli` runs the bundle scripts/build-cli.mjs makes: it must do what the sources do. */
describe('the bundled command line', { timeout: 120_000 }, () => {
  it('builds, and extracts, seeds and reports as the sources do (paths to package.json and assets resolve)', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
    const article = join(dir, 'a.txt');
    writeFileSync(article, 'President Ivan Petrov of Bulgaria will visit Japan on Monday.');
    const out = JSON.parse(execFileSync(process.execPath, [CLI, 'extract', article, '--date', '2031-03-05'], { encoding: 'utf8' })) as {
      visits: Array<{ traveller: { name: string }; country: string; start: string }>;
    };
    expect(out.visits.map((v) => `${v.traveller.name} ${v.country} ${v.start}`)).toEqual(['Ivan Petrov JP 2031-03-10']);

    const backup = join(dir, 'seed.json');
    execFileSync(process.execPath, [CLI, 'seed', '--out', backup], { encoding: 'utf8' });
    const report = join(dir, 'brief.md');
    execFileSync(process.execPath, [CLI, 'report', backup, '--format', 'md', '--out', report, '--as-of', '2026-12-07'], {
      encoding: 'utf8',
    });
    expect(readFileSync(report, 'utf8')).toMatch(/Kadhemi/);

    const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/import-hsg \[DIR\]/);
  });
});
