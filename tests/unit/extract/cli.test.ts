import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SEED_ARTICLE_TEXT } from '../../../shared/seed';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
// The seed article as a user would hand it to the CLI: a file of its own, written from the copy in shared/seed.
const SEED_FILE = join(mkdtempSync(join(tmpdir(), 'legation-extract-')), 'article-2020-07-22.txt');
writeFileSync(SEED_FILE, SEED_ARTICLE_TEXT);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [join(ROOT, 'scripts/cli.ts'), 'extract', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('cli extract', () => {
  it('prints the proposals as JSON in the documented shape', async () => {
    const r = await cli(SEED_FILE);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { referenceDate: string; visits: Array<Record<string, unknown>> };
    expect(out.referenceDate).toBe('2020-07-22');
    expect(out.visits).toHaveLength(3);
    for (const v of out.visits)
      expect(Object.keys(v)).toEqual(['traveller', 'country', 'city', 'status', 'start', 'end', 'window', 'evidence']);
    expect(out.visits[0]).toMatchObject({
      traveller: { name: 'Mustafa al-Kadhemi', title: 'Prime Minister', country: 'IQ' },
      country: 'IR',
      city: 'Tehran',
      status: 'completed',
      start: '2020-07-21',
      window: null,
    });
    expect(out.visits[2]).toMatchObject({
      country: 'US',
      status: 'planned',
      start: null,
      window: { from: '2020-07-22', to: '2020-09-02' },
    });
  }, 60_000);

  it('reads .html pages and takes --date for the year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'legation-extract-'));
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      '<html><head><script>var a=1</script></head><body><p>SEOUL, June 9 (Yonhap) -- South Korean President Moon Jae-in will visit Australia next week.</p></body></html>',
    );
    const r = await cli(page, '--date', '2021-06-10');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { referenceDate: string; visits: Array<{ country: string; window: unknown }> };
    expect(out.referenceDate).toBe('2021-06-09');
    expect(out.visits[0]).toMatchObject({ country: 'AU', window: { from: '2021-06-14', to: '2021-06-20' } });
  }, 60_000);

  it('with --timing, says on stderr how long reading, extracting and writing took inside the process', async () => {
    const r = await cli(SEED_FILE, '--timing');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { visits: unknown[] }).visits).toHaveLength(3);
    expect(r.stderr).toMatch(/^timing: read [\d.]+ ms, extract [\d.]+ ms, output [\d.]+ ms\n$/);
  }, 60_000);

  it('refuses a binary file, a missing file, a folder and a bad date with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'legation-extract-'));
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20]));
    for (const [args, message] of [
      [[bin], /not a text file/],
      [[join(dir, 'missing.txt')], /no such file/],
      [[dir], /is a folder/],
      [[latin1], /looks like Latin-1 \(Windows-1252\) text; Legation reads UTF-8/],
      [[SEED_FILE, '--date', '2020-13-01'], /--date/],
      [[], /name the article file/],
    ] as const) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  }, 120_000);
});
