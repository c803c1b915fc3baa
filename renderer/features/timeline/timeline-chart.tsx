import { useMemo } from 'react';
import { VISIT_STATUSES, formatFuzzyDate, type ContextEvent } from '../../../shared/model';
import {
  MARKER_SIZE,
  labelWidth,
  layoutLane,
  shortDay,
  spanGeometry,
  ticks,
  type LaneLayout,
  type PlacedBin,
  type PlacedItem,
  type Scale,
  type TimelineItem,
} from '../../../shared/timeline';
import type { TimelineLane } from '../../db';

export const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
const LANE_PAD = 6;

/** Hatch patterns (uncertain dates) for every status, defined once for all the timeline's SVGs. */
export function TimelineDefs() {
  return (
    <svg className="tl-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {VISIT_STATUSES.map((s) => (
          <pattern key={s} id={`tl-hatch-${s}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" style={{ fill: `var(--${s})`, opacity: 0.22 }} />
            <line x1="0" y1="0" x2="0" y2="6" style={{ stroke: `var(--${s})`, strokeWidth: 2.5 }} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** The time axis: tick lines and labels. */
export function TimelineAxis({ scale }: { scale: Scale }) {
  // Labels that would run off the right edge are left out (the tick line stays).
  const list = useMemo(() => ticks(scale), [scale]);
  return (
    <svg className="tl-axis" width={scale.width} height={28} aria-hidden="true" focusable="false">
      {list.map((t) => (
        <g key={t.day} transform={`translate(${t.x},0)`} className={t.major ? 'tl-tick major' : 'tl-tick'}>
          <line y1={18} y2={28} />
          {t.x + labelWidth(t.label) <= scale.width + 4 ? (
            <text x={3} y={14}>
              {t.label}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

/** The most rows of context events drawn before labels give way to markers alone. */
const EVENT_ROWS = 4;

interface PlacedEvent {
  e: ContextEvent;
  g: { x: number; width: number };
  row: number;
  /** The label as drawn (shortened with "…" where the chart's edge cuts it), or null: the marker alone. */
  text: string | null;
  /** The label goes left of the marker (more room there). */
  flip: boolean;
}

const CHAR_PX = 6.6;

/** The title cut to `room` pixels, with an ellipsis; null when too little of it would show. */
function fitLabel(title: string, room: number): string | null {
  if (labelWidth(title) <= room) return title;
  const chars = Math.floor((room - 8) / CHAR_PX) - 1;
  return chars >= 12 ? `${title.slice(0, chars).trimEnd()}…` : null;
}

/**
 * Rows for context events: each takes the first row where its marker and label fit (the label cut
 * at the chart's edge, or put on the marker's left where there is more room); when no row has
 * room (a decade with five events in one year), the marker goes to a last row of markers alone,
 * named by its tooltip and for screen readers, so that no label is ever drawn over another.
 */
function placeEvents(
  geo: readonly { e: ContextEvent; g: { x: number; width: number } }[],
  width: number,
  maxRows = EVENT_ROWS,
): { placed: PlacedEvent[]; rowCount: number } {
  const ends: number[] = [];
  let markersRow = false;
  const placed: PlacedEvent[] = [];
  const order = [...geo].sort((a, b) => a.g.x - b.g.x);
  for (const { e, g } of order) {
    const markEnd = g.x + Math.max(g.width, 6) + 6;
    const right = width - markEnd - 2;
    const left = g.x - 8;
    const flip = labelWidth(e.title) > right && left > right;
    const text = fitLabel(e.title, flip ? left : right);
    const textWidth = text ? labelWidth(text) : 0;
    const x0 = flip ? g.x - 8 - textWidth : g.x - 6;
    const x1 = flip ? markEnd : markEnd + textWidth;
    let row = ends.findIndex((end) => end + 4 <= x0);
    if (row < 0 && ends.length < maxRows) row = ends.push(-Infinity) - 1;
    if (row >= 0 && text) {
      ends[row] = x1;
      placed.push({ e, g, row, text, flip });
    } else {
      markersRow = true;
      placed.push({ e, g, row: -1, text: null, flip: false });
    }
  }
  const rowCount = Math.max(1, ends.length + (markersRow ? 1 : 0));
  for (const p of placed) if (p.row < 0) p.row = ends.length;
  return { placed, rowCount };
}

/** Context events: a diamond on the day (a band for a month or year), label beside it when there is room. */
export function TimelineEvents({ scale, events }: { scale: Scale; events: ContextEvent[] }) {
  const layout = useMemo(() => {
    const geo = events
      .map((e) => ({ e, g: spanGeometry(scale, e.date.from, e.date.to, 2) }))
      .filter((p): p is { e: ContextEvent; g: NonNullable<typeof p.g> } => p.g !== null);
    return placeEvents(geo, scale.width);
  }, [scale, events]);
  const height = layout.rowCount * 20 + 6;
  return (
    <svg className="tl-events" width={scale.width} height={height} role="list" aria-label="Context events">
      {layout.placed.map(({ e, g, row, text, flip }) => {
        const y = row * 20 + 4;
        const label = `${e.title}, ${formatFuzzyDate(e.date)}`;
        const cx = g.width > 8 ? g.x : g.x + g.width / 2;
        return (
          <g key={e.id} role="listitem" aria-label={label} className="tl-event">
            <title>{label}</title>
            {g.width > 8 ? <rect className="tl-event-band" x={g.x} y={y + 3} width={g.width} height={10} /> : null}
            <path className="tl-event-mark" d={`M${cx},${y + 2} l6,6 l-6,6 l-6,-6 z`} />
            {text ? (
              <text x={flip ? cx - 8 : cx + (g.width > 8 ? g.width : 0) + 8} y={y + 13} textAnchor={flip ? 'end' : undefined}>
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

function ItemShapes({ p, y }: { p: PlacedItem<TimelineItem>; y: number }) {
  const it = p.item;
  const mid = y + BAR_HEIGHT / 2;
  const style = { ['--c' as string]: `var(--${it.status})` };
  return (
    <>
      {p.ghosts.map((g, i) => {
        const from = g.x + g.width;
        const to = g.unknown ? g.arrowTo - MARKER_SIZE / 2 : g.arrowTo;
        const dir = to >= from ? 1 : -1;
        return (
          <g key={i} className="tl-move">
            {g.width > 0 ? (
              <rect
                className="tl-ghost"
                role="img"
                aria-label={`Originally planned: ${g.approximate ? 'no date given (placed on the day it was postponed)' : g.label}`}
                x={g.x}
                y={y}
                width={g.width}
                height={BAR_HEIGHT}
                rx={2}
              />
            ) : null}
            {Math.abs(to - from) > 6 ? (
              <>
                <line className="tl-arrow" x1={from + dir} y1={mid} x2={to - dir * 5} y2={mid} />
                <path className="tl-arrowhead" d={`M${to},${mid} l${-dir * 6},-4 v8 z`} />
              </>
            ) : null}
          </g>
        );
      })}
      {p.bar ? (
        <rect
          className={it.exact ? 'tl-bar exact' : 'tl-bar uncertain'}
          style={{ ...style, fill: it.exact ? 'var(--c)' : `url(#tl-hatch-${it.status})` }}
          x={p.bar.x}
          y={y}
          width={p.bar.width}
          height={BAR_HEIGHT}
          rx={it.exact ? 2 : 0}
        />
      ) : null}
      {p.markerX !== null ? (
        <g className="tl-unknown" style={style}>
          <circle cx={p.markerX} cy={mid} r={MARKER_SIZE / 2} />
          <text x={p.markerX} y={mid + 4} textAnchor="middle">
            ?
          </text>
        </g>
      ) : null}
      {p.showLabel ? (
        <text className="tl-label" x={p.labelX} y={y + BAR_HEIGHT - 3}>
          {it.label}
          {!it.exact && it.phrase ? ` (${it.phrase})` : ''}
        </text>
      ) : null}
    </>
  );
}

