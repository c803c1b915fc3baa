import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  VISIT_STATUSES,
  addDays,
  localToday,
  visitMatches,
  type FuzzyDate,
  type Visit,
  type VisitFilter,
  type VisitStatus,
} from '../../../shared/model';
import { db } from '../../../renderer/db/instance';
import { countVisits, firstVisitPage, quickVisitCount, visitIds, type VisitSort } from '../../../renderer/db';

/** Visits dated around today (before, across and after it), in every status, some deleted or undated. */
function buildVisits(n: number): Visit[] {
  const today = localToday();
  const out: Visit[] = [];
  for (let i = 0; i < n; i++) {
    const offset = ((i * 37) % 121) - 80; // days from today, -80 … +40
    const first = addDays(today, offset);
    const kind = i % 5;
    const start: FuzzyDate | null =
      kind === 0
        ? null
        : kind === 1
          ? { precision: 'window', from: first, to: addDays(first, 30) }
          : { precision: 'day', from: first, to: first };
    const end: FuzzyDate | null = start && kind === 2 ? { precision: 'day', from: addDays(first, 3), to: addDays(first, 3) } : null;
    const status: VisitStatus = VISIT_STATUSES[i % VISIT_STATUSES.length]!;
    out.push({
      id: `0000${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      deletedAt: i % 17 === 0 ? '2024-02-01T00:00:00.000Z' : null,
      travellerId: `00000000-0000-4000-8000-00000000000${i % 3}`,
      delegationIds: [],
      hostIds: [],
      place: { country: i % 2 ? 'US' : 'IR', city: null, lat: null, lon: null },
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
    });
  }
  return out;
}

const VISITS = buildVisits(600);

beforeAll(async () => {
  db.close();
  await db.delete();
  await db.open();
  await db.visits.bulkAdd(VISITS);
});

describe('the overdue filter, from the indexes', () => {
  it('lists exactly the visits the shared matcher calls overdue, combined with the other criteria, in every order', async () => {
    const today = localToday();
    const cases: VisitFilter[] = [
      { overdue: true },
      { overdue: true, status: 'planned' },
      { overdue: true, status: 'completed' },
      { overdue: true, country: 'US' },
      { overdue: true, travellerId: '00000000-0000-4000-8000-000000000001', status: 'postponed' },
      { overdue: true, from: addDays(today, -20) },
    ];
    for (const filter of cases) {
      const expected = new Set(VISITS.filter((v) => visitMatches(v, filter, today)).map((v) => v.id));
      for (const sort of [
        { field: 'start', dir: 'desc' },
        { field: 'status', dir: 'asc' },
      ] as VisitSort[]) {
        const ids = await visitIds({ filter, sort });
        expect(new Set(ids)).toEqual(expected);
        expect(ids.length).toBe(expected.size);
        expect(await countVisits({ filter, sort })).toBe(expected.size);
        expect((await firstVisitPage({ filter, sort }, 10)).map((v) => v.id)).toEqual(ids.slice(0, 10));
      }
    }
    expect(VISITS.filter((v) => visitMatches(v, { overdue: true }, today)).length).toBeGreaterThan(10);
    expect(await quickVisitCount({ overdue: true })).toBeNull();
  });
});
