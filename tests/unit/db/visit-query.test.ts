import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { liveQuery } from 'dexie';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { VISIT_STATUSES, overlaps, type FuzzyDate, type Visit, type VisitStatus } from '../../../shared/model';
import { countryName } from '../../../shared/places';
import { LegationDB } from '../../../renderer/db/database';
import { db } from '../../../renderer/db/instance';
import {
  countVisits,
  firstVisitPage,
  listVisits,
  quickVisitCount,
  visitIds,
  visitPage,
  type VisitFilter,
  type VisitQuery,
  type VisitSort,
} from '../../../renderer/db';

/** A small deterministic PRNG so the generated database is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['IR', 'SA', 'US', 'FR', 'DE', 'GB', 'JP', 'CN', 'IQ', 'EG', 'BR', 'IN'];
const TRAVELLERS = Array.from({ length: 8 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function fuzzy(r: () => number): FuzzyDate | null {
  const y = 2000 + Math.floor(r() * 6);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const p = r();
  if (p < 0.08) return null;
  if (p < 0.55) return { precision: 'day', from: dayOf(y, m, d), to: dayOf(y, m, d) };
  if (p < 0.75) return { precision: 'month', from: dayOf(y, m, 1), to: dayOf(y, m, 28) };
  if (p < 0.85) return { precision: 'year', from: dayOf(y, 1, 1), to: dayOf(y, 12, 31) };
  // Windows, some very long (several years), so visits starting long before a range still reach it.
  const span = r() < 0.3 ? 1 + Math.floor(r() * 4) : 0;
  return { precision: 'window', from: dayOf(y, m, d), to: dayOf(y + span, span ? 1 + Math.floor(r() * 12) : m, 28) };
}

function buildVisits(n: number, seed: number): Visit[] {
  const r = rng(seed);
  const out: Visit[] = [];
  for (let i = 0; i < n; i++) {
    const start = fuzzy(r);
    let end: FuzzyDate | null = null;
    if (start && r() < 0.3) {
      const to = start.to < '2006-01-01' && r() < 0.5 ? dayOf(Number(start.to.slice(0, 4)) + 1, 3, 3) : start.to;
      end = { precision: 'day', from: to, to };
    }
    const status = VISIT_STATUSES[Math.floor(r() * VISIT_STATUSES.length)] as VisitStatus;
    // Few distinct timestamps and start days, so ties (broken by id) are common.
    const updatedAt = `2024-01-0${1 + Math.floor(r() * 9)}T00:00:00.000Z`;
    const id = `${Math.floor(r() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    out.push({
      id,
      createdAt: updatedAt,
      updatedAt,
      deletedAt: r() < 0.05 ? '2024-02-01T00:00:00.000Z' : null,
      travellerId: TRAVELLERS[Math.floor(r() * TRAVELLERS.length)]!,
      delegationIds: [],
      hostIds: [],
      place: { country: COUNTRIES[Math.floor(r() * COUNTRIES.length)]!, city: null, lat: null, lon: null },
      kind: 'official',
      purpose: '',
      start,
      end,
      status,
      statusHistory: [],
      tourId: null,
      tags: [],
      sourceIds: [],
      startKey: start?.from ?? '',
    } as unknown as Visit);
  }
  return out;
}

const STATUS_ORDER = Object.fromEntries(VISIT_STATUSES.map((s, i) => [s, i])) as Record<VisitStatus, number>;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The reference: filter and sort in memory, as documented in visit-query.ts. */
function naive(all: Visit[], f: VisitFilter, sort: VisitSort): string[] {
  const rows = all.filter((v) => {
    if (v.deletedAt) return false;
    if (f.status && v.status !== f.status) return false;
    if (f.country && v.place.country !== f.country) return false;
    if (f.travellerId && v.travellerId !== f.travellerId) return false;
    if (f.from || f.to) {
      if (!v.start) return false;
      if (!overlaps({ ...v.start, to: v.end?.to ?? v.start.to }, f.from, f.to)) return false;
    }
    return true;
  });
  const startThenId = (a: Visit, b: Visit) => cmp(a.startKey, b.startKey) || cmp(a.id, b.id);
  const dir = sort.dir === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    switch (sort.field) {
      case 'start':
        return dir * startThenId(a, b);
      case 'updated':
        return dir * (cmp(a.updatedAt, b.updatedAt) || cmp(a.id, b.id));
      case 'country': {
        const g = countryName(a.place.country).localeCompare(countryName(b.place.country)) || cmp(a.place.country, b.place.country);
        return dir * g || -startThenId(a, b);
      }
      case 'status':
        return dir * (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]) || -startThenId(a, b);
    }
  });
  return rows.map((v) => v.id);
}

