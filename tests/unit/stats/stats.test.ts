import { describe, expect, it } from 'vitest';
import { buildSeed, SEED_IDS } from '../../../shared/seed';
import {
  fillYears,
  nextPlanned,
  postponedOn,
  rankCountries,
  recentlyPostponed,
  statusCounts,
  topCountries,
  visitYear,
  visitsPerYear,
  yearRange,
} from '../../../shared/stats';

describe('dashboard definitions', () => {
  const seed = buildSeed();

  it('counts the seed by status, year and host country', () => {
    expect(statusCounts(seed.visits)).toEqual({ planned: 1, postponed: 1, underway: 0, completed: 1, cancelled: 0 });
    expect(visitsPerYear(seed.visits)).toEqual([{ year: 2020, count: 2 }]); // the postponed visit has no date now
    expect(topCountries(seed.visits, 2)).toEqual([
      { country: 'IR', count: 1 },
      { country: 'SA', count: 1 },
    ]);
    const deleted = seed.visits.map((v) => (v.id === SEED_IDS.tehranVisit ? { ...v, deletedAt: '2024-01-01T00:00:00.000Z' } : v));
    expect(statusCounts(deleted).completed).toBe(0);
  });

  it('next planned: a "within weeks" window still open counts; a passed one does not', () => {
    expect(nextPlanned(seed.visits, '2020-07-22').map((v) => v.id)).toEqual([SEED_IDS.washingtonVisit]);
    expect(nextPlanned(seed.visits, '2020-09-02').map((v) => v.id)).toEqual([SEED_IDS.washingtonVisit]);
    expect(nextPlanned(seed.visits, '2020-09-03')).toEqual([]);
  });

  it('recently postponed: by the day of the last status change', () => {
    const saudi = seed.visits.find((v) => v.id === SEED_IDS.saudiVisit)!;
    expect(postponedOn(saudi)).toBe('2020-07-20');
    expect(recentlyPostponed(seed.visits).map((v) => v.id)).toEqual([SEED_IDS.saudiVisit]);
    expect(postponedOn(seed.visits.find((v) => v.id === SEED_IDS.tehranVisit)!)).toBe('');
  });

  it('years are dense from the first to the last; helpers', () => {
    expect(
      fillYears(
        new Map([
          [1999, 2],
          [2002, 1],
        ]),
      ),
    ).toEqual([
      { year: 1999, count: 2 },
      { year: 2000, count: 0 },
      { year: 2001, count: 0 },
      { year: 2002, count: 1 },
    ]);
    expect(fillYears(new Map())).toEqual([]);
    expect(visitYear('')).toBeNull();
    expect(visitYear('0850-01-01')).toBe(850);
    expect(yearRange(850)).toEqual({ from: '0850-01-01', to: '0850-12-31' });
    expect(
      rankCountries(
        new Map([
          ['FR', 0],
          ['DE', 3],
          ['AT', 3],
        ]),
        5,
      ),
    ).toEqual([
      { country: 'AT', count: 3 },
      { country: 'DE', count: 3 },
    ]);
  });
});
