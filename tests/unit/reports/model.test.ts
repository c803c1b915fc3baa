import { describe, expect, it } from 'vitest';
import {
  ReportCancelledError,
  buildReportModel,
  buildReportModelChunked,
  describeSelection,
  findPeopleByName,
  selectVisits,
  selectionFromParams,
  selectionToParams,
} from '../../../shared/reports';
import { SEED_IDS, buildSeed } from '../../../shared/seed';
import { buildGeneratedTables } from './build-visits';
import { OPTIONS, seedInput, seedModel } from './fixtures';

describe('buildReportModel', () => {
  it('covers the three seeded visits by start date, undated last, with cover counts', () => {
    const m = seedModel();
    expect(m.title).toBe(OPTIONS.title);
    expect(m.selection).toBe('All visits');
    expect(m.generatedAt).toBe(OPTIONS.generatedAt);
    expect(m.visits.map((v) => v.id)).toEqual([SEED_IDS.tehranVisit, SEED_IDS.washingtonVisit, SEED_IDS.saudiVisit]);
    expect(m.counts).toMatchObject({ visits: 3, undated: 1, meetings: 1, notes: 1, sources: 1 });
    expect(m.counts.byStatus).toEqual({ planned: 1, postponed: 1, underway: 0, completed: 1, cancelled: 0 });
    expect(m.summary.map((r) => [r.n, r.destination, r.status])).toEqual([
      [1, 'Iran, Tehran', 'completed'],
      [2, 'United States, Washington', 'planned'],
      [3, 'Saudi Arabia', 'postponed'],
    ]);
  });

  it('keeps dates with their precision, the status history with reasons and sources, meetings and quotes', () => {
    const m = seedModel();
    const [tehran, washington, saudi] = m.visits;
    expect(tehran!.dates).toBe('21 July 2020');
    expect(tehran!.start?.precision).toBe('day');
    expect(washington!.start).toMatchObject({ precision: 'window', phrase: 'within weeks', from: '2020-07-22', to: '2020-09-02' });
    expect(washington!.dates).toBe('22 July 2020 – 2 September 2020 (within weeks)');
    expect(saudi!.dates).toBe('Date unknown');
    expect(saudi!.statusHistory.map((c) => [c.from, c.status, c.reason, c.footnote])).toEqual([
      [null, 'planned', 'Scheduled as his first trip abroad (no date given for the plan)', 1],
      ['planned', 'postponed', 'King Salman was hospitalised', 1],
    ]);
    expect(tehran!.meetings[0]!.participants).toEqual(['Mustafa al-Kadhemi', 'Ali Khamenei']);
    expect(tehran!.meetings[0]!.quotes).toHaveLength(6);
    expect(tehran!.meetings[0]!.quotes[2]).toEqual({
      speaker: 'Ali Khamenei',
      text: 'They killed your guest in your house and blatantly confessed to it.',
      footnote: 1,
    });
    expect(saudi!.evidence.map((e) => e.quote)).toContain('The Saudi leg was postponed');
    expect(tehran!.notes[0]!.title).toBe('Reading');
  });

  it('numbers footnotes per report in order of first citation', () => {
    const t = buildGeneratedTables(3);
    const second = {
      ...t.sources[0]!,
      id: '20000000-0000-4000-8000-000000000099',
      title: 'Second source',
      url: null,
      publisher: null,
      publishedOn: null,
    };
    // The first visit (by date) cites the second source first.
    const input = { ...t, sources: [...t.sources, second] };
    const firstVisit = buildReportModel(input, OPTIONS).visits[0]!;
    input.visits = input.visits.map((v) => (v.id === firstVisit.id ? { ...v, sourceIds: [second.id, ...v.sourceIds] } : v));
    const m = buildReportModel(input, OPTIONS);
    expect(m.footnotes.map((f) => [f.n, f.title])).toEqual([
      [1, 'Second source'],
      [2, t.sources[0]!.title],
    ]);
    expect(m.footnotes[1]!.label).toBe('Generated wire, "trips" & talks, Test Agency, 1 March 2021, https://example.org/wire');
    expect(m.visits[0]!.sources).toEqual([1, 2]);
  });

  it('is deterministic and leaves out deleted records', () => {
    const input = seedInput();
    expect(buildReportModel(input, OPTIONS)).toEqual(buildReportModel(structuredClone(input), OPTIONS));
    const gone = {
      ...input,
      visits: input.visits.map((v) => (v.id === SEED_IDS.saudiVisit ? { ...v, deletedAt: '2024-01-01T00:00:00.000Z' } : v)),
    };
    expect(buildReportModel(gone, OPTIONS).visits.map((v) => v.id)).not.toContain(SEED_IDS.saudiVisit);
  });

  it('adds context events about the report’s people and countries', () => {
    const m = seedModel();
    expect(m.context.map((e) => e.title)).toContain('King Salman of Saudi Arabia hospitalised');
    expect(m.context[0]!.date.label).toBe('January 2020');
  });
});

