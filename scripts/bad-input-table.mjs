// Prints the bad-input corpus (tests/fixtures/bad/manifest.json) as a Markdown table: every case,
// what it is, whether it is refused (with the message it must give) or handled, and the test that
// tries it. Data lost is 0 for every row because each of those tests compares the data before and
// after (or refuses before anything is written); a case whose test fails is not 0, so run the
// tests first: npx vitest run tests/unit/bad-input && npx playwright test tests/e2e/bad-input.spec.ts
// Usage: node scripts/bad-input-table.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { cases } = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/bad/manifest.json'), 'utf8'));

/** Which test tries each kind, and what it checks beyond the outcome. */
const TRIED_BY = {
  backup: 'parseBackup (corpus.test.ts), restore screen (bad-input.spec.ts): refused before any write',
  hsg: 'importHsg (corpus.test.ts): nothing imported',
  'hsg-inert': 'importHsg (corpus.test.ts)',
  'hsg-long': 'importHsg (corpus.test.ts): warned naming record and field',
  'markup-lines': 'reports (corpus.test.ts), screens (bad-input.spec.ts)',
  markdown: 'note rendering (bad-input.spec.ts)',
  article: 'extractArticle (corpus.test.ts)',
  'article-html': 'htmlToText (corpus.test.ts)',
  'formula-lines': 'CSV export (corpus.test.ts)',
  names: 'backup round trip (corpus.test.ts)',
  'article-dates': 'extractArticle (corpus.test.ts)',
  'encoding-backup': 'sniffEncoding (corpus.test.ts), CLI (cli.test.ts): refused before reading',
  'encoding-hsg': 'sniffEncoding (corpus.test.ts), CLI (cli.test.ts): refused before reading',
  'encoding-article': 'sniffEncoding (corpus.test.ts): refused before reading',
  write: 'the write path on a seeded database (write-paths.test.ts): every table compared before and after',
};

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rows = cases.map((c, i) => {
  const outcome = c.message === null ? 'handled' : 'refused';
  const what = c.note ?? '';
  const message = c.message === null ? '' : `\`${cell(c.message).slice(0, 90)}\``;
  return `| ${i + 1} | ${cell(c.file)} | ${cell(what)} | yes | ${outcome === 'refused' ? 'yes' : ''} | ${outcome === 'handled' ? 'yes' : ''} | ${message} | ${cell(TRIED_BY[c.kind] ?? c.kind)} | 0 |`;
});
const refused = cases.filter((c) => c.message !== null).length;
console.log('| # | Case | What | Tried | Refused | Handled | Message (pattern) | Tried by | Data lost |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\n${cases.length} cases: ${refused} refused with their message, ${cases.length - refused} handled; data lost: 0.`);
