/**
 * The timeline's time axis: zoom levels, the visible window, day → pixel scale and axis ticks.
 * Pure: days are `YYYY-MM-DD` strings (see shared/model/dates), so nothing depends on the time zone.
 */
import { ISO_DAY, addDays, daysBetween, isValidDay, isoWeekday, toIsoDay } from '../model/dates';
import { MONTHS } from '../model/visit-format';

/** Visible span of each zoom level, in days, from a century down to five days. */
export const ZOOM_SPANS: readonly number[] = Object.freeze([36525, 18262, 10957, 7305, 3653, 1826, 1096, 730, 365, 183, 91, 42, 21, 10, 5]);

export const MIN_ZOOM = 0;
export const MAX_ZOOM = ZOOM_SPANS.length - 1;

/** Named presets (the buttons): each is one zoom level. */
export const ZOOM_PRESETS = Object.freeze([
  { label: 'Decades', zoom: 2 },
  { label: 'Years', zoom: 5 },
  { label: 'Months', zoom: 9 },
  { label: 'Weeks', zoom: 11 },
  { label: 'Days', zoom: 13 },
] as const);

export const DEFAULT_ZOOM = 9;

/** The earliest and latest day the timeline scrolls to. */
const FIRST_DAY = '1000-01-01';
const LAST_DAY = '2999-12-31';

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return DEFAULT_ZOOM;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom)));
}

export function clampDay(day: string): string {
  if (!isValidDay(day)) return day < FIRST_DAY ? FIRST_DAY : LAST_DAY;
  return day < FIRST_DAY ? FIRST_DAY : day > LAST_DAY ? LAST_DAY : day;
}

/** The inclusive span of days on screen. */
export interface TimeWindow {
  from: string;
  to: string;
  /** Number of days shown (to - from + 1). */
  days: number;
}

/** The window of a zoom level centred on a day. */
export function windowAround(center: string, zoom: number): TimeWindow {
  const days = ZOOM_SPANS[clampZoom(zoom)] ?? 183;
  const from = addDays(clampDay(center), -Math.floor(days / 2));
  return { from, to: addDays(from, days - 1), days };
}

/** The centre after panning by a fraction of the visible span (negative = back in time). */
export function pan(center: string, zoom: number, fraction: number): string {
  const days = ZOOM_SPANS[clampZoom(zoom)] ?? 183;
  return clampDay(addDays(clampDay(center), Math.round(days * fraction)));
}

/** Zoom level whose span is the smallest that still shows `days` days (for "fit"). */
export function zoomToFit(days: number): number {
  for (let z = MAX_ZOOM; z >= MIN_ZOOM; z--) {
    if ((ZOOM_SPANS[z] ?? 0) >= days) return z;
  }
  return MIN_ZOOM;
}

export interface Scale extends TimeWindow {
  width: number;
  pxPerDay: number;
  /** Left edge of a day, in pixels (may be outside [0, width]). */
  x(day: string): number;
  /** The day under a pixel. */
  dayAt(x: number): string;
}

export function makeScale(win: TimeWindow, width: number): Scale {
  const w = Math.max(1, width);
  const pxPerDay = w / win.days;
  return {
    ...win,
    width: w,
    pxPerDay,
    x: (day) => daysBetween(win.from, day) * pxPerDay,
    dayAt: (x) => addDays(win.from, Math.floor(x / pxPerDay)),
  };
}

