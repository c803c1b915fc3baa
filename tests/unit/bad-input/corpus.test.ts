import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer, type Token, type Tokens } from 'marked';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildBackup, parseBackup, serializeBackup } from '../../../shared/backup';
import { extractArticle, htmlToText, looksLikeHtml } from '../../../shared/extract';
import { importHsg } from '../../../shared/importers';
import { isValidDay } from '../../../shared/model/dates';
import { TEXT_LIMITS } from '../../../shared/model';
import { encodingProblem, sniffEncoding } from '../../../shared/text/encoding';
import { buildReportModel, CSV_COLUMNS, renderCsv, renderHtml, renderMarkdown } from '../../../shared/reports';
import { buildGeneratedTables } from '../reports/build-visits';
import { OPTIONS } from '../reports/fixtures';

/**
 * The bad-input corpus (tests/fixtures/bad, described by its manifest.json) through the pure
 * parsers: shared/backup parseBackup, shared/importers importHsg, shared/extract, shared/reports.
 * Every refusal must say what is wrong and where; every payload must come out as inert text.
 * tests/e2e/bad-input.spec.ts drives the same files through the real screens.
 */

interface Case {
  file: string;
  kind: string;
  message: string | null;
  where?: string;
  note?: string;
}

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/bad');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { cases: Case[] };
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const lines = (file: string) =>
  read(file)
    .split('\n')
    .filter((line) => line.length > 0);
const casesOf = (kind: string) => manifest.cases.filter((c) => c.kind === kind).map((c) => [c.file, c] as const);

