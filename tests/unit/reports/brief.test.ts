import mammoth from 'mammoth';
import { Lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { isOverdue, localToday, windowDate, zonedTimeLabel } from '../../../shared/model';
import {
  BRIEF_SECTION_LIMIT,
  buildBriefModel,
  renderBriefDocx,
  renderBriefHtml,
  renderBriefMarkdown,
  type BriefModel,
  type BriefOptions,
} from '../../../shared/reports';
import { SEED_IDS } from '../../../shared/seed';
import { buildGeneratedTables } from './build-visits';
import { seedInput } from './fixtures';

const BRIEF: BriefOptions = {
  title: 'Brief for the Ambassador',
  generatedAt: '2026-12-07T13:09:00.000Z',
  zoneOffsetMinutes: 60,
  selectionLabel: 'All visits',
  asOf: localToday(),
};

/** What the annex says and the brief must not: internal codes, field suffixes, quotes. */
const INTERNAL = [
  /\bofficial\b/,
  /(?<!Date )\bunknown\b/,
  /\(on\)/,
  /\(reason\)/,
  /→ postponed/,
  /status change to/,
  /They killed your guest/,
];

const seedBrief = (o: Partial<BriefOptions> = {}): BriefModel => buildBriefModel(seedInput(), { ...BRIEF, ...o });

describe('the brief model', () => {
  it('on the seed as of today: the Washington plan of July 2020 is overdue, the Saudi trip postponed with its reason', () => {
    const m = seedBrief();
    expect(m.overdue.items.map((l) => l.visitId)).toEqual([SEED_IDS.washingtonVisit]);
    expect(m.overdue.items[0]!.detail).toBe('Planned on 22 July 2020: Set to visit within weeks; nothing recorded since');
    expect(m.postponedOrCancelled.items.map((l) => [l.visitId, l.detail])).toEqual([
      [SEED_IDS.saudiVisit, 'Postponed on 20 July 2020: King Salman was hospitalised; no new date yet'],
    ]);
    expect(m.next30.items).toEqual([]);
    expect(m.next90.items).toEqual([]);
    expect(m.summary[0]).toBe('3 visits: 1 planned, 1 postponed and 1 completed.');
    expect(m.summary).toContain('1 plan is overdue: its dates have passed with no record of what happened.');
    expect(m.footnotes).toHaveLength(1);
    expect(m.overdue.items[0]!.footnotes).toEqual([1]);
  });

  it('as of 25 July 2020: the "within weeks" window is coming up, and what changed since 1 July is told with reasons', () => {
    const m = seedBrief({ asOf: '2020-07-25', since: '2020-07-01' });
    expect(m.next30.items.map((l) => [l.title, l.dates])).toEqual([
      ['Mustafa al-Kadhemi → United States, Washington', '22 July 2020 – 2 September 2020 (within weeks)'],
    ]);
    expect(m.overdue.items).toEqual([]);
    expect(m.summary).toContain('Since 1 July 2020: 2 new plans, 1 postponement (King Salman was hospitalised) and 1 completion.');
    expect(m.changes.items.map((c) => [c.onLabel, c.label, c.reason])).toEqual([
      ['22 July 2020', 'New plan', 'Set to visit within weeks'],
      ['21 July 2020', 'Completed', ''],
      ['20 July 2020', 'Postponed', 'King Salman was hospitalised'],
      ['20 July 2020', 'New plan', 'Scheduled as his first trip abroad (no date given for the plan)'],
    ]);
  });

  it('defaults "since" to 30 days before "as of", and is deterministic', () => {
    const m = seedBrief({ asOf: '2020-08-10' });
    expect(m.since).toBe('2020-07-11');
    expect(seedBrief({ asOf: '2020-08-10' })).toEqual(m);
  });

  it('overdue is the status rule: planned or postponed, the whole window passed', () => {
    const v = { status: 'planned' as const, start: windowDate('2020-07-22', '2020-09-02', 'within weeks'), end: null };
    expect(isOverdue(v, '2020-09-02')).toBe(false);
    expect(isOverdue(v, '2020-09-03')).toBe(true);
    expect(isOverdue({ ...v, status: 'completed' }, '2026-01-01')).toBe(false);
    expect(isOverdue({ ...v, start: null }, '2026-01-01')).toBe(false);
  });

  it('tells the time of generation in the reader’s zone, named', () => {
    expect(zonedTimeLabel('2026-12-07T13:09:00.000Z', 60)).toBe('7 December 2026, 14:09 (UTC+01:00)');
    expect(zonedTimeLabel('2026-12-07T23:30:00.000Z', 330)).toBe('8 December 2026, 05:00 (UTC+05:30)');
    expect(zonedTimeLabel('2026-12-07T03:00:00.000Z', -300)).toBe('6 December 2026, 22:00 (UTC-05:00)');
    expect(seedBrief().generatedLabel).toBe('7 December 2026, 14:09 (UTC+01:00)');
  });

  it('stays a brief for 300 visits: each section at most the limit, the rest counted for the annex', () => {
    const tables = buildGeneratedTables(300);
    const m = buildBriefModel({ ...tables, events: [] }, { ...BRIEF, asOf: '2021-06-01', since: '2021-01-01' });
    expect(m.counts.visits).toBe(300);
    for (const s of [m.changes, m.next30, m.next90, m.overdue, m.postponedOrCancelled]) {
      expect(s.items.length).toBeLessThanOrEqual(BRIEF_SECTION_LIMIT);
    }
    expect(m.changes.more + m.overdue.more + m.postponedOrCancelled.more).toBeGreaterThan(0);
    const md = renderBriefMarkdown(m);
    expect(md).toMatch(/\d+ more, not listed here: see the annex/);
    expect(md.split('\n').length).toBeLessThan(200);
  });
});

describe('the brief in Markdown', () => {
  it('reads as a brief: summary first, the sections in order, endnotes, no internal labels', () => {
    const md = renderBriefMarkdown(seedBrief());
    const tokens = Lexer.lex(md);
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings.map((h) => [h.depth, h.text])).toEqual([
      [1, 'Brief for the Ambassador'],
      [2, 'Summary'],
      [2, expect.stringMatching(/^Changes since \d{1,2} \w+ \d{4}$/)],
      [2, 'Next 30 days'],
      [2, 'In 31 to 90 days'],
      [2, 'Overdue plans'],
      [2, 'Postponed or cancelled'],
      [2, 'Sources'],
    ]);
    expect(tokens.some((t) => t.type === 'html')).toBe(false);
    expect(md).toContain('- **Generated:** 7 December 2026, 14:09 (UTC+01:00)');
    expect(md).toContain(
      '- **Mustafa al-Kadhemi → Saudi Arabia** — Date unknown — Postponed on 20 July 2020: King Salman was hospitalised; no new date yet[^1]',
    );
    expect(md).toContain('[^1]: Khamenei tells visiting Iraqi PM Kadhemi');
    for (const bad of INTERNAL) expect(md).not.toMatch(bad);
    expect(md).not.toContain('UTC\n'); // never the annex's UTC-only time
  });
});