export interface BarGeometry {
  x: number;
  width: number;
  /** The span continues beyond the left/right edge of the window. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * Pixel geometry of an inclusive day span, clipped to the window; null when it lies outside.
 * A span is never narrower than `minWidth` so that a one-day visit at the decades zoom is still visible.
 */
export function spanGeometry(scale: Scale, from: string, to: string, minWidth = 2): BarGeometry | null {
  if (to < scale.from || from > scale.to) return null;
  const clippedStart = from < scale.from;
  const clippedEnd = to > scale.to;
  const x0 = clippedStart ? 0 : scale.x(from);
  const x1 = clippedEnd ? scale.width : scale.x(to) + scale.pxPerDay;
  let x = x0;
  let width = x1 - x0;
  if (width < minWidth) {
    // Grow around the span's centre, but stay inside the window.
    x = Math.max(0, Math.min(scale.width - minWidth, x0 + width / 2 - minWidth / 2));
    width = minWidth;
  }
  return { x, width, clippedStart, clippedEnd };
}

/** "Jan" … "Dec": where an axis has no room for the month's whole name. */
const MONTH_ABBR = MONTHS.map((name) => name.slice(0, 3));

function parts(day: string): [number, number, number] {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Monday = 0 … Sunday = 6 (ISO weeks), computed from the string. */
export const weekday = isoWeekday;

export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'years5' | 'decade' | 'years20' | 'years50' | 'century';

export interface Tick {
  day: string;
  label: string;
  x: number;
  /** A tick on a bigger boundary (a new year on a month axis, a new month on a day axis). */
  major: boolean;
}

const UNIT_DAYS: readonly [TickUnit, number][] = [
  ['day', 1],
  ['week', 7],
  ['month', 30.44],
  ['quarter', 91.3],
  ['year', 365.25],
  ['years5', 1826],
  ['decade', 3652],
  ['years20', 7305],
  ['years50', 18262],
  ['century', 36525],
];

/** The smallest tick unit whose ticks are at least `minPx` apart. */
export function tickUnit(pxPerDay: number, minPx = 64): TickUnit {
  for (const [unit, days] of UNIT_DAYS) if (days * pxPerDay >= minPx) return unit;
  return 'century';
}

function yearsStep(unit: TickUnit): number {
  switch (unit) {
    case 'years5':
      return 5;
    case 'decade':
      return 10;
    case 'years20':
      return 20;
    case 'years50':
      return 50;
    case 'century':
      return 100;
    default:
      return 1;
  }
}

/** Axis ticks for the window: dates on unit boundaries inside it, with short labels. */
export function ticks(scale: Scale, minPx = 64): Tick[] {
  const unit = tickUnit(scale.pxPerDay, minPx);
  const out: Tick[] = [];
  const push = (day: string, label: string, major: boolean) => {
    if (day >= scale.from && day <= scale.to) out.push({ day, label, x: scale.x(day), major });
  };
  const [fy, fm] = parts(scale.from);
  if (unit === 'day' || unit === 'week') {
    let day = scale.from;
    if (unit === 'week') day = addDays(day, (7 - weekday(day)) % 7);
    for (; day <= scale.to; day = addDays(day, unit === 'day' ? 1 : 7)) {
      const [y, m, d] = parts(day);
      const newMonth = d === 1 || (unit === 'week' && d <= 7);
      push(day, `${d} ${MONTH_ABBR[m - 1]}${(newMonth && m === 1) || out.length === 0 ? ` ${y}` : ''}`, newMonth);
    }
    return out;
  }
  if (unit === 'month' || unit === 'quarter') {
    const step = unit === 'month' ? 1 : 3;
    let y = fy;
    let m = fm;
    if (unit === 'quarter') m = Math.floor((m - 1) / 3) * 3 + 1;
    for (let guard = 0; guard < 5000; guard++) {
      const day = toIsoDay(y, m, 1);
      if (day > scale.to) break;
      // The year is on January and on the first tick, so the axis always says which year it shows.
      push(day, m === 1 ? `${y}` : `${MONTH_ABBR[m - 1]}${out.length === 0 ? ` ${y}` : ''}`, m === 1);
      m += step;
      if (m > 12) {
        m -= 12;
        y++;
      }
    }
    return out;
  }
  const step = yearsStep(unit);
  for (let y = Math.floor(fy / step) * step; ; y += step) {
    const day = toIsoDay(y, 1, 1);
    if (day > scale.to || y > 9999) break;
    push(day, `${y}`, y % (step * 10) === 0 || (step === 1 && y % 10 === 0));
  }
  return out;
}

/** "21 Jul 2020" — compact day label for the axis and the window caption. */
export function shortDay(day: string): string {
  const [y, m, d] = parts(day);
  return `${d} ${MONTH_ABBR[m - 1]} ${y}`;
}