function listFiles(sub = ''): string[] {
  return readdirSync(path.join(dir, sub)).flatMap((name) => {
    const rel = sub ? `${sub}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? listFiles(rel) : [rel];
  });
}

/** The import's records form a valid backup (every record passes the model's schemas). */
function buildBackupOk(r: ReturnType<typeof importHsg>): boolean {
  const tables = { people: r.people, sources: r.sources, visits: r.visits, meetings: [], events: [], evidence: [], notes: [] };
  return parseBackup(serializeBackup(buildBackup(tables, { name: 'Legation', version: 'test' }, '2026-01-01T00:00:00.000Z'))).ok;
}

/** Markup that would run or load something, if the text were ever parsed as HTML. */
function activeMarkup(html: string): string[] {
  const found: string[] = [];
  const checks: [string, RegExp][] = [
    ['a <script> element', /<script\b/i],
    ['an on* handler inside a tag', /<[^>]*\son\w+\s*=/i],
    ['a javascript: URL in an attribute', /(href|src|action|data|formaction)\s*=\s*["']?\s*(javascript|data|vbscript):/i],
    ['an embedding element', /<(iframe|object|embed|svg|math|img|details|input|form|base|meta|link)\b/i],
  ];
  for (const [label, pattern] of checks) if (pattern.test(html)) found.push(label);
  return found;
}

/** Opening tags as `name attr1 attr2` (attribute names sorted), to compare a report's markup with its template's. */
function tagsOf(html: string): Set<string> {
  const tags = new Set<string>();
  for (const [, name = '', attrs = ''] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const names = [...attrs.matchAll(/\s([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].map((m) => (m[1] ?? '').toLowerCase());
    tags.add([name.toLowerCase(), ...names.sort()].join(' '));
  }
  return tags;
}

const difference = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));

describe('the corpus and its manifest', () => {
  it('lists every file, and every listed file exists', () => {
    const files = listFiles().filter((file) => file !== 'manifest.json');
    expect(manifest.cases.map((c) => c.file).sort()).toEqual(files.sort());
  });

  it('has a message for every refusal case and a note for every inert case', () => {
    for (const c of manifest.cases) {
      if (c.kind === 'backup' || c.kind === 'hsg' || c.kind.startsWith('encoding-')) expect(c.message, c.file).toEqual(expect.any(String));
      else expect(c.note, c.file).toEqual(expect.any(String));
    }
  });
});

describe('backups (parseBackup)', () => {
  it.each(casesOf('backup'))('%s is refused with a message that says what and where', (file, c) => {
    const result = parseBackup(read(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.join('\n')).toMatch(new RegExp(c.message!, 'i'));
    if (c.where) expect(result.errors.join('\n')).toContain(c.where);
    for (const error of result.errors) expect(error.length).toBeLessThan(600);
  });

  it('the cases differ from a good backup only by their defect (the seed itself restores)', () => {
    const good = JSON.parse(read('backup/newer-version.json')) as { formatVersion: number };
    good.formatVersion = 1;
    expect(parseBackup(JSON.stringify(good)).ok).toBe(true);
  });
});

describe('files in another encoding than UTF-8 (shared/text/encoding, used by the CLI, Electron and the browser)', () => {
  const encodingCases = [...casesOf('encoding-backup'), ...casesOf('encoding-hsg'), ...casesOf('encoding-article')];
  it.each(encodingCases)('%s is refused, saying which encoding it is and what to do', (file, c) => {
    const name = file.split('/').pop()!;
    const problem = encodingProblem(name, sniffEncoding(readFileSync(path.join(dir, file))));
    expect(problem).toMatch(new RegExp(`^“${name.replace('.', '\\.')}” ${c.message!}`));
  });
});

describe('Office of the Historian XML (importHsg)', () => {
  it.each(casesOf('hsg'))('%s is refused by file name, and nothing is imported', (file, c) => {
    const started = performance.now();
    const result = importHsg([{ name: file, text: read(file) }]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(c.message!, 'i'));
    expect(result.errors[0]).toContain(c.where!);
    expect(result.errors[0]).not.toMatch(/undefined|\[object/);
    expect(result.visits).toEqual([]);
    expect(result.people).toEqual([]);
    expect(result.counts.filesRefused).toBe(1);
  });

  it.each(casesOf('hsg-long'))('%s: long texts are kept whole where the model holds them, else shortened with a warning', (file) => {
    const result = importHsg([{ name: file, text: read(file) }]);
    expect(result.errors).toEqual([]);
    expect(result.visits).toHaveLength(2);
    const byRecord = (id: string) => result.visits.find((v) => v.tags.includes(`hsg:visit:${id}`))!;
    expect(byRecord('9201').purpose).toHaveLength(3149);
    expect(byRecord('9202').purpose).toHaveLength(TEXT_LIMITS.purpose);
    const long = result.people.find((p) => p.name.startsWith('Aurelio'))!;
    expect(long.name).toHaveLength(TEXT_LIMITS.name);
    expect(result.warnings).toEqual([
      `${file} record 9202: the description has 25,839 characters; Legation keeps 20,000, so it was shortened.`,
      `${file} record 9201: the name has 319 characters; Legation keeps 200, so it was shortened.`,
    ]);
    expect(buildBackupOk(result)).toBe(true);
  });

  it('refuses a bad file among good ones without losing the good ones', () => {
    const good = read('hsg/xinclude.xml');
    const result = importHsg([
      { name: 'hsg/billion-laughs.xml', text: read('hsg/billion-laughs.xml') },
      { name: 'hsg/good.xml', text: good },
    ]);
    expect(result.errors).toEqual([expect.stringMatching(/^hsg\/billion-laughs\.xml: refused/)]);
    expect(result.visits).toHaveLength(1);
  });

  it.each(casesOf('hsg-inert'))('%s imports without reading anything outside the file', (file) => {
    const result = importHsg([{ name: file, text: read(file) }]);
    expect(result.errors).toEqual([]);
    expect(result.visits).toHaveLength(1);
    const everything = JSON.stringify(result);
    expect(everything).not.toMatch(/root:|\/bin\/(ba)?sh/);
    expect(result.people.map((p) => p.name)).toEqual(['Allende']);
    // CDATA is text: it is kept as written, and shown as text by the screens (e2e).
    expect(result.visits[0]?.purpose).toContain("<script>window.__pwned='cdata'</script>");
  });
});

describe('markup payloads in reports (HTML, Markdown, CSV)', () => {
  const payloads = lines('markup/xss-payloads.txt');
  const note = read('markup/xss-note.md');
  const model = () => buildReportModel(buildGeneratedTables(payloads.length, { purposes: payloads, notes: [note, ...payloads] }), OPTIONS);

  it('has payloads to test', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(15);
  });

  it('renders every payload as text in the HTML report (the PDF prints the same page)', () => {
    const html = renderHtml(model());
    // The payloads add no element and no attribute: the report's tags are the template's own.
    const baseline = renderHtml(buildReportModel(buildGeneratedTables(payloads.length), OPTIONS));
    expect(difference(tagsOf(html), tagsOf(baseline))).toEqual([]);
    expect(activeMarkup(html.replace(/<meta [^>]*>/g, ''))).toEqual([]);
    // The payloads are there, escaped: nothing was dropped silently.
    expect(html).toContain('&#60;script&#62;window.__pwned = &#39;script&#39;&#60;/script&#62;');
    expect(html).toMatch(/javascript:window\.__pwned=&#39;js-href&#39;/);
  });

  it('escapes every payload in the Markdown report, so a Markdown viewer shows it as text', () => {
    const md = renderMarkdown(model());
    // Notes are Markdown: they appear as their source in fenced code blocks (inert). Anything a
    // Markdown viewer would turn into HTML or a link must not come from a payload.
    const active: string[] = [];
    const walk = (tokens: Token[]) => {
      for (const token of tokens) {
        if (token.type === 'html') active.push(token.raw);
        if ((token.type === 'link' || token.type === 'image') && !/^https?:/.test((token as Tokens.Link).href)) active.push(token.raw);
        if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens);
        if (token.type === 'list') walk((token as Tokens.List).items);
        if (token.type === 'table') {
          const table = token as Tokens.Table;
          for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens);
        }
      }
    };
    walk(new Lexer().lex(md));
    expect(active).toEqual([]);
    expect(md).toContain("<script>window.__pwned = 'md-block-script'</script>"); // the note is there, as fenced source text
  });

  it('keeps every payload as plain data in CSV', () => {
    const rows = Papa.parse<string[]>(renderCsv(model()), { skipEmptyLines: true }).data;
    const purpose = CSV_COLUMNS.indexOf('purpose');
    const purposes = rows.slice(1).map((row) => row[purpose] ?? '');
    const missing = payloads.filter((payload) => !purposes.some((cell) => cell === payload || cell === `'${payload}`));
    expect(missing).toEqual([]);
  });
});