describe('the brief in HTML', () => {
  it('is self-contained, escaped and worded like the Markdown', () => {
    const html = renderBriefHtml(seedBrief());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    expect(html).toContain('<h2 id="brief-summary-h">Summary</h2>');
    expect(html).toContain('<h2 id="brief-overdue-h">Overdue plans</h2>');
    expect(html).toContain('7 December 2026, 14:09 (UTC+01:00)');
    expect(html).toContain('King Salman was hospitalised');
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    for (const bad of INTERNAL) expect(text).not.toMatch(bad);
  });

  it('escapes hostile purposes', () => {
    const tables = buildGeneratedTables(30, { purposes: ['<script>window.__pwned = 1</script>', '<img src=x onerror="x()">'] });
    // As of the generated plans' dates, so purposes appear in the "coming up" lines.
    const m = buildBriefModel({ ...tables, events: [] }, { ...BRIEF, asOf: '2019-01-01', since: '2018-01-01' });
    const html = renderBriefHtml(m);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  });
});

describe('the brief in Word', () => {
  it('reads back with mammoth: title, summary, sections, local time, sources', async () => {
    const bytes = await renderBriefDocx(seedBrief());
    const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(messages).toEqual([]);
    expect(value).toContain('Brief for the Ambassador');
    expect(value).toContain('Generated: 7 December 2026, 14:09 (UTC+01:00)');
    expect(value).toContain('3 visits: 1 planned, 1 postponed and 1 completed.');
    expect(value).toContain('Overdue plans');
    expect(value).toContain('Mustafa al-Kadhemi → United States, Washington — 22 July 2020 – 2 September 2020 (within weeks)');
    expect(value).toContain('King Salman was hospitalised');
    expect(value).toContain('[1] Khamenei tells visiting Iraqi PM Kadhemi');
    for (const bad of INTERNAL) expect(value).not.toMatch(bad);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain('<h1>Summary</h1>');
  });
});