function Bin({ b, y, onOpen }: { b: PlacedBin; y: number; onOpen: (b: PlacedBin) => void }) {
  const label = `${b.count} visits, ${shortDay(b.from)} – ${shortDay(b.to)}: zoom in`;
  const dominant = Object.entries(b.statuses).sort((a, c) => (c[1] ?? 0) - (a[1] ?? 0))[0]?.[0] ?? 'completed';
  return (
    <g
      className="tl-bin"
      role="button"
      tabIndex={0}
      aria-label={label}
      onClick={() => onOpen(b)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(b);
        }
      }}
    >
      <title>{label}</title>
      <rect
        x={b.x}
        y={y}
        width={b.width - 1}
        height={BAR_HEIGHT}
        style={{ fill: `var(--${dominant})`, opacity: Math.min(1, 0.35 + b.count / 12) }}
      />
    </g>
  );
}

function laneHeight(layout: LaneLayout<TimelineItem>): number {
  return layout.rowCount * ROW_HEIGHT + LANE_PAD;
}

/** One swimlane: its visits as links (Enter or click opens the visit), bins as buttons that zoom in. */
export function TimelineLaneRow({
  lane,
  scale,
  onZoomTo,
}: {
  lane: TimelineLane;
  scale: Scale;
  onZoomTo: (from: string, to: string) => void;
}) {
  const layout = useMemo(() => layoutLane(lane.items, scale), [lane.items, scale]);
  const height = laneHeight(layout);
  return (
    <li className="tl-lane">
      <div className="tl-lane-name" title={lane.name}>
        {lane.name}
        <span className="tl-lane-count">
          {lane.items.length} visit{lane.items.length === 1 ? '' : 's'}
        </span>
      </div>
      <svg className="tl-lane-svg" width={scale.width} height={height} role="list" aria-label={`Visits of ${lane.name}`}>
        {layout.placed.map((p) => {
          const y = p.row * ROW_HEIGHT + LANE_PAD / 2 + (ROW_HEIGHT - BAR_HEIGHT) / 2;
          if (p.kind === 'bin') {
            return (
              <g key={`bin-${p.x}`} role="listitem">
                <Bin b={p} y={y} onOpen={(b) => onZoomTo(b.from, b.to)} />
              </g>
            );
          }
          return (
            <g key={p.item.id} role="listitem">
              <a href={`#/visits/${p.item.id}`} aria-label={p.item.description} className="tl-item">
                <title>{p.item.description}</title>
                <ItemShapes p={p} y={y} />
              </a>
            </g>
          );
        })}
      </svg>
    </li>
  );
}
