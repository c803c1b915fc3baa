/**
 * Calendar grids: a month as weeks (rows, Monday first) and a single week, and which visits go on
 * which day. Days are `YYYY-MM-DD` strings, so daylight-saving changes and time zones cannot move a
 * visit to another day; leap days come from the calendar arithmetic in shared/model/dates.
 */
import { ISO_DAY, addDays, daysInMonth, isValidDay, toIsoDay } from '../model/dates';
import { dayLabel, MONTHS } from '../model/visit-format';
import type { DaySpan } from './layout';
import { weekday } from './scale';

export type CalendarView = 'month' | 'week';

export interface CalendarDay {
  day: string;
  /** Day of the month (1–31). */
  date: number;
  /** Inside the month being shown (false for the leading/trailing days of the grid). */
  inMonth: boolean;
  /** Monday = 0 … Sunday = 6. */
  weekday: number;
}

export interface CalendarGrid {
  view: CalendarView;
  /** The day the view was asked for (kept so that moving between views keeps the place). */
  focus: string;
  /** First and last day of the grid (whole weeks). */
  from: string;
  to: string;
  weeks: CalendarDay[][];
  /** A caption: "July 2020", or "Week of 20 July 2020". */
  title: string;
  /** The month of a month view (1–12), or of the week's Thursday (ISO rule). */
  year: number;
  month: number;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

function ym(day: string): [number, number, number] {
  const m = ISO_DAY.exec(day);
  if (!m || !isValidDay(day)) throw new Error(`Not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Monday of the week containing `day`. */
export function startOfWeek(day: string): string {
  return addDays(day, -weekday(day));
}

function dayCell(day: string, year: number, month: number): CalendarDay {
  const [y, m, d] = ym(day);
  return { day, date: d, inMonth: y === year && m === month, weekday: weekday(day) };
}

/** The month containing `focus`, as whole Monday-to-Sunday weeks (4 to 6 rows). */
export function monthGrid(focus: string): CalendarGrid {
  const [year, month] = ym(focus);
  const first = toIsoDay(year, month, 1);
  const last = toIsoDay(year, month, daysInMonth(year, month));
  const from = startOfWeek(first);
  const to = addDays(startOfWeek(last), 6);
  const weeks: CalendarDay[][] = [];
  for (let w = from; w <= to; w = addDays(w, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => dayCell(addDays(w, i), year, month)));
  }
  return { view: 'month', focus, from, to, weeks, title: `${MONTHS[month - 1]} ${year}`, year, month };
}

/** The Monday-to-Sunday week containing `focus`. */
export function weekGrid(focus: string): CalendarGrid {
  const from = startOfWeek(focus);
  const to = addDays(from, 6);
  const [year, month] = ym(addDays(from, 3));
  const days = Array.from({ length: 7 }, (_, i) => dayCell(addDays(from, i), year, month)).map((d) => ({ ...d, inMonth: true }));
  return { view: 'week', focus, from, to, weeks: [days], title: `Week of ${dayLabel(from)}`, year, month };
}

export function calendarGrid(view: CalendarView, focus: string): CalendarGrid {
  return view === 'week' ? weekGrid(focus) : monthGrid(focus);
}

/** The same day-of-month `delta` months away, clamped to the month's length (31 Jan + 1 → 29 Feb 2020). */
export function addMonths(day: string, delta: number): string {
  const [y, m, d] = ym(day);
  const index = y * 12 + (m - 1) + delta;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return toIsoDay(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The focus day after "previous"/"next" in a view. */
export function stepCalendar(view: CalendarView, focus: string, delta: number): string {
  return view === 'week' ? addDays(focus, 7 * delta) : addMonths(focus, delta);
}

/** A visit as the calendar places it. */
export interface CalendarEntry {
  id: string;
  span: DaySpan;
  /** Known to the day: shown on each day it covers. Otherwise shown in the "dated only to…" strip. */
  exact: boolean;
}

export interface CalendarPlacement<T extends CalendarEntry> {
  /** Exact visits on each day of the grid that they cover (keys: every day of the grid). */
  byDay: Map<string, T[]>;
  /** Visits dated to a month, a year or a window, overlapping the grid. */
  approximate: T[];
}

/** Puts exact visits on every day they cover within the grid; approximate ones in their own strip. */
export function placeOnCalendar<T extends CalendarEntry>(
  grid: Pick<CalendarGrid, 'from' | 'to' | 'weeks'>,
  entries: readonly T[],
): CalendarPlacement<T> {
  const byDay = new Map<string, T[]>();
  for (const week of grid.weeks) for (const d of week) byDay.set(d.day, []);
  const approximate: T[] = [];
  for (const e of entries) {
    if (e.span.to < grid.from || e.span.from > grid.to) continue;
    if (!e.exact) {
      approximate.push(e);
      continue;
    }
    const first = e.span.from < grid.from ? grid.from : e.span.from;
    const last = e.span.to > grid.to ? grid.to : e.span.to;
    for (let d = first; d <= last; d = addDays(d, 1)) byDay.get(d)?.push(e);
  }
  return { byDay, approximate };
}

/** The day reached by an arrow key from `day` (Left/Right ±1, Up/Down ±7, Home/End: week ends). */
export function dayAfterKey(day: string, key: string): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return startOfWeek(day);
    case 'End':
      return addDays(startOfWeek(day), 6);
    case 'PageUp':
      return addMonths(day, -1);
    case 'PageDown':
      return addMonths(day, 1);
    default:
      return null;
  }
}
