import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBackup, serializeBackup } from '../../../shared/backup';
import { SEED_IDS, buildSeed } from '../../../shared/seed';
import type { ReportModel, TimelineJs } from '../../../shared/reports';
import { buildGeneratedTables } from './build-visits';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir = '';
let seedFile = '';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // What `npx tsx scripts/cli.ts` runs, without npx's start-up second.
    execFile(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'report', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'legation-report-cli-'));
  seedFile = join(dir, 'seed.json');
  const seed = buildSeed();
  // Another visit of someone else, to see the traveller filter work.
  const gen = buildGeneratedTables(3, { purposes: ['=HYPERLINK("http://x","y")'] });
  const tables = {
    people: [...seed.people, ...gen.people],
    sources: [...seed.sources, ...gen.sources],
    visits: [...seed.visits, ...gen.visits],
    meetings: [...seed.meetings, ...gen.meetings],
    events: seed.events,
    evidence: [...seed.evidence, ...gen.evidence],
    notes: gen.notes,
  };
  writeFileSync(seedFile, serializeBackup(buildBackup(tables, { name: 'Legation', version: '0.1.0' }, '2024-01-01T00:00:00.000Z')));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run cli -- report', { timeout: 60_000 }, () => {
  it('writes Markdown for a traveller given by an alias, any case or accents', async () => {
    const out = join(dir, 'kadhimi.md');
    // The brief is the default now: the full report is asked for by name.
    const r = await cli(seedFile, '--template', 'annex', '--format', 'md', '--traveller', 'AL-KADHIMI', '--out', out);
    expect(r.stderr).toContain('3 visits written');
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# Legation report: Visits of Mustafa al-Kadhemi');
    expect(md.match(/^### /gm)).toHaveLength(3);
    expect(md).toContain('King Salman was hospitalised');
  });

  it('writes CSV, iCalendar, DOCX, JSON and TimelineJS that their readers open', async () => {
    const csvOut = join(dir, 'all.csv');
    const icsOut = join(dir, 'all.ics');
    const docxOut = join(dir, 'iran.docx');
    const jsonOut = join(dir, 'july.json');
    const tlOut = join(dir, 'all-timeline.json');
    const results = await Promise.all([
      cli(seedFile, '--template', 'annex', '--format', 'csv', '--out', csvOut),
      cli(seedFile, '--template', 'annex', '--format', 'ics', '--out', icsOut),
      cli(seedFile, '--template', 'annex', '--format', 'docx', '--country', 'ir', '--out', docxOut),
      cli(
        seedFile,
        '--template',
        'annex',
        '--format',
        'json',
        '--from',
        '2020-07-01',
        '--to',
        '2020-07-31',
        '--title',
        'July',
        '--out',
        jsonOut,
      ),
      cli(seedFile, '--template', 'annex', '--format', 'timelinejs', '--out', tlOut),
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);

    const rows = Papa.parse<Record<string, string>>(readFileSync(csvOut, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.purpose?.includes('HYPERLINK'))?.purpose).toBe('\'=HYPERLINK("http://x","y")');

    const cal = new ICAL.Component(ICAL.parse(readFileSync(icsOut, 'utf8')) as unknown[]);
    expect(cal.getAllSubcomponents('vevent').length).toBe(5); // the Saudi visit has no date
    expect(results[1].stderr).toContain(`skipped (no start date): Mustafa al-Kadhemi → Saudi Arabia (${SEED_IDS.saudiVisit})`);

    const { value } = await mammoth.extractRawText({ buffer: readFileSync(docxOut) });
    expect(value).toContain('Mustafa al-Kadhemi → Iran, Tehran');
    expect(value).toContain('They killed your guest in your house');
    expect(value).not.toContain('Saudi Arabia');

    const model = JSON.parse(readFileSync(jsonOut, 'utf8')) as ReportModel;
    expect(model.title).toBe('July');
    expect(model.visits.map((v) => v.id)).toEqual([SEED_IDS.tehranVisit, SEED_IDS.washingtonVisit]);

    const tl = JSON.parse(readFileSync(tlOut, 'utf8')) as TimelineJs;
    expect(tl.events.filter((e) => e.unique_id.startsWith('visit-'))).toHaveLength(5);
  });

  it('writes the brief by default, as of a chosen day, in Markdown and Word', async () => {
    const md = join(dir, 'brief.md');
    const docx = join(dir, 'brief.docx');
    const [a, b] = await Promise.all([
      cli(seedFile, '--format', 'md', '--as-of', '2020-07-25', '--since', '2020-07-01', '--traveller', 'Kadhemi', '--out', md),
      cli(seedFile, '--format', 'docx', '--out', docx),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stderr).toContain('brief of 3 visits as of 2020-07-25 written to');
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Legation brief: Visits of Mustafa al-Kadhemi\n/);
    expect(text).toContain('- **As of:** 25 July 2020 · **Changes since:** 1 July 2020');
    expect(text).toContain('Since 1 July 2020: 2 new plans, 1 postponement (King Salman was hospitalised) and 1 completion.');
    expect(text).not.toContain('They killed your guest'); // quotes stay in the annex
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(docx) });
    expect(value).toContain('Overdue plans');
    expect(value).toContain('Mustafa al-Kadhemi → United States, Washington');
    expect(value).toMatch(/Generated: \d{1,2} \w+ \d{4}, \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)/);
  });

  it('writes the dossier of one visit in Markdown, HTML and Word', async () => {
    const md = join(dir, 'dossier.md');
    const html = join(dir, 'dossier.html');
    const docx = join(dir, 'dossier.docx');
    const rs = await Promise.all([
      cli(seedFile, '--template', 'dossier', '--visit', SEED_IDS.tehranVisit, '--format', 'md', '--out', md),
      cli(
        seedFile,
        '--template',
        'dossier',
        '--visit',
        SEED_IDS.washingtonVisit,
        '--format',
        'html',
        '--as-of',
        '2020-07-25',
        '--out',
        html,
      ),
      cli(
        seedFile,
        '--template',
        'dossier',
        '--visit',
        SEED_IDS.saudiVisit,
        '--format',
        'docx',
        '--title',
        'For the Ambassador',
        '--out',
        docx,
      ),
    ]);
    expect(rs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(rs[0].stderr).toContain('dossier of Mustafa al-Kadhemi → Iran, Tehran written to');
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Mustafa al-Kadhemi → Iran, Tehran\n\n_Visit dossier_\n/);
    expect(text).toContain('- **Hosts:** Ali Khamenei (Supreme Leader of Iran)');
    expect(text).toContain('They killed your guest in your house');
    expect(text).toContain('### Earlier visits from Iran to Iraq');
    // As of 25 July 2020 the Washington plan is not yet overdue.
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<dt>Status</dt><dd>Planned</dd>');
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(docx) });
    expect(value).toContain('FOR THE AMBASSADOR');
    expect(value).toContain('20 July 2020: Postponed — King Salman was hospitalised');
  });

  it('refuses bad input with a message, exit code 2 and no output file', async () => {
    const out = join(dir, 'bad.md');
    const broken = join(dir, 'broken.json');
    const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as { tables: { visits: { startKey: string }[] } };
    seed.tables.visits[0]!.startKey = 'nonsense';
    writeFileSync(broken, JSON.stringify(seed));
    const cases: [string[], RegExp][] = [
      [[seedFile, '--format', 'pdf', '--out', out], /PDF is printed by the app/],
      [[seedFile, '--format', 'md', '--from', '2020-02-30', '--out', out], /--from 2020-02-30 is not a calendar day/],
      [[seedFile, '--format', 'md', '--from', '2020-08-01', '--to', '2020-07-01', '--out', out], /is before --from/],
      [[seedFile, '--format', 'md', '--country', 'ZZ', '--out', out], /--country ZZ is not an ISO 3166-1 alpha-2 country code/],
      [[seedFile, '--format', 'md'], /--out is required/],
      [[seedFile, '--format', 'md', '--traveller', 'Nobody Atall', '--out', out], /no person of that name or alias/],
      [[broken, '--format', 'md', '--out', out], /not a valid Legation backup:[\s\S]*startKey must equal start\.from/],
      [[seedFile, '--format', 'md', '--out', join(dir, 'no-such-folder', 'x.md')], /does not exist/],
      [[seedFile, '--format', 'csv', '--out', out], /the brief is written in md, html, docx; csv is a format of the annex/],
      [[seedFile, '--template', 'brief', '--format', 'ics', '--out', out], /ics is a format of the annex \(add --template annex\)/],
      [[seedFile, '--template', 'dossiers', '--format', 'md', '--out', out], /unknown template "dossiers"/],
      [[seedFile, '--template', 'dossier', '--format', 'md', '--out', out], /the dossier is of one visit: add --visit ID/],
      [
        [seedFile, '--template', 'dossier', '--format', 'csv', '--visit', SEED_IDS.tehranVisit, '--out', out],
        /the dossier is written in md, html, docx/,
      ],
      [
        [seedFile, '--template', 'dossier', '--format', 'md', '--visit', '00000000-0000-4000-8000-000000000000', '--out', out],
        /no such visit/,
      ],
      [
        [seedFile, '--template', 'dossier', '--format', 'md', '--visit', SEED_IDS.tehranVisit, '--country', 'IR', '--out', out],
        /--country is for the brief and the annex/,
      ],
      [[seedFile, '--format', 'md', '--visit', SEED_IDS.tehranVisit, '--out', out], /--visit is for the dossier/],
      [[seedFile, '--format', 'md', '--as-of', '2020-13-01', '--out', out], /--as-of 2020-13-01 is not a calendar day/],
      [[seedFile, '--format', 'md', '--as-of', '2020-07-01', '--since', '2020-08-01', '--out', out], /--since 2020-08-01 is after --as-of/],
      [[seedFile, '--template', 'annex', '--format', 'md', '--as-of', '2020-07-01', '--out', out], /--as-of and --since are for the brief/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(...args)));
    results.forEach((r, i) => {
      expect(r.stderr, cases[i]![0].join(' ')).toMatch(cases[i]![1]);
      expect(r.code).toBe(2);
    });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 180_000); // twenty command lines at once, on a machine shared with other work
});