describe('buildReportModelChunked', () => {
  it('gives the same model as the one-shot build, with progress after every chunk', async () => {
    const t = buildGeneratedTables(450);
    const progress: [number, number][] = [];
    let pauses = 0;
    const chunked = await buildReportModelChunked(t, OPTIONS, {
      chunkSize: 100,
      onProgress: (d, n) => progress.push([d, n]),
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
    });
    expect(chunked).toEqual(buildReportModel(t, OPTIONS));
    expect(progress).toEqual([
      [0, 450],
      [100, 450],
      [200, 450],
      [300, 450],
      [400, 450],
      [450, 450],
    ]);
    expect(pauses).toBe(5);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = buildReportModelChunked(buildGeneratedTables(500), OPTIONS, {
      chunkSize: 100,
      onProgress: (done) => {
        if (done === 200) controller.abort();
      },
      pause: () => Promise.resolve(),
      signal: controller.signal,
    });
    await expect(run).rejects.toBeInstanceOf(ReportCancelledError);
  });
});

describe('selection', () => {
  const seed = buildSeed();
  it('filters like the Visits list and describes itself', () => {
    expect(selectVisits(seed.visits, {}).length).toBe(3);
    expect(selectVisits(seed.visits, { country: 'IR' }).map((v) => v.id)).toEqual([SEED_IDS.tehranVisit]);
    expect(selectVisits(seed.visits, { status: 'postponed' }).map((v) => v.id)).toEqual([SEED_IDS.saudiVisit]);
    // The Saudi visit has no date: a date range leaves it out; the Washington window overlaps August.
    expect(selectVisits(seed.visits, { from: '2020-08-01', to: '2020-08-31' }).map((v) => v.id)).toEqual([SEED_IDS.washingtonVisit]);
    expect(selectVisits(seed.visits, { visitId: SEED_IDS.saudiVisit }).map((v) => v.id)).toEqual([SEED_IDS.saudiVisit]);
    expect(describeSelection({}, seed.people)).toBe('All visits');
    expect(describeSelection({ travellerId: SEED_IDS.kadhemi, country: 'IR' }, seed.people)).toBe('Visits of Mustafa al-Kadhemi to Iran');
    expect(describeSelection({ status: 'planned', from: '2020-07-01' }, seed.people)).toBe('Planned visits from 2020-07-01');
    expect(describeSelection({ from: '2020-07-01', to: '2020-07-31' }, seed.people)).toBe('Visits from 2020-07-01 to 2020-07-31');
  });

  it('reads and writes URL parameters, ignoring malformed ones', () => {
    const s = selectionFromParams(
      new URLSearchParams(`status=planned&country=IR&traveller=${SEED_IDS.kadhemi}&from=2020-01-01&to=2020-02-30`),
    );
    expect(s).toEqual({ status: 'planned', country: 'IR', travellerId: SEED_IDS.kadhemi, from: '2020-01-01' });
    expect(selectionToParams(s).toString()).toBe(`status=planned&country=IR&traveller=${SEED_IDS.kadhemi}&from=2020-01-01`);
    expect(selectionFromParams(new URLSearchParams(`visit=${SEED_IDS.tehranVisit}&status=planned`))).toEqual({
      visitId: SEED_IDS.tehranVisit,
    });
    expect(selectionFromParams(new URLSearchParams('status=bogus&country=iq&traveller=x'))).toEqual({});
  });

  it('finds a traveller by name or alias, ignoring case, accents and "al-"', () => {
    expect(findPeopleByName(seed.people, 'KADHIMI').map((p) => p.id)).toEqual([SEED_IDS.kadhemi]);
    expect(findPeopleByName(seed.people, 'Mustafa Al-Kadhemi').map((p) => p.id)).toEqual([SEED_IDS.kadhemi]);
    const t = buildGeneratedTables(1);
    expect(findPeopleByName(t.people, 'jose alvarez').map((p) => p.name)).toEqual(['José Álvarez']);
    expect(findPeopleByName(t.people, 'farouk').map((p) => p.name)).toEqual(['Omar al-Farouk']);
    expect(findPeopleByName(seed.people, 'Nobody')).toEqual([]);
  });
});
