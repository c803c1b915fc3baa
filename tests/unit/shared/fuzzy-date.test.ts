import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayDate,
  daysBetween,
  daysInMonth,
  formatFuzzyDate,
  fuzzyDateSchema,
  fuzzyDateToInput,
  fuzzyDateValue,
  isLeapYear,
  isValidDay,
  isoDaySchema,
  localToday,
  monthDate,
  overlaps,
  parseFuzzyDate,
  windowDate,
  yearDate,
  type FuzzyDate,
} from '../../../shared/model';

function parsed(input: string): FuzzyDate {
  const r = parseFuzzyDate(input);
  if (!r.ok) throw new Error(`expected ${input} to parse: ${r.error}`);
  return r.value;
}

function error(input: string): string {
  const r = parseFuzzyDate(input);
  if (r.ok) throw new Error(`expected ${input} to be refused, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe('calendar days', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2020, 2021, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2020, 4)).toBe(30);
    expect(daysInMonth(2020, 12)).toBe(31);
  });

  it.each([
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2020-02-30', false],
    ['2020-04-31', false],
    ['2020-13-01', false],
    ['2020-00-10', false],
    ['2020-01-00', false],
    ['2020-1-01', false],
    ['20-01-01', false],
    ['2020-01-0a', false],
    ['2020/01/01', false],
    ['٢٠٢٠-01-01', false],
    ['2020-01-01 ', false],
  ] as const)('isValidDay(%s) = %s', (day, ok) => {
    expect(isValidDay(day)).toBe(ok);
    expect(isoDaySchema.safeParse(day).success).toBe(ok);
  });

  it('isValidDay agrees with the pattern and the calendar on any string shaped like a day', () => {
    const byPattern = (v: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const last = new Date(0);
      last.setUTCFullYear(y, mo, 0); // day 0 of the next month: the last of this one (no 19xx mapping of years < 100)
      return mo >= 1 && mo <= 12 && d >= 1 && d <= last.getUTCDate();
    };
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9x-]{4}-[0-9/]{2}.[0-9]{1,3}$/), fc.date({ noInvalidDate: true }), (s, d) => {
        expect(isValidDay(s)).toBe(byPattern(s));
        const day = d.toISOString().slice(0, 10);
        if (/^\d{4}-/.test(day)) expect(isValidDay(day)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds and counts days across months, leap days and years', () => {
    expect(addDays('2020-07-22', -1)).toBe('2020-07-21');
    expect(addDays('2020-07-22', 42)).toBe('2020-09-02');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(daysBetween('2020-07-22', '2020-09-02')).toBe(42);
    expect(daysBetween('2021-01-01', '2020-12-31')).toBe(-1);
    expect(() => addDays('July', 1)).toThrow();
  });

  it('gives the local calendar day', () => {
    expect(localToday(new Date(2020, 6, 22, 23, 59))).toBe('2020-07-22');
  });
});

describe('parseFuzzyDate', () => {
  it('parses a day', () => {
    expect(parsed('2020-07-21')).toEqual({ precision: 'day', from: '2020-07-21', to: '2020-07-21' });
    expect(parsed('  2020-02-29 ')).toEqual(dayDate('2020-02-29'));
  });

  it('parses a month', () => {
    expect(parsed('2020-07')).toEqual({ precision: 'month', from: '2020-07-01', to: '2020-07-31' });
    expect(parsed('2020-02')).toEqual({ precision: 'month', from: '2020-02-01', to: '2020-02-29' });
    expect(parsed('2021-02').to).toBe('2021-02-28');
  });

  it('parses a year', () => {
    expect(parsed('2020')).toEqual({ precision: 'year', from: '2020-01-01', to: '2020-12-31' });
  });

  it.each([
    '2020-07-22..2020-08-31',
    '2020-07-22 .. 2020-08-31',
    '2020-07-22 – 2020-08-31',
    '2020-07-22 — 2020-08-31',
    '2020-07-22 - 2020-08-31',
    '2020-07-22 to 2020-08-31',
  ])('parses the window %s', (input) => {
    expect(parsed(input)).toEqual({ precision: 'window', from: '2020-07-22', to: '2020-08-31' });
  });

  it('accepts a one-day window', () => {
    expect(parsed('2020-07-22..2020-07-22')).toEqual(windowDate('2020-07-22', '2020-07-22'));
  });

  it('refuses days that do not exist', () => {
    expect(error('2020-02-30')).toMatch(/does not exist/);
    expect(error('2021-02-29')).toMatch(/does not exist/);
    expect(error('2020-04-31')).toMatch(/does not exist/);
    expect(error('2020-13-01')).toMatch(/does not exist/);
  });

  it('refuses month 13 and month 00', () => {
    expect(error('2020-13')).toMatch(/month must be 01 to 12/);
    expect(error('2020-00')).toMatch(/month must be 01 to 12/);
  });

  it('refuses reversed and invalid ranges', () => {
    expect(error('2020-08-31..2020-07-22')).toMatch(/before its start/);
    expect(error('2020-02-30..2020-03-01')).toMatch(/not a calendar day/);
    expect(error('2020-02-01..2020-02-30')).toMatch(/not a calendar day/);
    expect(error('2020-07..2020-08')).toMatch(/not a calendar day/);
  });

  it('refuses empty input and prose', () => {
    expect(error('')).toBe('Enter a date');
    expect(error('   ')).toBe('Enter a date');
    expect(error('within weeks')).toMatch(/is not a date/);
    expect(error('21/07/2020')).toMatch(/is not a date/);
    expect(error('July 2020')).toMatch(/is not a date/);
  });

  it.each(['2020-07-21', '2020-07', '2020', '2020-07-22..2020-09-02'])('round-trips %s through fuzzyDateToInput', (input) => {
    expect(fuzzyDateToInput(parsed(input))).toBe(input);
  });
});

describe('formatting', () => {
  it('formats each precision for a reader', () => {
    expect(formatFuzzyDate(dayDate('2020-07-21'))).toBe('21 July 2020');
    expect(formatFuzzyDate(monthDate(2020, 1))).toBe('January 2020');
    expect(formatFuzzyDate(yearDate(2016))).toBe('2016');
    expect(formatFuzzyDate(windowDate('2020-07-22', '2020-09-02', 'within weeks'))).toBe('22 July 2020 – 2 September 2020 (within weeks)');
    expect(formatFuzzyDate(windowDate('2020-07-22', '2020-09-02'))).toBe('22 July 2020 – 2 September 2020');
    expect(formatFuzzyDate(null)).toBe('date unknown');
    expect(formatFuzzyDate(undefined)).toBe('date unknown');
  });

  it('gives compact machine values', () => {
    expect(fuzzyDateValue(dayDate('2020-07-21'))).toBe('2020-07-21');
    expect(fuzzyDateValue(monthDate(2020, 5))).toBe('2020-05');
    expect(fuzzyDateValue(yearDate(2020))).toBe('2020');
    expect(fuzzyDateValue(windowDate('2020-07-22', '2020-09-02'))).toBe('2020-07-22');
    expect(fuzzyDateToInput(null)).toBe('');
  });

  it('keeps the phrase only when given', () => {
    expect(windowDate('2020-07-22', '2020-09-02')).not.toHaveProperty('phrase');
    expect(windowDate('2020-07-22', '2020-09-02', 'within weeks').phrase).toBe('within weeks');
  });
});

describe('overlaps', () => {
  const july = monthDate(2020, 7);
  it('compares inclusive day ranges with open ends', () => {
    expect(overlaps(july, '2020-07-31', '2020-08-31')).toBe(true);
    expect(overlaps(july, '2020-08-01')).toBe(false);
    expect(overlaps(july, undefined, '2020-06-30')).toBe(false);
    expect(overlaps(july, undefined, '2020-07-01')).toBe(true);
    expect(overlaps(july)).toBe(true);
  });
});

describe('fuzzyDateSchema', () => {
  it('accepts what the helpers build', () => {
    for (const d of [dayDate('2020-02-29'), monthDate(2020, 2), yearDate(2020), windowDate('2020-07-22', '2020-09-02', 'within weeks')]) {
      expect(fuzzyDateSchema.safeParse(d).success).toBe(true);
    }
  });

  it('rejects a month precision that does not cover the month', () => {
    expect(fuzzyDateSchema.safeParse({ precision: 'month', from: '2020-07-01', to: '2020-07-30' }).success).toBe(false);
    expect(fuzzyDateSchema.safeParse({ precision: 'month', from: '2020-07-02', to: '2020-07-31' }).success).toBe(false);
    expect(fuzzyDateSchema.safeParse({ precision: 'month', from: '2020-02-01', to: '2020-02-28' }).success).toBe(false);
    const r = fuzzyDateSchema.safeParse({ precision: 'month', from: '2020-07-01', to: '2020-08-31' });
    expect(r.error?.issues[0]?.message).toBe('A month date must cover exactly 2020-07-01 to 2020-07-31');
  });

  it('rejects a day or year precision with the wrong span', () => {
    expect(fuzzyDateSchema.safeParse({ precision: 'day', from: '2020-07-21', to: '2020-07-22' }).success).toBe(false);
    expect(fuzzyDateSchema.safeParse({ precision: 'year', from: '2020-01-01', to: '2020-12-30' }).success).toBe(false);
  });

  it('rejects reversed ranges and impossible days', () => {
    const reversed = fuzzyDateSchema.safeParse({ precision: 'window', from: '2020-08-31', to: '2020-07-22' });
    expect(reversed.error?.issues[0]?.message).toBe('The end of the date range is before its start');
    expect(fuzzyDateSchema.safeParse({ precision: 'day', from: '2020-02-30', to: '2020-02-30' }).success).toBe(false);
    expect(fuzzyDateSchema.safeParse({ precision: 'decade', from: '2020-01-01', to: '2029-12-31' }).success).toBe(false);
  });

  it('accepts any window', () => {
    expect(fuzzyDateSchema.safeParse({ precision: 'window', from: '2020-07-22', to: '2020-07-22' }).success).toBe(true);
  });
});
