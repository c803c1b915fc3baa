import type { VisitStatus } from '../../shared/model';
import { countryName } from '../../shared/places';
import {
  datesLabel,
  datesSpan,
  isExact,
  placeOnCalendar,
  type CalendarGrid,
  type CalendarPlacement,
  type DaySpan,
} from '../../shared/timeline';
import { personNames, visitsOverlapping } from './timeline-data';
import type { VisitFilter } from './visits';

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