const VISITS = buildVisits(3000, 42);

beforeAll(async () => {
  db.close();
  await db.delete();
  await db.open();
  await db.visits.bulkAdd(VISITS);
});

const dayArb = fc
  .record({ y: fc.integer({ min: 1999, max: 2010 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => dayOf(y, m, d));
const filterArb: fc.Arbitrary<VisitFilter> = fc.record(
  {
    status: fc.constantFrom(...VISIT_STATUSES),
    country: fc.constantFrom(...COUNTRIES, 'ZZ'),
    travellerId: fc.constantFrom(...TRAVELLERS),
    from: dayArb,
    to: dayArb,
  },
  { requiredKeys: [] },
);
const sortArb: fc.Arbitrary<VisitSort> = fc.record({
  field: fc.constantFrom('start', 'updated', 'country', 'status'),
  dir: fc.constantFrom('asc', 'desc'),
});

describe('visit query engine', () => {
  it('returns exactly what a naive in-memory filter and sort return', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, sortArb, async (filter, sort) => {
        expect(await visitIds({ filter, sort })).toEqual(naive(VISITS, filter, sort));
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('counts without reading rows and pages by offset', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, sortArb, fc.nat(40), async (filter, sort, pageNo) => {
        const q: VisitQuery = { filter, sort };
        const expected = naive(VISITS, filter, sort);
        expect(await countVisits(q)).toBe(expected.length);
        const ids = await visitIds(q);
        const page = await visitPage(ids, pageNo * 25, 25);
        expect(page.map((v) => v.id)).toEqual(expected.slice(pageNo * 25, pageNo * 25 + 25));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('the first page (fast path or fallback) is the true first page', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, sortArb, fc.constantFrom(1, 10, 100), async (filter, sort, limit) => {
        const page = await firstVisitPage({ filter, sort }, limit);
        expect(page.map((v) => v.id)).toEqual(naive(VISITS, filter, sort).slice(0, limit));
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('covers the cases that matter for the list explicitly', async () => {
    const cases: VisitFilter[] = [
      {},
      { from: '2003-06-01' },
      { to: '2001-01-01' },
      { from: '2004-01-01', to: '2004-01-31' },
      { status: 'completed', country: 'US', from: '2002-01-01', to: '2003-12-31' },
      { travellerId: TRAVELLERS[1], status: 'planned' },
      { travellerId: TRAVELLERS[2], country: 'FR', from: '2001-05-05' },
      { from: '2005-01-01', to: '2004-01-01' },
    ];
    for (const filter of cases) {
      for (const field of ['start', 'updated', 'country', 'status'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const expected = naive(VISITS, filter, { field, dir });
          expect(await visitIds({ filter, sort: { field, dir } })).toEqual(expected);
          expect((await firstVisitPage({ filter, sort: { field, dir } })).map((v) => v.id)).toEqual(expected.slice(0, 100));
        }
      }
    }
    // Deleted rows and undated rows exist in the data, and undated rows drop out of date filters.
    expect(VISITS.some((v) => v.deletedAt)).toBe(true);
    expect(VISITS.some((v) => !v.start)).toBe(true);
    const all = await visitIds({ filter: {}, sort: { field: 'start', dir: 'asc' } });
    expect(all.length).toBe(VISITS.filter((v) => !v.deletedAt).length);
  }, 120_000);

  it('listVisits keeps its contract: rows in the list order', async () => {
    const sort: VisitSort = { field: 'country', dir: 'asc' };
    const rows = await listVisits({ status: 'postponed', from: '2002-01-01' }, sort);
    expect(rows.map((v) => v.id)).toEqual(naive(VISITS, { status: 'postponed', from: '2002-01-01' }, sort));
  });

  // Runs last: it hard-deletes the soft-deleted rows, after which a native count can answer.
  it('the native count answers single-range filters, and only those', async () => {
    expect(await quickVisitCount({})).toBeNull(); // deleted rows exist: the count must subtract them
    await db.visits.bulkDelete(VISITS.filter((v) => v.deletedAt).map((v) => v.id));
    const live = VISITS.filter((v) => !v.deletedAt);
    const cases: VisitFilter[] = [
      {},
      { status: 'planned' },
      { country: 'IR', to: '2003-01-01' },
      { status: 'completed', country: 'US' },
      { travellerId: TRAVELLERS[3] },
      { to: '2002-02-02' },
    ];
    for (const f of cases) expect(await quickVisitCount(f)).toBe(naive(live, f, { field: 'start', dir: 'asc' }).length);
    expect(await quickVisitCount({ from: '2002-01-01' })).toBeNull();
    expect(await quickVisitCount({ travellerId: TRAVELLERS[3], status: 'planned' })).toBeNull();
    expect(await countVisits({ filter: { from: '2002-01-01' }, sort: { field: 'start', dir: 'asc' } })).toBe(
      naive(live, { from: '2002-01-01' }, { field: 'start', dir: 'asc' }).length,
    );
  }, 60_000);
});

describe('the id list is remembered until the visits change', () => {
  const q: VisitQuery = { filter: { status: 'planned' }, sort: { field: 'start', dir: 'desc' } };
  const naiveIds = async () =>
    naive(
      (await db.visits.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1)),
      q.filter,
      q.sort,
    );

  it('answers again from memory, unharmed by what a caller does with the array', async () => {
    const a = await visitIds(q);
    expect(a).toEqual(await naiveIds());
    const b = await visitIds(q);
    expect(b).toEqual(a);
    b.reverse().push('not-a-visit');
    expect(await visitIds(q)).toEqual(a);
  });

  it('a write here, or through another connection (window or worker), is seen at once', async () => {
    const before = await visitIds(q);
    const moved = before[0]!;
    await db.visits.update(moved, { status: 'cancelled' });
    const after = await visitIds(q);
    expect(after).not.toContain(moved);
    expect(after).toEqual(await naiveIds());

    const other = new LegationDB(db.name);
    await other.open();
    const template = (await db.visits.get(after[0]!))!;
    const added: Visit = { ...template, id: '99999999-0000-4000-8000-000000000001' };
    await other.visits.add(added);
    other.close();
    const withAdded = await visitIds(q);
    expect(withAdded).toContain(added.id);
    expect(withAdded).toEqual(await naiveIds());
  });

  it('a live query answered from memory still re-runs on a change', async () => {
    await visitIds(q); // remembered
    const seen: string[][] = [];
    const sub = liveQuery(() => visitIds(q)).subscribe({ next: (ids) => seen.push(ids) });
    try {
      await vi.waitFor(() => expect(seen.length).toBe(1));
      const gone = seen[0]![0]!;
      await db.visits.delete(gone);
      await vi.waitFor(() => expect(seen.at(-1)).not.toContain(gone));
      expect(seen.at(-1)).toEqual(await naiveIds());
    } finally {
      sub.unsubscribe();
    }
  });
});
