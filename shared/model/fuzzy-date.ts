import { z } from 'zod';
import { ISO_DAY, ISO_MONTH, ISO_YEAR, daysInMonth, isValidDay, isoDaySchema, toIsoDay } from './dates';

/**
 * A date as precisely as the record knows it. `from`/`to` always give the inclusive span of
 * calendar days it covers, so sorting and range filters need no special cases:
 * - day:    "2020-07-21"          from = to = 2020-07-21
 * - month:  "July 2020"           from = 2020-07-01, to = 2020-07-31
 * - year:   "2020"                from = 2020-01-01, to = 2020-12-31
 * - window: "within weeks" of 2020-07-22: from = 2020-07-22, to = 2020-08-31 (an honest range,
 *   never a fake exact day); `phrase` keeps the original words.
 */
const PRECISIONS = ['day', 'month', 'year', 'window'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const fuzzyDateSchema = z
  .object({
    precision: z.enum(PRECISIONS),
    from: isoDaySchema,
    to: isoDaySchema,
    phrase: z.string().max(200).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.to < d.from) {
      ctx.addIssue({ code: 'custom', message: 'The end of the date range is before its start', path: ['to'] });
      return;
    }
    const expected = spanOf(d.precision, d.from);
    if (d.precision !== 'window' && expected && (expected.from !== d.from || expected.to !== d.to)) {
      ctx.addIssue({
        code: 'custom',
        message: `A ${d.precision} date must cover exactly ${expected.from} to ${expected.to}`,
        path: ['to'],
      });
    }
  });
export type FuzzyDate = z.infer<typeof fuzzyDateSchema>;

function spanOf(precision: Precision, from: string): { from: string; to: string } | null {
  const m = ISO_DAY.exec(from);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  switch (precision) {
    case 'day':
      return { from, to: from };
    case 'month':
      return { from: toIsoDay(y, mo, 1), to: toIsoDay(y, mo, daysInMonth(y, mo)) };
    case 'year':
      return { from: toIsoDay(y, 1, 1), to: toIsoDay(y, 12, 31) };
    case 'window':
      return null;
  }
}

export function dayDate(day: string): FuzzyDate {
  return { precision: 'day', from: day, to: day };
}

export function monthDate(year: number, month: number): FuzzyDate {
  return { precision: 'month', from: toIsoDay(year, month, 1), to: toIsoDay(year, month, daysInMonth(year, month)) };
}

export function yearDate(year: number): FuzzyDate {
  return { precision: 'year', from: toIsoDay(year, 1, 1), to: toIsoDay(year, 12, 31) };
}

export function windowDate(from: string, to: string, phrase?: string): FuzzyDate {
  return phrase === undefined ? { precision: 'window', from, to } : { precision: 'window', from, to, phrase };
}

/**
 * Parses what a person types in a date field: "2020-07-21", "2020-07", "2020", or a range
 * "2020-07-22..2020-08-31" (a window). Returns an error message instead of throwing.
 */
export function parseFuzzyDate(input: string): { ok: true; value: FuzzyDate } | { ok: false; error: string } {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter a date' };
  const range = /^(\S+)\s*(?:\.\.|–|—|\s-\s|\sto\s)\s*(\S+)$/.exec(text);
  if (range) {
    const a = range[1] ?? '';
    const b = range[2] ?? '';
    if (!isValidDay(a)) return { ok: false, error: `"${a}" is not a calendar day (YYYY-MM-DD)` };
    if (!isValidDay(b)) return { ok: false, error: `"${b}" is not a calendar day (YYYY-MM-DD)` };
    if (b < a) return { ok: false, error: 'The end of the date range is before its start' };
    return { ok: true, value: windowDate(a, b) };
  }
  if (ISO_DAY.test(text)) {
    return isValidDay(text) ? { ok: true, value: dayDate(text) } : { ok: false, error: `${text} does not exist in the calendar` };
  }
  const month = ISO_MONTH.exec(text);
  if (month) {
    const mo = Number(month[2]);
    if (mo < 1 || mo > 12) return { ok: false, error: `${text}: the month must be 01 to 12` };
    return { ok: true, value: monthDate(Number(month[1]), mo) };
  }
  if (ISO_YEAR.test(text)) return { ok: true, value: yearDate(Number(text)) };
  return { ok: false, error: `"${text}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD..YYYY-MM-DD` };
}

/** The inverse of parseFuzzyDate: what a date field shows for editing. */
export function fuzzyDateToInput(d: FuzzyDate | null | undefined): string {
  if (!d) return '';
  switch (d.precision) {
    case 'day':
      return d.from;
    case 'month':
      return d.from.slice(0, 7);
    case 'year':
      return d.from.slice(0, 4);
    case 'window':
      return `${d.from}..${d.to}`;
  }
}

/** Compact value for machine formats: "2020-07-21", "2020-07", "2020", or the window's first day. */
export function fuzzyDateValue(d: FuzzyDate): string {
  return fuzzyDateToInput(d).split('..')[0] ?? d.from;
}

/** Does the fuzzy date overlap the inclusive day range [from, to]? Open ends are unbounded. */
export function overlaps(d: FuzzyDate, from?: string, to?: string): boolean {
  if (from && d.to < from) return false;
  if (to && d.from > to) return false;
  return true;
}