describe('spreadsheet formulas (CSV export)', () => {
  const payloads = [
    ...lines('csv/formula-payloads.txt'),
    ...read('csv/formula-payloads.txt')
      .split('\n')
      .filter((l) => l.startsWith('\r')),
  ];

  it('prefixes every cell a spreadsheet would evaluate', () => {
    const csv = renderCsv(buildReportModel(buildGeneratedTables(payloads.length, { purposes: payloads }), OPTIONS));
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const cells = rows.slice(1).flat();
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    for (const payload of payloads.filter((p) => /^[=+\-@\t\r]/.test(p))) expect(cells).toContain(`'${payload}`);
  });
});

describe('articles (extract)', () => {
  it.each(casesOf('article'))('%s: proposes visits whose evidence points at the text', (file) => {
    const text = read(file);
    const result = extractArticle(text, { publishedOn: '2020-07-22' });
    expect(result.visits.length).toBeGreaterThan(0);
    expect(result.visits.map((v) => v.country)).toContain('IR');
    for (const visit of result.visits) expect(result.text.slice(visit.evidence.start, visit.evidence.end)).toBe(visit.evidence.quote);
  });

  it.each(casesOf('article-html'))('%s: reads only the text of a web page', (file) => {
    const html = read(file);
    expect(looksLikeHtml(html)).toBe(true);
    const text = htmlToText(html);
    expect(text).not.toMatch(/<|html-head-script|html-svg-script|onerror|onload/);
    expect(text).toContain('Iraqi Prime Minister Mustafa al-Kadhemi arrived in Tehran');
    expect(extractArticle(text, { publishedOn: '2020-07-22' }).visits.map((v) => v.country)).toContain('IR');
  });

  it.each(casesOf('article-dates'))('%s: never proposes a day that does not exist', (file) => {
    const result = extractArticle(read(file), { publishedOn: '2020-03-02' });
    expect(result.visits.length).toBeGreaterThan(0);
    for (const visit of result.visits) {
      for (const date of [visit.start, visit.end, visit.rescheduledTo ?? null]) {
        if (!date) continue;
        for (const day of [date.from, date.to]) if (/^\d{4}-\d{2}-\d{2}$/.test(day)) expect(isValidDay(day), day).toBe(true);
      }
    }
  });
});

describe('text in other scripts', () => {
  it.each(casesOf('names'))('%s: every name survives a backup unchanged', (file) => {
    const names = lines(file);
    const tables = buildGeneratedTables(4);
    tables.people = tables.people.map((person, i) =>
      i < names.length ? { ...person, name: names[i]!, aliases: names.slice(i + 1, i + 3) } : person,
    );
    const extra = names.slice(tables.people.length);
    expect(extra).toEqual(names.slice(tables.people.length)); // (all names fit when there are ≥ 9 people)
    const parsed = parseBackup(serializeBackup(buildBackup(tables, { name: 'Legation', version: '0.1.0' }, '2026-01-01T00:00:00.000Z')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.tables.people.map((p) => p.name)).toEqual(tables.people.map((p) => p.name));
    expect(parsed.backup.tables.people.map((p) => p.name).slice(0, names.length)).toEqual(names.slice(0, tables.people.length));
  });
});
