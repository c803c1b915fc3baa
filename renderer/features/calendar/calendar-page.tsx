import { useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { dayLabel, daysBetween, isValidDay, localToday } from '../../../shared/model';
import { WEEKDAY_NAMES, calendarGrid, dayAfterKey, stepCalendar, type CalendarDay } from '../../../shared/timeline';
import { EmptyState, StatusBadge, VisitFilterControls, hasVisitFilter, useVisitFilterParams } from '../../components';
import { useQuery } from '../../db';
import { calendarData, calendarOpeningDay, nearestVisitStarts, type CalendarVisit } from './calendar-data';
import { calendarParamsFrom, calendarParamsTo, type CalendarParams } from './calendar-params';
import './calendar.css';

const MONTH_CELL_CAP = 4;

function dayName(d: CalendarDay): string {
  return `${WEEKDAY_NAMES[d.weekday]} ${dayLabel(d.day)}`;
}

function visitName(v: CalendarVisit): string {
  return `${v.traveller} → ${v.place}, ${v.datesLabel}, ${v.status}`;
}

function VisitChip({ v, tabbable, detailed }: { v: CalendarVisit; tabbable: boolean; detailed: boolean }) {
  const short = v.place.split(',')[0] ?? v.place;
  return (
    <li className={`cal-visit status-edge-${v.status}`}>
      <Link to={`/visits/${v.id}`} aria-label={visitName(v)} title={visitName(v)} tabIndex={tabbable ? 0 : -1}>
        <span className="cal-visit-place">{detailed ? v.place : short}</span>
        <span className="cal-visit-who">{v.traveller}</span>
      </Link>
      {detailed ? <StatusBadge status={v.status} /> : null}
    </li>
  );
}

/**
 * Calendar: a month (weeks as rows, Monday first) or a week of visits. Visits known to the day are
 * shown on every day they cover; visits dated only to a month, a year or a window are listed in a
 * strip above the grid instead of on every day. Previous/Next, Today and "Go to date"; the view and
 * date are in the URL. In the grid, arrow keys move between days (Page Up/Down: months), Tab reaches
 * the visits of the focused day.
 */
export function CalendarPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const today = localToday();
  // With no day in the address, the calendar opens on the month of the latest visit (not on an
  // empty month around today); "Today" still goes to today.
  const askedDate = searchParams.get('date');
  const dated = askedDate !== null && isValidDay(askedDate);
  const opening = useQuery(() => (dated ? Promise.resolve(null) : calendarOpeningDay(today)), [dated, today]);
  const ready = dated || !opening.isLoading;
  const fallback = opening.data ?? today;
  const params = useMemo(() => calendarParamsFrom(searchParams, fallback), [searchParams, fallback]);
  const [filter, setFilter] = useVisitFilterParams();
  const grid = useMemo(() => calendarGrid(params.view, params.date), [params.view, params.date]);
  const filterKey = JSON.stringify(filter);
  const query = useQuery(() => calendarData(grid, filter), [grid.from, grid.to, filterKey]);
  const near = useQuery(() => nearestVisitStarts(grid.from, grid.to, filter), [grid.from, grid.to, filterKey]);
  const before = near.data?.before ?? null;
  const after = near.data?.after ?? null;
  // The nearer of the two, by days from the grid's edges.
  const nearest = before && after ? (daysBetween(before, grid.from) <= daysBetween(grid.to, after) ? before : after) : (before ?? after);
  const monthOf = (day: string) => calendarGrid('month', day).title;
  // useLiveQuery keeps the previous result while the next window loads (no flash of "Loading").
  const data = query.data;

  const go = (next: Partial<CalendarParams>, replace = false) => setSearchParams((prev) => calendarParamsTo(next, prev), { replace });
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | null>(null);
  const onJump = (e: FormEvent) => {
    e.preventDefault();
    if (!isValidDay(jump)) {
      setJumpError('Enter a date to go to (day, month and year).');
      return;
    }
    setJumpError(null);
    go({ date: jump });
  };

  // After an arrow key moves the focused day, focus follows it (also into another month).
  const gridRef = useRef<HTMLTableElement>(null);
  /**
   * The day the last arrow key asked for, until focus has reached it. Keys pressed faster than the
   * view renders start from it, and a render of an earlier key's day (its effect can run after the
   * next key was handled) does not end the wait: only reaching this day does.
   */
  const pendingDay = useRef<string | null>(null);
  const focusing = useRef(false);
  // A layout effect: focus moves in the same task as the commit that replaced the grid, so no key
  // can arrive while the old focused cell is gone and focus has fallen back to the page.
  useLayoutEffect(() => {
    const target = pendingDay.current;
    if (target === null) return;
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-day="${params.date}"]`);
    if (!cell) return;
    if (document.activeElement !== cell) {
      focusing.current = true;
      cell.focus();
      focusing.current = false;
    }
    if (target === params.date) pendingDay.current = null;
  });
  const onCellKey = (e: KeyboardEvent<HTMLElement>, day: string) => {
    if (e.target !== e.currentTarget) return;
    const next = dayAfterKey(pendingDay.current ?? day, e.key);
    if (!next || !isValidDay(next)) return;
    e.preventDefault();
    pendingDay.current = next;
    go({ date: next }, true);
  };

  const unit = params.view === 'week' ? 'week' : 'month';
  const total = data?.total ?? 0;
  return (
    <section aria-labelledby="calendar-title" className="calendar-page">
      <div className="page-head">
        <h1 id="calendar-title">Calendar</h1>
      </div>
      <VisitFilterControls value={filter} onChange={setFilter} />
      <div className="toolbar cal-toolbar" role="toolbar" aria-label="Calendar view">
        <div role="group" aria-label="View">
          <button type="button" aria-pressed={params.view === 'month'} onClick={() => go({ view: 'month' })}>
            Month
          </button>
          <button type="button" aria-pressed={params.view === 'week'} onClick={() => go({ view: 'week' })}>
            Week
          </button>
        </div>
        <div role="group" aria-label="Move">
          <button type="button" onClick={() => go({ date: stepCalendar(params.view, params.date, -1) })}>
            ← Previous {unit}
          </button>
          <button type="button" onClick={() => go({ date: today })}>
            Today
          </button>
          <button type="button" onClick={() => go({ date: stepCalendar(params.view, params.date, 1) })}>
            Next {unit} →
          </button>
        </div>
        <div role="group" aria-label="Months with visits">
          <button
            type="button"
            disabled={!before}
            onClick={() => before && go({ date: before })}
            title={before ? `The nearest earlier visit: ${monthOf(before)}` : 'No earlier visits'}
          >
            ← Earlier visits
          </button>
          <button
            type="button"
            disabled={!after}
            onClick={() => after && go({ date: after })}
            title={after ? `The nearest later visit: ${monthOf(after)}` : 'No later visits'}
          >
            Later visits →
          </button>
        </div>
        <form className="cal-jump" onSubmit={onJump} noValidate>
          <label htmlFor="cal-jump-date">Go to date</label>
          <input
            id="cal-jump-date"
            type="date"
            value={jump}
            onChange={(e) => setJump(e.target.value)}
            aria-invalid={jumpError ? true : undefined}
            aria-describedby={jumpError ? 'cal-jump-error' : undefined}
          />
          <button type="submit">Go</button>
          {jumpError ? (
            <span id="cal-jump-error" className="field-error" role="alert">
              {jumpError}
            </span>
          ) : null}
        </form>
      </div>
      <h2 id="cal-grid-title" className="cal-title" aria-live="polite">
        {ready ? grid.title : 'Loading…'}
      </h2>
      {query.error ? (
        <p role="alert" className="error">
          The calendar could not be read: {query.error.message}
        </p>
      ) : null}
      <p className="muted cal-count">
        {data && ready
          ? `${total.toLocaleString('en')} visit${total === 1 ? '' : 's'} in this ${unit}${hasVisitFilter(filter) ? ' (filtered)' : ''}`
          : 'Loading…'}
      </p>
      {data && data.approximate.length > 0 ? (
        <section className="cal-approx" aria-labelledby="cal-approx-title">
          <h3 id="cal-approx-title">Dated only to the month, year or a window</h3>
          <ul>
            {data.approximate.map((v) => (
              <li key={v.id}>
                <Link to={`/visits/${v.id}`} aria-label={visitName(v)}>
                  {v.traveller} → {v.place}
                </Link>{' '}
                <span className="muted">{v.datesLabel}</span> <StatusBadge status={v.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <table ref={gridRef} role="grid" aria-labelledby="cal-grid-title" className={`cal-grid cal-${params.view}`} hidden={!ready}>
        <thead>
          <tr>
            {WEEKDAY_NAMES.map((n) => (
              <th key={n} scope="col" abbr={n}>
                {n.slice(0, 3)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr key={week[0]?.day}>
              {week.map((d) => {
                const visits = data?.byDay.get(d.day) ?? [];
                const focused = d.day === params.date;
                const cap = params.view === 'week' ? Infinity : MONTH_CELL_CAP;
                const classes = ['cal-day', d.inMonth ? '' : 'outside', d.day === today ? 'today' : '', focused ? 'focused' : '']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td
                    key={d.day}
                    role="gridcell"
                    data-day={d.day}
                    className={classes}
                    tabIndex={focused ? 0 : -1}
                    aria-current={d.day === today ? 'date' : undefined}
                    aria-selected={focused}
                    onKeyDown={(e) => onCellKey(e, d.day)}
                    onFocus={(e) => {
                      // Focus the user moved (click, Tab) starts the next arrow key from here.
                      if (!focusing.current) pendingDay.current = null;
                      if (e.target === e.currentTarget && !focused) go({ date: d.day }, true);
                    }}
                  >
                    <div className="cal-day-head">
                      <span aria-hidden="true">{d.date}</span>
                      <span className="visually-hidden">{dayName(d)}</span>
                    </div>
                    {visits.length > 0 ? (
                      <ul className="cal-visits">
                        {visits.slice(0, cap).map((v) => (
                          <VisitChip key={v.id} v={v} tabbable={focused} detailed={params.view === 'week'} />
                        ))}
                      </ul>
                    ) : null}
                    {visits.length > cap ? (
                      <button
                        type="button"
                        className="link-button cal-more"
                        tabIndex={focused ? 0 : -1}
                        onClick={() => go({ view: 'week', date: d.day })}
                      >
                        +{visits.length - cap} more
                      </button>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {data && ready && total === 0 ? (
        <EmptyState title={`No visits in this ${unit}`}>
          <p>
            {nearest ? (
              <>
                <button type="button" className="link-button" onClick={() => go({ date: nearest })}>
                  Go to the nearest month with visits ({monthOf(nearest)})
                </button>
                , or use Previous and Next, or Go to date{hasVisitFilter(filter) ? ', or clear the filters' : ''}.
              </>
            ) : (
              <>
                Use Previous and Next, or Go to date{hasVisitFilter(filter) ? ', or clear the filters' : ''}. The Timeline shows where
                visits are: <Link to="/timeline">open the Timeline</Link>.
              </>
            )}
          </p>
        </EmptyState>
      ) : null}
      <p className="muted cal-help">
        Arrow keys move between days, Page Up and Page Down between months; Tab reaches the visits of the chosen day.
      </p>
    </section>
  );
}
