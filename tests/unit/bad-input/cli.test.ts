import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = join(ROOT, 'tests/fixtures/bad/encoding');

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/cli.ts'), ...args], { cwd: ROOT });
    return { code: 0, stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

describe('the command line refuses files in another encoding with the same words as the app', () => {
  it('a UTF-16 backup, a UTF-16 XML file and a Latin-1 article: exit 2, what they are, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'legation-encoding-'));
    const out = join(dir, 'out');
    const xmlDir = join(dir, 'xml');
    mkdirSync(xmlDir);
    cpSync(join(CORPUS, 'visits-utf16be.xml'), join(xmlDir, 'visits-utf16be.xml'));
    const cases: [string[], RegExp][] = [
      [
        ['report', join(CORPUS, 'backup-utf16le.json'), '--format', 'md', '--out', `${out}.md`],
        /backup-utf16le\.json” is UTF-16 text; Legation reads UTF-8\. Save it as UTF-8/,
      ],
      [['import-hsg', xmlDir, '--out', `${out}.json`], /visits-utf16be\.xml” is UTF-16 text; Legation reads UTF-8/],
      [
        ['extract', join(CORPUS, 'article-latin1.txt')],
        /article-latin1\.txt” looks like Latin-1 \(Windows-1252\) text; Legation reads UTF-8/,
      ],
      [['merge', join(CORPUS, 'photo.json'), join(CORPUS, 'photo.json'), '--out', `${out}-m.json`], /photo\.json” is not a text file\./],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/NUL bytes|U\+FFFD|\uFFFD/);
    }
    for (const f of [`${out}.md`, `${out}.json`, `${out}-m.json`]) expect(existsSync(f)).toBe(false);
  }, 60_000);
});
