import { daysBetween, ISO_DAY } from './dates';
import type { StatusChange } from './schemas';
import { dayLabel } from './visit-format';

/**
 * The order of a visit's status history. Each entry is dated (`on`) with the day it happened in the
 * world, and the history is kept in that order: a change is dated on or after the one before it,
 * so the list as stored, the state machine's chain (each entry's `from` is the status before it)
 * and the dates tell the same story.
 *
 * One exception keeps existing data valid: a first entry typed into the form without a date (no
 * source, no reason, dated within a day of its `recordedAt`, time zones apart) says only when the
 * visit was recorded, not when the plan was announced; before the form asked, every such entry was
 * dated so. It does not bound the dates of the changes after it, and screens say "not given".
 * Seeded and imported first entries cite their source, so their day is a date given.
 */

/** The calendar day of an ISO timestamp, in UTC. */
function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}

/** True when the first entry carries only the day it was typed, not a date the user gave. */
export function firstDateNotGiven(first: StatusChange): boolean {
  if (first.from !== null || first.sourceId !== null || first.reason !== '') return false;
  const typed = dayOf(first.recordedAt);
  if (!ISO_DAY.test(typed) || !ISO_DAY.test(first.on)) return false;
  return Math.abs(daysBetween(typed, first.on)) <= 1;
}

/** The earliest day entry `index` may be dated: the previous entry's day, or null when nothing bounds it. */
export function earliestDayFor(history: readonly StatusChange[], index: number): string | null {
  if (index <= 0) return null;
  const prev = history[index - 1];
  if (!prev) return null;
  if (index - 1 === 0 && firstDateNotGiven(prev)) return null;
  return prev.on;
}

/** The latest day entry `index` may be dated: the next entry's day, or null for the last entry. */
export function latestDayFor(history: readonly StatusChange[], index: number): string | null {
  const next = history[index + 1];
  if (!next) return null;
  return next.on;
}

/** The first entry out of date order, with the words that say so; null when the history is in order. */
export function historyOrderError(history: readonly StatusChange[]): { index: number; message: string } | null {
  for (let i = 1; i < history.length; i++) {
    const c = history[i]!;
    const earliest = earliestDayFor(history, i);
    if (earliest !== null && c.on < earliest) {
      const prev = history[i - 1]!;
      return {
        index: i,
        message: `Status change ${i + 1} (${c.status}, ${dayLabel(c.on)}) is dated before the change it follows (${prev.status}, ${dayLabel(prev.on)}): the history must be in date order`,
      };
    }
  }
  return null;
}

/**
 * The history as screens and reports list it: by day, the stored order breaking ties (a change and
 * the next on the same day). For a valid history this is the stored order; the sort only guards
 * a record that reached us otherwise. A first entry whose date was not given stays first.
 */
export function historyInDateOrder(history: readonly StatusChange[]): StatusChange[] {
  const first = history[0];
  const pinned = first && firstDateNotGiven(first) ? 1 : 0;
  const rest = history
    .slice(pinned)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.on < b.c.on ? -1 : a.c.on > b.c.on ? 1 : a.i - b.i))
    .map((x) => x.c);
  return pinned ? [first!, ...rest] : rest;
}
