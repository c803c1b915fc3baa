import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../shared/backup';
import { BUNDLED_HSG } from '../../../shared/importers';
import { bundledHsgFolder } from './hsg-data';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir = '';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // What `npx tsx scripts/cli.ts` runs, without npx's start-up second.
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/cli.ts', ...args],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

function read(file: string) {
  const parsed = parseBackup(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed;
}

/** No output file and no temp file left behind. */
function nothingWritten(out: string): void {
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'legation-ds-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli seed', { timeout: 60_000 }, () => {
  it('writes the seeded database as a valid backup with the 3 visits', async () => {
    const out = join(dir, 'seed.json');
    const r = await cli('seed', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Wrote .*seed\.json: 3 visits/);
    const b = read(out);
    expect(b.counts).toMatchObject({ visits: 3, people: 5, sources: 1 });
  });

  it('refuses a missing --out and stray arguments with exit code 2', async () => {
    const r = await cli('seed');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out FILE is required/);
    expect((await cli('seed', 'extra', '--out', join(dir, 'x.json'))).code).toBe(2);
    nothingWritten(join(dir, 'x.json'));
  });
});

describe('cli import-hsg and merge', { timeout: 60_000 }, () => {
  it('imports a small folder, prints counts and warnings to stderr', async () => {
    const src = join(dir, 'small');
    mkdirSync(join(src, 'visits'), { recursive: true });
    writeFileSync(
      join(src, 'visits', '1950.xml'),
      `<visits><visit><id>1</id><start-date>1950-02-01</start-date><end-date>1950-02-01</end-date><visitor>President Quirino</visitor><from id="philippines">Philippines</from><description>Official visit.</description></visit>
       <visit><id>2</id><start-date>1950-02-01</start-date><end-date>1950-02-01</end-date><visitor>King Zog</visitor><from id="atlantis">Atlantis</from><description>x</description></visit></visits>`,
    );
    const out = join(dir, 'small.json');
    const r = await cli('import-hsg', src, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2 records \(2 visits by foreign leaders, 0 trips\)/);
    expect(r.stderr).toMatch(/warning: Unknown country "atlantis"/);
    expect(read(out).counts).toMatchObject({ visits: 2, people: 2, sources: 1 });
  });

  it('refuses a folder with a DTD file (exit 2, nothing written) unless --skip-bad', async () => {
    const src = join(dir, 'evil');
    mkdirSync(join(src, 'visits'), { recursive: true });
    writeFileSync(
      join(src, 'visits', 'a.xml'),
      '<visits><visit><id>1</id><start-date>1950-02-01</start-date><end-date>1950-02-01</end-date><visitor>President Quirino</visitor><from id="philippines">Philippines</from><description>x</description></visit></visits>',
    );
    writeFileSync(
      join(src, 'visits', 'evil.xml'),
      '<?xml version="1.0"?><!DOCTYPE v [<!ENTITY x SYSTEM "file:///etc/passwd">]><visits>&x;</visits>',
    );
    const out = join(dir, 'evil.json');
    const r = await cli('import-hsg', src, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: visits\/evil\.xml: refused: .*<!DOCTYPE>/);
    expect(r.stderr).toMatch(/1 file\(s\) refused; nothing written/);
    nothingWritten(out);
    const ok = await cli('import-hsg', src, '--out', out, '--skip-bad');
    expect(ok.code).toBe(0);
    expect(read(out).counts.visits).toBe(1);
  });

  it('import-hsg with no folder reads the data set bundled with the app: 8,222 visits', async () => {
    const out = join(dir, 'bundled.json');
    const r = await cli('import-hsg', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Read 72 files \(0 refused, 0 ignored\)/);
    expect(read(out).counts).toMatchObject({ visits: BUNDLED_HSG.visits, sources: 3, meetings: 0, evidence: 0 });
  });

  it('bad input: a missing folder, a file instead of a folder, a folder without XML → exit 2, no output', async () => {
    const out = join(dir, 'none.json');
    for (const args of [
      ['import-hsg', join(dir, 'does-not-exist'), '--out', out],
      ['import-hsg', join(dir, 'seed.json'), '--out', out],
      ['import-hsg', ROOT + '/docs', '--out', out],
      ['import-hsg', '--out'],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^legation import-hsg: /);
    }
    nothingWritten(out);
  });

  it('merge: bad input (missing file, not a backup, one argument) → exit 2, no output', async () => {
    const out = join(dir, 'bad-merge.json');
    writeFileSync(join(dir, 'not-backup.json'), '{"hello": 1}');
    writeFileSync(join(dir, 'truncated.json'), '{"format": "legation-backup", "formatVersion": 1, "tables": {');
    for (const args of [
      ['merge', join(dir, 'seed.json'), join(dir, 'nope.json'), '--out', out],
      ['merge', join(dir, 'seed.json'), join(dir, 'not-backup.json'), '--out', out],
      ['merge', join(dir, 'truncated.json'), join(dir, 'seed.json'), '--out', out],
      ['merge', join(dir, 'seed.json'), '--out', out],
      ['merge', join(dir, 'seed.json'), join(dir, 'seed.json')],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^legation merge: /);
    }
    nothingWritten(out);
  });

  it('merge: the later updatedAt wins on a conflict, and conflicts are counted', async () => {
    const seed = read(join(dir, 'seed.json')).backup;
    const edited = structuredClone(seed);
    const v = edited.tables.visits[0]!;
    v.purpose = 'Edited later';
    v.updatedAt = '2030-01-01T00:00:00.000Z';
    const older = structuredClone(seed);
    older.tables.visits[1]!.purpose = 'Edited, but with an older timestamp';
    older.tables.visits[1]!.updatedAt = '2000-01-01T00:00:00.000Z';
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    writeFileSync(join(dir, 'older.json'), JSON.stringify(older));
    const out = join(dir, 'conflicts.json');
    const r = await cli('merge', join(dir, 'older.json'), join(dir, 'edited.json'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 conflict\(s\)/);
    const merged = read(out).backup.tables.visits;
    expect(merged).toHaveLength(3);
    expect(merged.find((x) => x.id === v.id)?.purpose).toBe('Edited later');
    expect(merged.find((x) => x.id === seed.tables.visits[1]!.id)?.purpose).toBe(seed.tables.visits[1]!.purpose);
  });

  it('import-hsg on the real data set, then merge with the seed: valid backups with the expected counts and the union', async () => {
    const hsg = join(dir, 'hsg.json');
    const r = await cli('import-hsg', bundledHsgFolder(), '--out', hsg);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/7535 records \(3264 visits by foreign leaders, 4271 trips\), 0 skipped/);
    const imported = read(hsg);
    expect(imported.counts).toMatchObject({ visits: 8222, sources: 3, meetings: 0, evidence: 0 });
    const people = imported.counts.people;

    const merged = join(dir, 'merged.json');
    const m = await cli('merge', join(dir, 'seed.json'), hsg, '--out', merged);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stderr).toMatch(/0 conflict\(s\)/);
    const union = read(merged);
    expect(union.counts).toMatchObject({ visits: 8222 + 3, people: people + 5, sources: 3 + 1, evidence: 57 });

    // Merging a backup with itself changes nothing.
    const same = join(dir, 'same.json');
    expect((await cli('merge', merged, merged, '--out', same)).code).toBe(0);
    expect(read(same).counts).toEqual(union.counts);
  }, 120_000);
});
