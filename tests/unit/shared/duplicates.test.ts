import { describe, expect, it } from 'vitest';
import { dayDate, monthDate, windowDate, yearDate, type FuzzyDate } from '../../../shared/model';
import { duplicatesOf, isDuplicateVisit, visitSpan, type DuplicateKey } from '../../../shared/model/duplicates';

const visit = (start: FuzzyDate | null, end: FuzzyDate | null = null, over: Partial<DuplicateKey> = {}): DuplicateKey => ({
  travellerId: 'kadhemi',
  place: { country: 'IR' },
  start,
  end,
  ...over,
});

describe('duplicate visits: same traveller, same host country, overlapping dates', () => {
  it('spans a visit from its start to its end, or to the end of its start', () => {
    expect(visitSpan(visit(dayDate('2020-07-21')))).toEqual({ from: '2020-07-21', to: '2020-07-21' });
    expect(visitSpan(visit(monthDate(2020, 7)))).toEqual({ from: '2020-07-01', to: '2020-07-31' });
    expect(visitSpan(visit(dayDate('2020-07-21'), dayDate('2020-07-23')))).toEqual({ from: '2020-07-21', to: '2020-07-23' });
    expect(visitSpan(visit(null))).toBeNull();
  });

  it('finds the same day, a day inside a month, a day inside a window, and touching ranges', () => {
    expect(isDuplicateVisit(visit(dayDate('2020-07-21')), visit(dayDate('2020-07-21')))).toBe(true);
    expect(isDuplicateVisit(visit(dayDate('2020-07-21')), visit(monthDate(2020, 7)))).toBe(true);
    expect(isDuplicateVisit(visit(dayDate('2020-08-20')), visit(windowDate('2020-07-22', '2020-09-02')))).toBe(true);
    expect(isDuplicateVisit(visit(dayDate('2020-07-20'), dayDate('2020-07-21')), visit(dayDate('2020-07-21')))).toBe(true);
    expect(isDuplicateVisit(visit(yearDate(2020)), visit(dayDate('2020-12-31')))).toBe(true);
  });

  it('tells apart another traveller, another country, other dates and undated visits', () => {
    const tehran = visit(dayDate('2020-07-21'));
    expect(isDuplicateVisit(tehran, visit(dayDate('2020-07-21'), null, { travellerId: 'salman' }))).toBe(false);
    expect(isDuplicateVisit(tehran, visit(dayDate('2020-07-21'), null, { place: { country: 'SA' } }))).toBe(false);
    expect(isDuplicateVisit(tehran, visit(dayDate('2020-07-22')))).toBe(false);
    expect(isDuplicateVisit(tehran, visit(monthDate(2020, 8)))).toBe(false);
    expect(isDuplicateVisit(visit(null), visit(null))).toBe(false);
    expect(isDuplicateVisit(tehran, visit(null))).toBe(false);
  });

  it('counts an undated visit as the same trip when asked to (an import)', () => {
    const tehran = visit(dayDate('2020-07-21'));
    expect(isDuplicateVisit(tehran, visit(null), 'same')).toBe(true);
    expect(isDuplicateVisit(visit(null), visit(null), 'same')).toBe(true);
    expect(isDuplicateVisit(visit(null), visit(null, null, { place: { country: 'SA' } }), 'same')).toBe(false);
    expect(isDuplicateVisit(tehran, visit(dayDate('2020-07-22')), 'same')).toBe(false);
  });

  it('lists the duplicates among many, in order, never the candidate itself', () => {
    const a = { id: 'a', ...visit(dayDate('2020-07-21')) };
    const b = { id: 'b', ...visit(monthDate(2020, 7)) };
    const c = { id: 'c', ...visit(monthDate(2021, 7)) };
    expect(duplicatesOf(a, [a, b, c]).map((v) => v.id)).toEqual(['b']);
    expect(duplicatesOf(visit(dayDate('2020-07-05')), [a, b, c]).map((v) => v.id)).toEqual(['b']);
  });
});
