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

/** True for a real calendar day such as 2020-02-29; false for 2020-02-30, 2021-02-29 or 0000-01-01. */
export function isValidDay(value: string): boolean {
  // ISO_DAY by hand: every stored date passes here several times on import and on each edit.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  // Year 0 does not exist in the calendar historians use (1 BC is followed by AD 1).
  if (year < 1) return false;
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

/**
 * Days since 1970-01-01 of a proleptic Gregorian day (negative before). Plain integer arithmetic
 * (H. Hinnant's days_from_civil): `Date.UTC` reads the years 0–99 as 1900–1999, which would move
 * a visit of the year 50 by nineteen centuries.
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The calendar day `n` days after 1970-01-01 (the inverse of `dayNumber`). */
export function dayFromNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return toIsoDay(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

function numberOf(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${day}`);
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Adds whole days to a calendar day (negative to go back). */
export function addDays(day: string, days: number): string {
  return dayFromNumber(numberOf(day) + days);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  if (!ISO_DAY.test(a) || !ISO_DAY.test(b)) throw new Error(`Not calendar days: ${a}, ${b}`);
  return numberOf(b) - numberOf(a);
}

/** Monday = 0 … Sunday = 6 (ISO weeks). */
export function isoWeekday(day: string): number {
  // 1970-01-01 was a Thursday (3).
  return (((numberOf(day) + 3) % 7) + 7) % 7;
}

/** Today's calendar day in the user's own time zone (what "today" means to the person typing). */
export function localToday(now: Date = new Date()): string {
  return toIsoDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
