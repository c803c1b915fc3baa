import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { aggregateRoutes, buildLegs } from '../../../shared/geo';
import { VISIT_STATUSES, isOverdue, type FuzzyDate, type Person, type Visit, type VisitStatus } from '../../../shared/model';
import { placeFor } from '../../../shared/places';
import { SEED_IDS } from '../../../shared/seed';
import { nextPlanned, recentlyPostponed, statusCounts, topCountries, visitsPerYear } from '../../../shared/stats';
import { loadDashboard } from '../../../renderer/features/dashboard/dashboard-data';
import { db } from '../../../renderer/db/instance';
import { loadMapRoutes } from '../../../renderer/features/map/map-data';
import { ensureSeeded } from '../../../renderer/db/seed';
import { listVisits, type VisitFilter } from '../../../renderer/db/visits/repository';

const T0 = '2024-01-01T00:00:00.000Z';
const id = (kind: number, n: number) => `${kind}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const PLACES: [string, string | null][] = [
  ['FR', 'Paris'],
  ['DE', 'Berlin'],
  ['DE', 'Bonn'],
  ['JP', null],
  ['EG', 'Cairo'],
  ['US', 'Washington'],
  ['IQ', 'Baghdad'],
  ['SU', null],
];

/** n visits by 6 travellers (one without a country), every status, dates from 1948 to 2030 at every precision, some undated, some deleted, some tours. */
function generate(n: number): { people: Person[]; visits: Visit[] } {
  const r = rng(42);
  const people: Person[] = ['US', 'FR', 'IQ', 'JP', 'SU', null].map((c, i) => ({
    id: id(1, i),
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    name: `Traveller ${i}`,
    aliases: [],
    roles: c ? [{ title: 'Leader', country: c, from: null, to: null }] : [],
    country: null,
    note: '',
  }));
  const visits: Visit[] = [];
  for (let i = 0; i < n; i++) {
    const status = VISIT_STATUSES[Math.floor(r() * 5)] as VisitStatus;
    const year = 1948 + Math.floor(r() * 83);
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const kind = r();
    let start: FuzzyDate | null;
    if (kind < 0.08) start = null;
    else if (kind < 0.2) start = { precision: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
    else if (kind < 0.3) start = { precision: 'window', from: `${year}-${month}-${day}`, to: `${year + 1}-01-15` };
    else start = { precision: 'day', from: `${year}-${month}-${day}`, to: `${year}-${month}-${day}` };
    const end: FuzzyDate | null = start && r() < 0.3 ? { precision: 'day', from: start.to, to: start.to } : null;
    const [country, city] = PLACES[Math.floor(r() * PLACES.length)]!;
    const on = `${1990 + Math.floor(r() * 30)}-${month}-${day}`;
    const history =
      status === 'planned' || status === 'completed'
        ? [{ status, from: null }]
        : status === 'postponed'
          ? [
              { status: 'planned' as const, from: null },
              { status, from: 'planned' as const },
            ]
          : [
              { status: 'planned' as const, from: null },
              { status, from: 'planned' as const },
            ];
    visits.push({
      id: id(2, i),
      createdAt: T0,
      updatedAt: T0,
      deletedAt: r() < 0.05 ? T0 : null,
      travellerId: people[Math.floor(r() * people.length)]!.id,
      delegationIds: [],
      hostIds: [],
      place: placeFor(country, city),
      kind: 'official',
      purpose: '',
      start,
      end,
      status,
      statusHistory: history.map((h, k) => ({
        id: id(3, i * 4 + k),
        status: h.status,
        from: h.from,
        on,
        reason: '',
        sourceId: null,
        start,
        end,
        recordedAt: T0,
      })),
      tourId: r() < 0.15 ? id(4, Math.floor(r() * 40)) : null,
      tags: [],
      sourceIds: [],
      startKey: start?.from ?? '',
    });
  }
  return { people, visits };
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('loadDashboard (index counts) agrees with the row-by-row definitions in shared/stats', () => {
  it('on the seed', async () => {
    await ensureSeeded(db);
    const d = await loadDashboard('2020-07-22');
    expect(d.byStatus).toEqual({ planned: 1, postponed: 1, underway: 0, completed: 1, cancelled: 0 });
    expect(d.total).toBe(3);
    expect(d.perYear).toEqual([{ year: 2020, count: 2 }]);
    expect(d.undated).toBe(1);
    expect(d.topCountries.map((c) => c.country).sort()).toEqual(['IR', 'SA', 'US']);
    expect(d.nextPlanned.map((v) => v.id)).toEqual([SEED_IDS.washingtonVisit]); // "within weeks" of 2020-07-22
    expect(d.recentlyPostponed.map((v) => v.id)).toEqual([SEED_IDS.saudiVisit]);
    expect(d.overdue).toEqual([]);
    const later = await loadDashboard('2030-01-01');
    expect(later.nextPlanned).toEqual([]);
    // The Washington plan's window ended on 2 September 2020: it has come due; the undated Saudi plan never does.
    expect(later.overdue.map((v) => [v.id, v.dueOn])).toEqual([[SEED_IDS.washingtonVisit, '2020-09-02']]);
    expect(later.overdueCount).toBe(1);
    expect((await loadDashboard('2020-09-02')).overdueCount).toBe(0);
  });

  it('on 1,500 generated visits with deleted rows, undated ones, windows and tours', async () => {
    const { people, visits } = generate(1500);
    await db.people.bulkAdd(people);
    await db.visits.bulkAdd(visits);
    for (const today of ['1990-06-15', '2026-11-28']) {
      const d = await loadDashboard(today, 10);
      expect(d.byStatus).toEqual(statusCounts(visits));
      expect(d.total).toBe(visits.filter((v) => !v.deletedAt).length);
      expect(d.undated).toBe(visits.filter((v) => !v.deletedAt && v.startKey === '').length);
      expect(d.perYear).toEqual(visitsPerYear(visits));
      expect(d.topCountries).toEqual(topCountries(visits, 10));
      expect(d.nextPlanned.map((v) => v.id)).toEqual(nextPlanned(visits, today, 5).map((v) => v.id));
      expect(d.recentlyPostponed.map((v) => v.id)).toEqual(recentlyPostponed(visits, 5).map((v) => v.id));
      // Overdue by the index read agrees with the one rule (isOverdue) applied row by row.
      const due = visits.filter((v) => !v.deletedAt && isOverdue(v, today));
      expect(d.overdueCount).toBe(due.length);
      expect(new Set(d.overdue.map((v) => v.id)).size).toBe(Math.min(5, due.length));
      expect(d.overdue.every((v) => due.some((x) => x.id === v.id))).toBe(true);
    }
  }, 60_000);

  it('an empty database has nothing to count', async () => {
    const d = await loadDashboard('2026-01-01');
    expect(d).toEqual({
      total: 0,
      undated: 0,
      byStatus: { planned: 0, postponed: 0, underway: 0, completed: 0, cancelled: 0 },
      perYear: [],
      topCountries: [],
      nextPlanned: [],
      recentlyPostponed: [],
      overdue: [],
      overdueCount: 0,
    });
  });
});

describe('loadMapRoutes reads the filter through the indexes and matches the Visits list’s rule', () => {
  it('on the seed: three routes from Baghdad', async () => {
    await ensureSeeded(db);
    const m = await loadMapRoutes({});
    expect(m.routes.map((r) => `${r.from.key}>${r.to.key}|${r.status}`).sort()).toEqual([
      'IQ:Baghdad>IR:Tehran|completed',
      'IQ:Baghdad>SA:Riyadh|postponed',
      'IQ:Baghdad>US:Washington|planned',
    ]);
    expect(m.latest[SEED_IDS.tehranVisit]).toMatchObject({ travellerName: 'Mustafa al-Kadhemi', dates: '21 July 2020' });
    expect((await loadMapRoutes({ status: 'postponed' })).routes.map((r) => r.to.key)).toEqual(['SA:Riyadh']);
  });

  it('on generated visits: the same routes as aggregating listVisits() for many filters', async () => {
    const { people, visits } = generate(1200);
    await db.people.bulkAdd(people);
    await db.visits.bulkAdd(visits);
    const byId = new Map(people.map((p) => [p.id, p]));
    const filters: VisitFilter[] = [
      {},
      { status: 'planned' },
      { country: 'DE' },
      { status: 'completed', country: 'FR' },
      { travellerId: people[0]!.id, to: '1999-12-31' },
      { from: '2000-01-01' },
      { to: '1960-06-30' },
      { from: '1970-01-01', to: '1975-12-31', status: 'cancelled' },
      { country: 'SU', from: '1980-01-01' },
    ];
    for (const f of filters) {
      const expected = aggregateRoutes(buildLegs(await listVisits(f), byId).legs, 50);
      const got = await loadMapRoutes(f, 50);
      expect(got.routes, JSON.stringify(f)).toEqual(expected.routes);
      expect(got.totalRoutes).toBe(expected.totalRoutes);
      expect(got.hiddenVisits).toBe(expected.hiddenVisits);
      expect(got.visitCount).toBe((await listVisits(f)).length);
    }
  }, 120_000);
});
