import mammoth from 'mammoth';
import { Lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { dayDate, type Person, type Source, type Visit } from '../../../shared/model';
import {
  DOSSIER_PREVIOUS_LIMIT,
  DossierVisitMissingError,
  buildDossierModel,
  renderDossierDocx,
  renderDossierHtml,
  renderDossierMarkdown,
  type DossierOptions,
  type ReportInput,
} from '../../../shared/reports';
import { SEED_IDS } from '../../../shared/seed';
import { seedInput } from './fixtures';

const OPTIONS: Omit<DossierOptions, 'visitId'> = {
  generatedAt: '2026-12-07T13:09:00.000Z',
  zoneOffsetMinutes: 60,
  asOf: '2026-12-07',
};

/** What an analyst must never read in a dossier: internal codes and the annex's field suffixes. */
const INTERNAL = [
  /\bofficial\b/,
  /(?<!Date )\bunknown\b/i,
  /\(on\)/,
  /\(reason\)/,
  /→ postponed/,
  /status change to/,
  /\bplanned\b/,
  /hsg:/,
];

const id = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const T = '2024-01-01T00:00:00.000Z';

function person(n: number, name: string, country: string, roles: Person['roles'] = []): Person {
  return { id: id(n), createdAt: T, updatedAt: T, deletedAt: null, name, aliases: [], roles, country, note: '' };
}

/** A completed visit on one day, cited to `sourceId`. */
function pastVisit(n: number, travellerId: string, country: string, day: string, purpose = '', sourceId: string | null = null): Visit {
  return {
    id: id(n),
    createdAt: T,
    updatedAt: T,
    deletedAt: null,
    travellerId,
    delegationIds: [],
    hostIds: [],
    place: { country, city: null, lat: null, lon: null },
    kind: 'working',
    purpose,
    start: dayDate(day),
    end: null,
    status: 'completed',
    statusHistory: [
      { id: id(n + 500), status: 'completed', from: null, on: day, reason: '', sourceId, start: null, end: null, recordedAt: T },
    ],
    tourId: null,
    tags: [`hsg:trip:${n}`],
    sourceIds: sourceId ? [sourceId] : [],
    startKey: day,
  };
}

const DATASET: Source = {
  id: id(900),
  createdAt: T,
  updatedAt: T,
  deletedAt: null,
  kind: 'dataset',
  title: 'Travels of the President',
  publisher: 'Office of the Historian',
  url: null,
  datelinePlace: null,
  publishedOn: null,
  text: '',
};

/**
 * The seed with what the Office of the Historian's records would add: the same prime minister
 * under another spelling visiting Washington, and American presidents in Iraq, before and after
 * July 2020.
 */
function withHistory(): ReportInput {
  const s = seedInput();
  const kadhimi = person(1, 'Mustafa al-Kadhimi', 'IQ');
  const bush = person(2, 'George W. Bush', 'US', [{ title: 'President', country: 'US', from: '2001-01', to: '2009-01' }]);
  const trump = s.people.find((p) => p.id === SEED_IDS.trump)!;
  const abadi = person(3, 'Haider al-Abadi', 'IQ');
  const visits = [
    ...s.visits,
    pastVisit(10, kadhimi.id, 'US', '2020-08-20', 'Met with President Trump.', DATASET.id),
    pastVisit(11, kadhimi.id, 'US', '2019-05-02', 'Private visit.', DATASET.id),
    pastVisit(12, abadi.id, 'US', '2017-03-20', 'Official visit.', DATASET.id),
    pastVisit(20, bush.id, 'IQ', '2003-11-27', 'Thanksgiving visit to troops.', DATASET.id),
    pastVisit(21, bush.id, 'IQ', '2008-12-14', 'Signed the Strategic Framework Agreement.', DATASET.id),
    pastVisit(22, trump.id, 'IQ', '2018-12-26', 'Visited troops at Al Asad Air Base.', DATASET.id),
    pastVisit(23, trump.id, 'IQ', '2021-01-05', 'Never happened: later than the plan.', DATASET.id),
    pastVisit(24, bush.id, 'IR', '2005-01-01', 'Not to Iraq.', DATASET.id),
  ];
  return { ...s, people: [...s.people, kadhimi, bush, abadi], visits, sources: [...s.sources, DATASET] };
}

describe('the dossier model', () => {
  it('the Tehran visit: cover, history, counterparts, the meeting with its quotes, the note, one endnote', () => {
    const m = buildDossierModel(seedInput(), { ...OPTIONS, visitId: SEED_IDS.tehranVisit });
    expect(m.title).toBe('Visit dossier');
    expect(m.visitTitle).toBe('Mustafa al-Kadhemi → Iran, Tehran');
    expect(m.generatedLabel).toBe('7 December 2026, 14:09 (UTC+01:00)');
    expect(Object.fromEntries(m.facts.map((f) => [f.label, f.value]))).toMatchObject({
      Traveller: 'Mustafa al-Kadhemi, Prime Minister of Iraq',
      Destination: 'Iran, Tehran',
      Hosts: 'Ali Khamenei (Supreme Leader of Iran)',
      Dates: '21 July 2020',
      Status: 'Completed',
      Kind: 'Official visit',
    });
    expect(m.history.map((h) => [h.onLabel, h.label])).toEqual([['21 July 2020', 'Completed']]);
    expect(m.counterparts).toEqual([{ name: 'Ali Khamenei', role: 'Supreme Leader of Iran' }]);
    expect(m.meetings).toHaveLength(1);
    expect(m.meetings[0]!.quotes.map((q) => q.text)).toContain('They killed your guest in your house and blatantly confessed to it.');
    expect(m.notes.map((n) => n.title)).toEqual(['Reading']);
    expect(m.footnotes.map((f) => f.n)).toEqual([1]);
    expect(m.previous.items).toEqual([]);
    expect(m.previous.empty).toBe('None recorded before this visit.');
    expect(m.otherWay.heading).toBe('Earlier visits from Iran to Iraq');
  });

  it('a plan whose dates passed says it is overdue, in words', () => {
    const m = buildDossierModel(seedInput(), { ...OPTIONS, visitId: SEED_IDS.washingtonVisit });
    expect(m.facts.find((f) => f.label === 'Status')!.value).toBe(
      'Planned, overdue: its dates passed on 2 September 2020 with no record of what happened',
    );
    expect(m.facts.find((f) => f.label === 'Dates')!.value).toBe('22 July 2020 – 2 September 2020 (within weeks)');
    // As of a day inside the window it is simply planned.
    const before = buildDossierModel(seedInput(), { ...OPTIONS, asOf: '2020-07-25', visitId: SEED_IDS.washingtonVisit });
    expect(before.facts.find((f) => f.label === 'Status')!.value).toBe('Planned');
  });

  it('the status history reads in date order, whatever order it was recorded in', () => {
    const input = seedInput();
    const saudi = input.visits.find((v) => v.id === SEED_IDS.saudiVisit)!;
    // A postponement typed first, and the plan it postponed (told on an earlier day) typed after.
    const [plan, postponed] = saudi.statusHistory;
    const shuffled: Visit = {
      ...saudi,
      statusHistory: [
        { ...postponed!, on: '2020-07-20' },
        { ...plan!, on: '2020-07-10' },
      ],
    };
    const m = buildDossierModel(
      { ...input, visits: input.visits.map((v) => (v.id === saudi.id ? shuffled : v)) },
      { ...OPTIONS, visitId: saudi.id },
    );
    expect(m.history.map((h) => [h.onLabel, h.label, h.reason])).toEqual([
      ['10 July 2020', 'Planned', 'Scheduled as his first trip abroad (no date given for the plan)'],
      ['20 July 2020', 'Postponed', 'King Salman was hospitalised'],
    ]);
  });

  it('earlier visits both ways: the traveller under another spelling, and the host country’s people the other way, newest first', () => {
    const m = buildDossierModel(withHistory(), { ...OPTIONS, visitId: SEED_IDS.washingtonVisit });
    expect(m.previous.heading).toBe('Mustafa al-Kadhemi’s earlier visits to United States');
    // Al-Kadhimi's visit of August 2020 is after the plan's first day (22 July): not earlier. Al-Abadi is another person.
    expect(m.previous.items.map((v) => [v.dates, v.title, v.statusLabel])).toEqual([
      ['2 May 2019', 'Mustafa al-Kadhimi → United States', 'Completed'],
    ]);
    expect(m.otherWay.heading).toBe('Earlier visits from United States to Iraq');
    expect(m.otherWay.items.map((v) => [v.dates, v.title])).toEqual([
      ['26 December 2018', 'Donald Trump → Iraq'],
      ['14 December 2008', 'George W. Bush → Iraq'],
      ['27 November 2003', 'George W. Bush → Iraq'],
    ]);
    expect(m.otherWay.items[0]!.detail).toBe('Working visit · Visited troops at Al Asad Air Base.');
    // The data set is cited once, after the article.
    expect(m.footnotes.map((f) => f.title)).toEqual([
      'Khamenei tells visiting Iraqi PM Kadhemi that Iran will not interfere in Iraq’s ties with Washington',
      'Travels of the President',
    ]);
    expect(m.otherWay.items.every((v) => v.footnotes[0] === 2)).toBe(true);
  });

  it('a long record keeps the newest visits and counts the rest', () => {
    const base = withHistory();
    const bushId = id(2);
    const many = Array.from({ length: 12 }, (_, i) => pastVisit(100 + i, bushId, 'IQ', `2004-0${1 + (i % 9)}-1${i % 10}`));
    const m = buildDossierModel({ ...base, visits: [...base.visits, ...many] }, { ...OPTIONS, visitId: SEED_IDS.washingtonVisit });
    expect(m.otherWay.items).toHaveLength(DOSSIER_PREVIOUS_LIMIT);
    expect(m.otherWay.more).toBe(15 - DOSSIER_PREVIOUS_LIMIT);
    expect(m.otherWay.items[0]!.title).toBe('Donald Trump → Iraq');
  });

  it('a missing or deleted visit is a clear error', () => {
    expect(() => buildDossierModel(seedInput(), { ...OPTIONS, visitId: id(999) })).toThrow(DossierVisitMissingError);
    const s = seedInput();
    const deleted = { ...s, visits: s.visits.map((v) => (v.id === SEED_IDS.saudiVisit ? { ...v, deletedAt: T } : v)) };
    expect(() => buildDossierModel(deleted, { ...OPTIONS, visitId: SEED_IDS.saudiVisit })).toThrow(/No visit with the id/);
  });

  it('is deterministic', () => {
    const a = buildDossierModel(withHistory(), { ...OPTIONS, visitId: SEED_IDS.washingtonVisit });
    const b = buildDossierModel(withHistory(), { ...OPTIONS, visitId: SEED_IDS.washingtonVisit });
    expect(a).toEqual(b);
  });
});

describe('the dossier, read back', () => {
  const tehran = () => buildDossierModel(seedInput(), { ...OPTIONS, visitId: SEED_IDS.tehranVisit });
  const washington = () => buildDossierModel(withHistory(), { ...OPTIONS, visitId: SEED_IDS.washingtonVisit });

  it('Markdown: one title, the sections in order, footnotes defined, a note’s heading kept inside its fence', () => {
    const md = renderDossierMarkdown(tehran());
    const tokens = new Lexer({ gfm: true }).lex(md);
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings.filter((h) => h.depth === 1).map((h) => h.text)).toEqual(['Mustafa al-Kadhemi → Iran, Tehran']);
    expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual([
      'Status history',
      'Counterparts and meetings',
      'Earlier visits',
      'Notes',
      'Sources',
    ]);
    expect(tokens.some((t) => t.type === 'code' && (t as Tokens.Code).text.startsWith('# Reading'))).toBe(true);
    expect(md).toContain('- **Generated:** 7 December 2026, 14:09 (UTC+01:00)');
    expect(md).toContain('[^1]: Khamenei tells visiting Iraqi PM Kadhemi');
    for (const bad of INTERNAL) expect(md).not.toMatch(bad);
  });

  it('Word, read by mammoth: the cover, the history, both earlier-visit lists and the sources', async () => {
    const bytes = await renderDossierDocx(washington());
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('Mustafa al-Kadhemi → United States, Washington');
    expect(value).toContain('Traveller: Mustafa al-Kadhemi, Prime Minister of Iraq');
    expect(value).toContain('Status: Planned, overdue: its dates passed on 2 September 2020');
    expect(value).toContain('Generated: 7 December 2026, 14:09 (UTC+01:00)');
    expect(value).toContain('22 July 2020: Planned, for 22 July 2020 – 2 September 2020 (within weeks) — Set to visit within weeks');
    expect(value).toContain('Earlier visits from United States to Iraq');
    expect(value).toContain('26 December 2018: Donald Trump → Iraq — Completed — Working visit · Visited troops at Al Asad Air Base.');
    expect(value).toContain('[2] Travels of the President, Office of the Historian');
    for (const bad of INTERNAL) expect(value).not.toMatch(bad);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<h1>Status history</h1>');
    expect(html).toContain('<h2>Earlier visits from United States to Iraq</h2>');
  });

  it('HTML: one self-contained page; user strings escaped', () => {
    const input = seedInput([{ visitId: SEED_IDS.saudiVisit, body: '<script>alert(1)</script>' }]);
    const html = renderDossierHtml(buildDossierModel(input, { ...OPTIONS, visitId: SEED_IDS.saudiVisit }));
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<title>Visit dossier: Mustafa al-Kadhemi → Saudi Arabia</title>');
    const text = html.slice(html.indexOf('<body>')).replace(/<[^>]+>/g, ' ');
    for (const bad of INTERNAL) expect(text).not.toMatch(bad);
  });
});
