import { countryName } from '../places';
import { ISO_DAY } from './dates';
import type { FuzzyDate } from './fuzzy-date';
import type { Person, Place, Visit, VisitKind } from './schemas';
import type { VisitStatus } from './status';

/**
 * How a visit is named and dated, in one place for every screen and report. Dates read as a
 * diplomat writes them: "7 December 2026", and "7 December 2026, 14:09" for a moment. ISO dates
 * stay in machine formats (CSV, JSON, ICS) and in date inputs.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "22 July 2020" for a calendar day ("2020-07-22"); anything else as it is. */
export function dayLabel(day: string): string {
  const m = ISO_DAY.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "7 December 2026, 14:09" in the reader's own time zone: when something happened in the app
 * (a note edited, a backup made). Anything that is not a time is returned as it is.
 */
export function localTimeLabel(at: string | Date): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * "7 December 2026, 14:09 (UTC+01:00)": a moment in the reader's zone, named, for a document that
 * travels (a report read elsewhere or later). The zone is passed in as minutes east of UTC (what
 * `-new Date().getTimezoneOffset()` gives), since shared code has no zone of its own.
 */
export function zonedTimeLabel(iso: string, offsetMinutes: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t) || !Number.isFinite(offsetMinutes)) return iso;
  const d = new Date(t + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMinutes));
  const zone = `UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} (${zone})`;
}

/** "28 November 2026, 05:40 UTC" for an ISO timestamp, the same for every reader of a report; anything else as it is. */
export function timestampLabel(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${dayLabel(m[1]!)}, ${m[2]} UTC` : iso;
}

/** A reader's label: "21 July 2020", "July 2020", "2020", "22 July 2020 – 31 August 2020 (within weeks)". */
export function formatFuzzyDate(d: FuzzyDate | null | undefined): string {
  if (!d) return 'date unknown';
  switch (d.precision) {
    case 'day':
      return dayLabel(d.from);
    case 'month':
      return `${MONTHS[Number(d.from.slice(5, 7)) - 1] ?? ''} ${d.from.slice(0, 4)}`;
    case 'year':
      return d.from.slice(0, 4);
    case 'window': {
      const span = `${dayLabel(d.from)} – ${dayLabel(d.to)}`;
      return d.phrase ? `${span} (${d.phrase})` : span;
    }
  }
}

/** The dates of a visit as a reader wants them, precision kept (the Visits list's wording). */
export function formatVisitDates(start: FuzzyDate | null, end: FuzzyDate | null): string {
  if (!start && !end) return 'Date unknown';
  if (!start) return `Until ${formatFuzzyDate(end)}`;
  const first = formatFuzzyDate(start);
  if (!end || (end.from === start.from && end.to === start.to)) {
    return start.precision === 'window' && !start.phrase ? `${first} (some time in this window)` : first;
  }
  return `${first} – ${formatFuzzyDate(end)}`;
}

export const KIND_LABELS: Readonly<Record<VisitKind, string>> = Object.freeze({
  state: 'State visit',
  official: 'Official visit',
  working: 'Working visit',
  private: 'Private visit',
  multilateral: 'Multilateral (summit, conference)',
  unknown: 'Not known',
});

/** A status as the reader sees it in prose and headings: "Planned", "Postponed"… */
export const STATUS_LABELS: Readonly<Record<VisitStatus, string>> = Object.freeze({
  planned: 'Planned',
  postponed: 'Postponed',
  underway: 'Under way',
  completed: 'Completed',
  cancelled: 'Cancelled',
});

/** "Iran, Tehran", or just the country when no city is known. */
export function placeLabel(place: Pick<Place, 'country' | 'city'>): string {
  const country = countryName(place.country);
  return place.city ? `${country}, ${place.city}` : country;
}

/** The visit's name everywhere (heading, list link, dialogs, reports): "Mustafa al-Kadhemi → Iran, Tehran". */
export function visitTitle(traveller: Pick<Person, 'name'> | undefined, place: Pick<Place, 'country' | 'city'>): string {
  return `${traveller?.name ?? 'Unknown traveller'} → ${placeLabel(place)}`;
}

/**
 * A visit named with its first date, for pickers and links among other records:
 * "Mustafa al-Kadhemi → Iran (Tehran), 21 July 2020" (the city in brackets, as a comma precedes the date).
 */
export function visitLabel(visit: Pick<Visit, 'place' | 'start'>, travellerName: string | undefined): string {
  const where = `${countryName(visit.place.country)}${visit.place.city ? ` (${visit.place.city})` : ''}`;
  return `${travellerName ?? 'Unknown traveller'} → ${where}, ${formatFuzzyDate(visit.start)}`;
}
