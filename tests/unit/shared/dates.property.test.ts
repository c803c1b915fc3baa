import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayFromNumber, dayNumber, daysBetween, isValidDay, isoWeekday, toIsoDay } from '../../../shared/model';

/** The reference: a JavaScript Date whose year is set with setUTCFullYear (which, unlike Date.UTC, keeps 0–99). */
function reference(day: string, plus: number): { day: string; weekday: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(0, 0, 0, 0);
  date.setUTCDate(date.getUTCDate() + plus);
  const out = toIsoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return { day: out, weekday: (date.getUTCDay() + 6) % 7 };
}

const RUNS = Number(process.env.LEGATION_PROPERTY_RUNS ?? 2_000);
const year = fc.integer({ min: 1, max: 9999 });
const calendarDay = fc
  .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => toIsoDay(y, m, d))
  .filter(isValidDay);

describe('calendar arithmetic for every year from 1 to 9999', () => {
  it('addDays, daysBetween and the weekday agree with the reference', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: -40_000, max: 40_000 }), (day, plus) => {
        const want = reference(day, plus);
        // Results before the year 1 or after 9999 cannot be written as YYYY-MM-DD; skip them.
        fc.pre(/^\d{4}-/.test(want.day) && want.day >= '0001-01-01');
        expect(addDays(day, plus)).toBe(want.day);
        expect(daysBetween(day, want.day)).toBe(plus);
        expect(isoWeekday(want.day)).toBe(want.weekday);
      }),
      { numRuns: RUNS },
    );
  });

  it('dayNumber and dayFromNumber are inverses', () => {
    fc.assert(
      fc.property(calendarDay, (day) => {
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        expect(dayFromNumber(dayNumber(y, m, d))).toBe(day);
      }),
      { numRuns: RUNS },
    );
  });

  it('the cases that went wrong: the years 0–99 stay where they are', () => {
    expect(addDays('0050-03-01', 1)).toBe('0050-03-02');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0004-02-28', 1)).toBe('0004-02-29'); // a leap year (1904 is one too, 1900 is not)
    expect(daysBetween('0001-01-01', '0002-01-01')).toBe(365);
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(isoWeekday('2026-12-07')).toBe(0); // a Monday
  });

  it('the earliest day is 0001-01-01: there is no year 0', () => {
    expect(isValidDay('0001-01-01')).toBe(true);
    expect(isValidDay('0000-06-15')).toBe(false);
  });
});
