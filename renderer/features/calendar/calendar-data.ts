import { addDays, type Visit, type VisitStatus } from '../../../shared/model';
import { countryName } from '../../../shared/places';
import {
  datesLabel,
  datesSpan,
  isExact,
  placeOnCalendar,
  type CalendarGrid,
  type CalendarPlacement,
  type DaySpan,
} from '../../../shared/timeline';
import { personNames, readTables, visitsOverlapping, type VisitFilter } from '../../db';

/** A visit as a calendar cell shows it. */
export interface CalendarVisit {
  id: string;
  span: DaySpan;
  exact: boolean;
  status: VisitStatus;
  traveller: string;
  /** "Tehran, Iran" or "Saudi Arabia". */
  place: string;
  datesLabel: string;
}

export interface CalendarData extends CalendarPlacement<CalendarVisit> {
  total: number;
}

/**
 * The visits of a month or week grid (dated visits overlapping it, read through the date indexes):
 * exact ones on every day they cover, the ones dated to a month, year or window in their own strip.
 * Read-only.
 */
export async function calendarData(grid: Pick<CalendarGrid, 'from' | 'to' | 'weeks'>, filter: VisitFilter = {}): Promise<CalendarData> {
  const visits = await visitsOverlapping(grid.from, grid.to, filter);
  const names = await personNames(visits.map((v) => v.travellerId));
  const entries: CalendarVisit[] = [];
  for (const v of visits) {
    const span = datesSpan(v.start, v.end);
    if (!span) continue;
    entries.push({
      id: v.id,
      span,
      exact: isExact(v.start, v.end),
      status: v.status,
      traveller: names.get(v.travellerId) ?? 'Unknown traveller',
      place: v.place.city ? `${v.place.city}, ${countryName(v.place.country)}` : countryName(v.place.country),
      datesLabel: datesLabel(v.start, v.end),
    });
  }
  return { ...placeOnCalendar(grid, entries), total: entries.length };
}

function passesFilter(v: Visit, f: VisitFilter): boolean {
  if (v.deletedAt) return false;
  if (f.status && v.status !== f.status) return false;
  if (f.country && v.place.country !== f.country) return false;
  if (f.travellerId && v.travellerId !== f.travellerId) return false;
  return true;
}

/**
 * The first day of the visits nearest a grid: the latest that starts before `from` and the earliest
 * that starts after `to` (each null when there is none), read through the startKey index, for
 * "jump to the nearest month with visits" and for where the Calendar opens.
 */
export async function nearestVisitStarts(
  from: string,
  to: string,
  filter: VisitFilter = {},
): Promise<{ before: string | null; after: string | null }> {
  return readTables(['visits'], async (db) => {
    const before = await db.visits
      .where('startKey')
      .between('0', from, true, false)
      .reverse()
      .filter((v) => passesFilter(v, filter))
      .first();
    const after = await db.visits
      .where('startKey')
      .above(to)
      .filter((v) => passesFilter(v, filter))
      .first();
    return { before: before?.startKey ?? null, after: after?.startKey ?? null };
  });
}

/**
 * Where the Calendar opens when the address names no day: the first day of the latest visit that
 * starts on or before `today` (else of the first one after it), so that the first view shows
 * visits rather than an empty month; today when no visit is dated.
 */
export async function calendarOpeningDay(today: string): Promise<string> {
  const { before, after } = await nearestVisitStarts(addDays(today, 1), today);
  return before ?? after ?? today;
}
