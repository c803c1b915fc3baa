import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Written apart so that this file does not itself hold the pattern the check looks for.
const UP = '..';
const CHECK = fileURLToPath(new URL('../../../scripts/check-self-contained.mjs', import.meta.url));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'legation-self-contained-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function check(root: string) {
  const r = spawnSync(process.execPath, [CHECK, root], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('the check that the repository stands alone', () => {
  it('passes the repository itself', () => {
    const r = check(fileURLToPath(new URL('../../../', import.meta.url)));
    expect(r.out).toContain('Nothing outside the repository is read');
    expect(r.code).toBe(0);
  });

  it('fails on each way of reading beside the repository, naming file and line', () => {
    const root = tree({
      'tests/a.test.ts': `import { resolve } from 'node:path';\nconst DIR = resolve(process.cwd(), '${UP}/shared/data');\n`,
      'tests/deep/b.test.ts': `const F = fileURLToPath(new URL('${UP}/${UP}/${UP}/shared/seed/x.txt', import.meta.url));\n`,
      'scripts/c.ts': `const d = join(process.cwd(), '${UP}', 'shared', 'articles');\n`,
      'renderer/d.ts': "import x from '../../outside/module';\n",
    });
    const r = check(root);
    expect(r.code).toBe(1);
    expect(r.out).toContain('tests/a.test.ts:2: ../shared/data');
    expect(r.out).toContain('tests/deep/b.test.ts:1: ../../../shared/seed/x.txt');
    expect(r.out).toContain('scripts/c.ts:1: a path above the working directory');
    expect(r.out).toContain('renderer/d.ts:1: ../../outside/module');
  });

  it('accepts paths inside the repository, hostile names given as data, and the evaluation script', () => {
    const root = tree({
      'tests/unit/e.test.ts': "import { x } from '../../shared/model';\nconst bad = { suggestedName: '../../etc/passwd' };\n",
      'shared/tsconfig.json': '{ "extends": "../tsconfig.base.json" }\n',
      'scripts/eval-extract.ts': `const dir = join(process.cwd(), '${UP}', 'shared', 'articles');\n`,
    });
    const r = check(root);
    expect(r.out).toContain('Nothing outside the repository is read');
    expect(r.code).toBe(0);
  });
});
