import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays, dayLabel, daysBetween, localToday, VISIT_STATUSES } from '../../../shared/model';
import {
  MAX_ZOOM,
  MIN_ZOOM,
  ZOOM_PRESETS,
  ZOOM_SPANS,
  makeScale,
  pan,
  shortDay,
  windowAround,
  zoomToFit,
  type LaneBy,
} from '../../../shared/timeline';
import { EmptyState, VisitFilterControls, hasVisitFilter, useVisitFilterParams } from '../../components';
import { latestVisitDay, timelineData, timelineOpening, useQuery, visitDayRange } from '../../db';
import { ContextEventsSection } from './context-events';
import { TimelineAxis, TimelineDefs, TimelineEvents, TimelineLaneRow } from './timeline-chart';
import { timelineParamsFrom, timelineParamsTo, type TimelineParams } from './timeline-params';
import './timeline.css';

const LABEL_COLUMN = 190;
const MAX_LANES = 30;
const LIST_CAP = 300;

function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => setWidth(Math.max(240, Math.floor(el.clientWidth - LABEL_COLUMN - 16)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/**
 * Timeline: swimlanes per traveller or host country, visits as bars over their fuzzy span (solid
 * when known to the day, hatched when only a month, year or window is known), postponed plans as
 * dashed ghosts with an arrow to where the trip moved, context events on top. Zoom from a century
 * to days with the buttons, the presets, + / − keys or Ctrl+wheel; arrows pan. The window, zoom,
 * lanes and filter live in the URL so Back and Forward work.
 */
export function TimelinePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => timelineParamsFrom(searchParams), [searchParams]);
  const [filter, setFilter] = useVisitFilterParams();
  const today = localToday();
  const latest = useQuery(() => latestVisitDay(today), [today]);
  // With no day in the address, the timeline opens on the data (the most recent stretch with
  // visits, at a zoom that shows a dozen of them), not on an empty stretch around today.
  const zoomAsked = searchParams.has('zoom');
  const opening = useQuery(
    () => (params.at ? Promise.resolve(null) : timelineOpening(today, zoomAsked ? params.zoom : undefined)),
    [today, params.at, zoomAsked, params.zoom],
  );
  const zoom = params.at ? params.zoom : (opening.data?.zoom ?? params.zoom);
  const center = params.at ?? opening.data?.at ?? (opening.isLoading ? null : today);
  const win = center ? windowAround(center, zoom) : null;
  const filterKey = JSON.stringify(filter);
  // Fit all fits the visits the filters show, not every visit.
  const range = useQuery(() => visitDayRange(filter), [filterKey]);
  const filtered = hasVisitFilter(filter);
  const query = useQuery(
    () => (win ? timelineData(win.from, win.to, params.by, filter, MAX_LANES) : Promise.resolve(null)),
    [win?.from, win?.to, params.by, filterKey],
  );
  // useLiveQuery keeps the previous result while the next window loads (no flash of "Loading").
  const data = query.data;

  const chartRef = useRef<HTMLDivElement>(null);
  const width = useWidth(chartRef);
  const scale = useMemo(
    () => (data ? makeScale({ from: data.from, to: data.to, days: daysBetween(data.from, data.to) + 1 }, width) : null),
    [data, width],
  );

  const go = useCallback((next: Partial<TimelineParams>) => setSearchParams((prev) => timelineParamsTo(next, prev)), [setSearchParams]);
  const at = center ?? today;
  const zoomBy = useCallback(
    (delta: number, anchor?: { day: string; fraction: number }) => {
      const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom + delta));
      if (next === zoom) return;
      if (anchor) {
        const span = ZOOM_SPANS[next] ?? 183;
        go({ zoom: next, at: addDays(anchor.day, Math.round((0.5 - anchor.fraction) * span)) });
      } else go({ zoom: next, at });
    },
    [zoom, at, go],
  );
  const zoomTo = (from: string, to: string) => {
    go({ zoom: zoomToFit(daysBetween(from, to) + 1 + 4), at: addDays(from, Math.floor(daysBetween(from, to) / 2)) });
  };
  // Read again on the click: the live range may still be the one of the filters just changed.
  const fitAll = async () => {
    const r = await visitDayRange(filter);
    if (r) zoomTo(r.first, r.last);
  };

  // Ctrl/Cmd + wheel zooms around the pointer (a native listener: React's wheel listener is passive).
  useEffect(() => {
    const el = chartRef.current;
    if (!el || !scale) return undefined;
    const onWheel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      const svg = el.querySelector('.tl-axis');
      const left = svg ? svg.getBoundingClientRect().left : 0;
      const x = Math.min(scale.width, Math.max(0, e.clientX - left));
      zoomBy(e.deltaY < 0 ? 1 : -1, { day: scale.dayAt(x), fraction: x / scale.width });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scale, zoomBy]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') zoomBy(1);
    else if (e.key === '-' || e.key === '_') zoomBy(-1);
    else if (e.key === 'ArrowLeft') go({ at: pan(at, zoom, e.shiftKey ? -1 : -0.25) });
    else if (e.key === 'ArrowRight') go({ at: pan(at, zoom, e.shiftKey ? 1 : 0.25) });
    else return;
    e.preventDefault();
  };

  const preset = ZOOM_PRESETS.find((p) => p.zoom === zoom);
  const items = data ? data.lanes.flatMap((l) => l.items.map((it) => ({ it, lane: l.name }))) : [];
  const laneWord = params.by === 'traveller' ? 'traveller' : 'host country';
  const laneWords = params.by === 'traveller' ? 'travellers' : 'host countries';

  return (
    <section aria-labelledby="timeline-title" className="timeline-page">
      <TimelineDefs />
      <div className="page-head">
        <h1 id="timeline-title">Timeline</h1>
      </div>
      <VisitFilterControls value={filter} onChange={setFilter} />
      <div className="toolbar tl-toolbar" role="toolbar" aria-label="Timeline view">
        <div className="tl-presets" role="group" aria-label="Zoom presets">
          {ZOOM_PRESETS.map((p) => (
            <button key={p.label} type="button" aria-pressed={preset?.label === p.label} onClick={() => go({ zoom: p.zoom, at })}>
              {p.label}
            </button>
          ))}
        </div>
        <div role="group" aria-label="Zoom">
          <button type="button" onClick={() => zoomBy(-1)} disabled={zoom <= MIN_ZOOM} aria-label="Zoom out" title="Zoom out (−)">
            −
          </button>
          <button type="button" onClick={() => zoomBy(1)} disabled={zoom >= MAX_ZOOM} aria-label="Zoom in" title="Zoom in (+)">
            +
          </button>
        </div>
        <div role="group" aria-label="Move in time">
          <button type="button" onClick={() => go({ at: pan(at, zoom, -0.5) })} aria-label="Earlier" title="Earlier (←)">
            ← Earlier
          </button>
          <button type="button" onClick={() => go({ at: today })}>
            Today
          </button>
          <button
            type="button"
            disabled={!range.data}
            title={
              range.data
                ? filtered
                  ? 'Show every dated visit these filters match'
                  : 'Show every dated visit'
                : range.isLoading
                  ? undefined
                  : filtered
                    ? 'No dated visit matches these filters'
                    : 'No visit is dated yet'
            }
            onClick={() => void fitAll()}
          >
            Fit all
          </button>
          <button type="button" onClick={() => go({ at: pan(at, zoom, 0.5) })} aria-label="Later" title="Later (→)">
            Later →
          </button>
        </div>
        <label className="tl-by">
          Lanes by{' '}
          <select value={params.by} onChange={(e) => go({ by: e.target.value as LaneBy })}>
            <option value="traveller">Traveller</option>
            <option value="country">Host country</option>
          </select>
        </label>
      </div>
      <p className="tl-caption" role="status" aria-live="polite">
        {win ? (
          <>
            Showing <strong>{shortDay(win.from)}</strong> – <strong>{shortDay(win.to)}</strong>
            {data ? (
              <>
                {' '}
                · {data.total.toLocaleString('en')} visit{data.total === 1 ? '' : 's'} in{' '}
                {(data.lanes.length + data.hiddenLanes).toLocaleString('en')}{' '}
                {data.lanes.length + data.hiddenLanes === 1 ? laneWord : laneWords}
              </>
            ) : null}
          </>
        ) : (
          'Loading…'
        )}
      </p>
      {query.error ? (
        <p role="alert" className="error">
          The timeline could not be read: {query.error.message}
        </p>
      ) : null}
      <div
        ref={chartRef}
        className="tl-chart"
        tabIndex={0}
        role="group"
        aria-label="Timeline chart. Plus and minus zoom, left and right arrows move in time, Tab moves between visits, Enter opens one."
        aria-describedby="tl-legend"
        onKeyDown={onKeyDown}
      >
        {scale && data ? (
          <>
            <div className="tl-row tl-axis-row">
              <div className="tl-lane-name" aria-hidden="true" />
              <TimelineAxis scale={scale} />
            </div>
            {data.events.length > 0 ? (
              <div className="tl-row tl-events-row">
                <div className="tl-lane-name">Context events</div>
                <TimelineEvents scale={scale} events={data.events} />
              </div>
            ) : null}
            {data.lanes.length > 0 ? (
              <ul className="tl-lanes" aria-label={`Lanes by ${laneWord}`}>
                {data.lanes.map((lane) => (
                  <TimelineLaneRow key={lane.key} lane={lane} scale={scale} onZoomTo={zoomTo} />
                ))}
              </ul>
            ) : (
              <EmptyState title="No visits in this window">
                <p>
                  Zoom out, move earlier or later{hasVisitFilter(filter) ? ', or clear the filters' : ''}.{' '}
                  {latest.data ? (
                    <button type="button" className="link-button" onClick={() => go({ at: latest.data ?? today })}>
                      Go to the latest visit ({shortDay(latest.data)})
                    </button>
                  ) : (
                    <>
                      There are no dated visits yet: <Link to="/visits/new">add a visit</Link> or{' '}
                      <Link to="/import">import an article or a dataset</Link>.
                    </>
                  )}
                </p>
              </EmptyState>
            )}
            {data.hiddenLanes > 0 ? (
              <p className="tl-more">
                and {data.hiddenLanes.toLocaleString('en')} more {data.hiddenLanes === 1 ? laneWord : laneWords} (
                {data.hiddenItems.toLocaleString('en')} visits) not shown: filter by{' '}
                {params.by === 'traveller' ? 'traveller or country' : 'country or traveller'}, or zoom in.
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </div>
      <ul id="tl-legend" className="tl-legend" aria-label="Legend">
        {VISIT_STATUSES.map((s) => (
          <li key={s}>
            <svg width="18" height="12" aria-hidden="true" focusable="false">
              <rect width="18" height="12" rx="2" style={{ fill: `var(--${s})` }} />
            </svg>
            {s}
          </li>
        ))}
        <li>
          <svg width="18" height="12" aria-hidden="true" focusable="false">
            <rect width="18" height="12" style={{ fill: 'url(#tl-hatch-planned)', stroke: 'var(--planned)' }} />
          </svg>
          hatched: dated only to a month, year or window
        </li>
        <li>
          <svg width="18" height="12" aria-hidden="true" focusable="false">
            <rect className="tl-ghost" x="1" y="1" width="16" height="10" />
          </svg>
          dashed: originally planned, then postponed (arrow: where it moved)
        </li>
        <li>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <circle className="tl-unknown-legend" cx="7" cy="7" r="6" />
          </svg>
          ? date unknown
        </li>
      </ul>
      {data && items.length > 0 ? (
        <details className="tl-list">
          <summary>The {Math.min(items.length, LIST_CAP).toLocaleString('en')} visits shown, as a table</summary>
          <table aria-label="Visits shown on the timeline">
            <thead>
              <tr>
                <th scope="col">{params.by === 'traveller' ? 'Traveller' : 'Host country'}</th>
                <th scope="col">Visit</th>
                <th scope="col">Dates</th>
                <th scope="col">Status</th>
                <th scope="col">Moved</th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, LIST_CAP).map(({ it, lane }) => (
                <tr key={it.id}>
                  <td>{lane}</td>
                  <td>
                    <Link to={`/visits/${it.id}`}>{it.label.replace(/ · moved$/, '')}</Link>
                  </td>
                  <td>{it.datesLabel}</td>
                  <td>{it.status}</td>
                  <td>
                    {it.moves
                      .map(
                        (m) =>
                          `postponed on ${dayLabel(m.postponedOn)}: ${m.approximate ? 'planned with no date given' : `planned for ${m.label}`} → ${m.toLabel}`,
                      )
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {data ? <ContextEventsSection events={data.events} /> : null}
    </section>
  );
}
