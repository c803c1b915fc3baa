import { z } from 'zod';

/**
 * Calendar dates are plain `YYYY-MM-DD` strings, never `Date` objects: a visit on 2020-07-21 is on
 * 2020-07-21 in every time zone. All arithmetic here is done in UTC on those strings.
 */
export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const ISO_MONTH = /^(\d{4})-(\d{2})$/;
export const ISO_YEAR = /^(\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written in ASCII digits at value[at, at + n), or -1 (what `\d` matches, without a match array). */
function digitsAt(value: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** True for a real calendar day such as 2020-02-29; false for 2020-02-30 or 2021-02-29. */
export function isValidDay(value: string): boolean {
  // ISO_DAY by hand: every stored date passes here several times on import and on each edit.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export const isoDaySchema = z
  .string()
  .regex(ISO_DAY, 'Use a date in the form YYYY-MM-DD')
  .refine(isValidDay, { message: 'This day does not exist in the calendar' });

export const timestampSchema = z.iso.datetime({ message: 'Expected an ISO timestamp' });

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function toIsoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Adds whole days to a calendar day (negative to go back). */
export function addDays(day: string, days: number): string {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${day}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86_400_000;
  const d = new Date(t);
  return toIsoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const pa = ISO_DAY.exec(a);
  const pb = ISO_DAY.exec(b);
  if (!pa || !pb) throw new Error(`Not calendar days: ${a}, ${b}`);
  const ta = Date.UTC(Number(pa[1]), Number(pa[2]) - 1, Number(pa[3]));
  const tb = Date.UTC(Number(pb[1]), Number(pb[2]) - 1, Number(pb[3]));
  return Math.round((tb - ta) / 86_400_000);
}

/** Today's calendar day in the user's own time zone (what "today" means to the person typing). */
export function localToday(now: Date = new Date()): string {
  return toIsoDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
