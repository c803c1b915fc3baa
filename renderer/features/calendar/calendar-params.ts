import { isValidDay } from '../../../shared/model';
import type { CalendarView } from '../../../shared/timeline';

/**
 * The Calendar's URL parameters: `view` (month or week) and `date` (the focused day). The visit
 * filter's parameters are kept beside them. Malformed values fall back to the defaults.
 */
export interface CalendarParams {
  view: CalendarView;
  date: string;
}

export function calendarParamsFrom(sp: URLSearchParams, today: string): CalendarParams {
  const date = sp.get('date');
  return { view: sp.get('view') === 'week' ? 'week' : 'month', date: date && isValidDay(date) ? date : today };
}

export function calendarParamsTo(p: Partial<CalendarParams>, base: URLSearchParams): URLSearchParams {
  const sp = new URLSearchParams(base);
  if (p.view !== undefined) {
    if (p.view === 'week') sp.set('view', 'week');
    else sp.delete('view');
  }
  if (p.date !== undefined) sp.set('date', p.date);
  return sp;
}
