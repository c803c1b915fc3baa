/**
 * Timeline layout: what a visit looks like on the timeline (its span, how certain the dates are,
 * where a postponed trip was first planned), swimlanes, rows inside a lane and aggregation of bars
 * too small to draw one by one. Pure functions; the renderer only turns the result into SVG.
 */
import type { FuzzyDate } from '../model/fuzzy-date';
import { dayLabel, formatFuzzyDate } from '../model/visit-format';
import type { StatusChange, Visit } from '../model/schemas';
import type { VisitStatus } from '../model/status';
import { spanGeometry, type Scale } from './scale';

/** An inclusive span of calendar days. */
export interface DaySpan {
  from: string;
  to: string;
}

/** The days a visit's dates cover: start.from to end.to (or start.to); null when undated. */
export function datesSpan(start: FuzzyDate | null, end: FuzzyDate | null): DaySpan | null {
  if (!start) return end ? { from: end.from, to: end.to } : null;
  const to = end && end.to > start.to ? end.to : start.to;
  return { from: start.from, to };
}

/** True when the dates are known to the day; a month, year or window is drawn as an uncertain range. */
export function isExact(start: FuzzyDate | null, end: FuzzyDate | null): boolean {
  return !!start && start.precision === 'day' && (!end || end.precision === 'day');
}

/** "21 July 2020", "22 July 2020 – 2 September 2020 (within weeks)", "21 – 23 July 2020" style labels. */
export function datesLabel(start: FuzzyDate | null, end: FuzzyDate | null): string {
  if (!start) return end ? `until ${formatFuzzyDate(end)}` : 'date unknown';
  if (!end || (end.from === start.from && end.to === start.to)) return formatFuzzyDate(start);
  return `${formatFuzzyDate(start)} – ${formatFuzzyDate(end)}`;
}

function sameSpan(a: DaySpan | null, b: DaySpan | null): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to;
}

/** One postponement: where the trip stood before, and where it went (null: no new date yet). */
export interface VisitMove {
  /** The span planned before the postponement. */
  span: DaySpan;
  /**
   * True when the plan had no date: the span is then the day of the postponement, the last day the
   * plan is known to have stood (the seed's Saudi visit: "scheduled", postponed on 20 July).
   */
  approximate: boolean;
  /** How the original dates read ("20 July 2020"), or "no date given". */
  label: string;
  postponedOn: string;
  reason: string;
  /** The dates it moved to, or null when the new date is unknown. */
  to: DaySpan | null;
  toLabel: string;
}

/**
 * Every postponement in the status history, with the span the trip had before it and the span it
 * moved to: the first later entry with different dates, or null when none (new date unknown).
 */
export function visitMoves(history: readonly StatusChange[]): VisitMove[] {
  const out: VisitMove[] = [];
  history.forEach((change, i) => {
    if (change.status !== 'postponed') return;
    const before = history[i - 1] ?? null;
    const planned = before ? datesSpan(before.start, before.end) : null;
    const span = planned ?? { from: change.on, to: change.on };
    const approximate = planned === null;
    let to: DaySpan | null = null;
    let toLabel = 'new date unknown';
    for (const later of history.slice(i)) {
      const s = datesSpan(later.start, later.end);
      if (s && !sameSpan(s, span)) {
        to = s;
        toLabel = datesLabel(later.start, later.end);
        break;
      }
    }
    out.push({
      span,
      approximate,
      label: approximate ? 'no date given' : datesLabel(before?.start ?? null, before?.end ?? null),
      postponedOn: change.on,
      reason: change.reason,
      to,
      toLabel,
    });
  });
  return out;
}

/** A visit as the timeline and calendar see it. */
export interface TimelineItem {
  id: string;
  /** Swimlane key: traveller id or host country code. */
  lane: string;
  status: VisitStatus;
  /** The current dates, or null when the visit has no date (drawn as a "date unknown" marker). */
  span: DaySpan | null;
  exact: boolean;
  /** The window's words ("within weeks") when there are any. */
  phrase: string | null;
  datesLabel: string;
  moves: VisitMove[];
  /**
   * Where the visit stands on the time axis: its dates; else the last postponed plan; else the day
   * its latest status was recorded. Used to query and to place undated visits.
   */
  anchor: DaySpan;
  /** Short text drawn beside the bar (the place, or the traveller in country lanes). */
  label: string;
  /** Full description for screen readers and tooltips. */
  description: string;
}

export type LaneBy = 'traveller' | 'country';

export interface ItemNames {
  traveller(id: string): string;
  country(code: string): string;
}

/** Builds the timeline item of a visit. `names` resolves traveller ids and country codes. */
export function toTimelineItem(v: Visit, by: LaneBy, names: ItemNames): TimelineItem {
  const span = datesSpan(v.start, v.end);
  const moves = visitMoves(v.statusHistory);
  const lastMove = moves[moves.length - 1];
  const lastChange = v.statusHistory[v.statusHistory.length - 1];
  // A postponed visit that kept its old dates has no known new date: its bar is the ghost only.
  const current = lastMove && v.status === 'postponed' && lastMove.to === null ? null : span;
  const anchorDay = lastChange?.on ?? v.createdAt.slice(0, 10);
  const anchor = current ?? lastMove?.span ?? span ?? { from: anchorDay, to: anchorDay };
  const place = v.place.city ? `${v.place.city}, ${names.country(v.place.country)}` : names.country(v.place.country);
  const traveller = names.traveller(v.travellerId);
  const who = by === 'traveller' ? (v.place.city ?? names.country(v.place.country)) : traveller;
  const label = moves.length > 0 ? `${who} · moved` : who;
  const dates = current ? datesLabel(v.start, v.end) : 'new date unknown';
  const phrase = (v.end?.phrase ?? v.start?.phrase) || null;
  const moved = moves
    .map((m) => {
      const why = m.reason ? ` (${m.reason})` : '';
      const was = m.approximate ? 'planned with no date given' : `planned for ${m.label}`;
      return `; postponed on ${dayLabel(m.postponedOn)}${why}: ${was}, moved to ${m.toLabel}`;
    })
    .join('');
  return {
    id: v.id,
    lane: by === 'traveller' ? v.travellerId : v.place.country,
    status: v.status,
    span: current,
    exact: isExact(v.start, v.end),
    phrase,
    datesLabel: dates,
    moves,
    anchor,
    label,
    description: `${traveller} → ${place}, ${dates}, ${v.status}${moved}`,
  };
}

export interface Lane<T> {
  key: string;
  items: T[];
}

export interface LaneGroups<T> {
  lanes: Lane<T>[];
  /** Lanes left out (beyond the cap) and how many items they hold. */
  hiddenLanes: number;
  hiddenItems: number;
}

/**
 * Groups items into swimlanes and keeps the `maxLanes` busiest ones (most items in the window),
 * ties broken by `label(key)` so the order is stable.
 */
export function groupLanes<T extends { lane: string }>(
  items: readonly T[],
  maxLanes: number,
  label: (key: string) => string,
): LaneGroups<T> {
  const byKey = new Map<string, T[]>();
  for (const it of items) {
    const list = byKey.get(it.lane);
    if (list) list.push(it);
    else byKey.set(it.lane, [it]);
  }
  const all = [...byKey.entries()].map(([key, list]) => ({ key, items: list, name: label(key) }));
  all.sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1));
  const lanes = all.slice(0, Math.max(0, maxLanes)).map(({ key, items: list }) => ({ key, items: list }));
  const hidden = all.slice(Math.max(0, maxLanes));
  return { lanes, hiddenLanes: hidden.length, hiddenItems: hidden.reduce((n, l) => n + l.items.length, 0) };
}

/** Horizontal extent of something to place in a row. */
export interface Extent {
  x0: number;
  x1: number;
}

/**
 * Greedy interval packing: each extent goes into the first row where it does not overlap (with
 * `gap` pixels between). Beyond `maxRows`, an extent goes into the row that ends first (overlap is
 * accepted rather than an endless lane). Returns the row of each extent (input order) and the row count.
 */
export function packRows(extents: readonly Extent[], maxRows: number, gap = 4): { rows: number[]; rowCount: number } {
  const order = extents.map((_, i) => i).sort((a, b) => (extents[a]?.x0 ?? 0) - (extents[b]?.x0 ?? 0) || a - b);
  const ends: number[] = [];
  const rows = new Array<number>(extents.length).fill(0);
  for (const i of order) {
    const e = extents[i];
    if (!e) continue;
    let row = ends.findIndex((end) => end + gap <= e.x0);
    if (row < 0 && ends.length < Math.max(1, maxRows)) {
      row = ends.length;
      ends.push(-Infinity);
    }
    if (row < 0) row = ends.reduce((best, end, r) => (end < (ends[best] ?? Infinity) ? r : best), 0);
    rows[i] = row;
    ends[row] = Math.max(ends[row] ?? -Infinity, e.x1);
  }
  return { rows, rowCount: Math.max(1, ends.length) };
}

/** Width of a label in pixels, estimated (no DOM measuring in shared code). */
export function labelWidth(text: string, pxPerChar = 6.6): number {
  return Math.ceil(text.length * pxPerChar) + 8;
}

/** A drawn bar, a postponement ghost, or a bin of visits too small to draw one by one. */
export interface PlacedMove {
  x: number;
  width: number;
  approximate: boolean;
  /** Where the arrow points: the new bar's left edge, or the "date unknown" marker. */
  arrowTo: number;
  unknown: boolean;
  label: string;
}

export interface PlacedItem<T> {
  kind: 'item';
  item: T;
  /** null when the current span is not drawn (undated: the marker is at `markerX`). */
  bar: { x: number; width: number; clippedStart: boolean; clippedEnd: boolean } | null;
  /** "Date unknown" marker position (undated visits and postponements with no new date). */
  markerX: number | null;
  ghosts: PlacedMove[];
  row: number;
  /** The text label is drawn after the bar when there is room. */
  showLabel: boolean;
  labelX: number;
}

export interface PlacedBin {
  kind: 'bin';
  x: number;
  width: number;
  count: number;
  from: string;
  to: string;
  ids: string[];
  statuses: Partial<Record<VisitStatus, number>>;
  row: number;
}

export type Placed<T> = PlacedItem<T> | PlacedBin;

export interface LaneLayout<T> {
  placed: Placed<T>[];
  rowCount: number;
}

export const MARKER_SIZE = 12;
const UNKNOWN_OFFSET = 28;

export interface LaneOptions {
  /** Bars whose true width is below this are aggregated into bins (when `aggregate` is on). */
  minBarPx?: number;
  binPx?: number;
  maxRows?: number;
  /** Aggregate only when the lane has more tiny bars than this (a few stay individual links). */
  aggregateOver?: number;
}

/**
 * Lays out one lane: geometry of each item (bar, ghosts of postponed plans, arrows, "date unknown"
 * markers), aggregation of bars narrower than `minBarPx` into `binPx`-wide bins when there are many,
 * then rows. Labels are kept when all fit in `maxRows` rows, dropped otherwise.
 */
export function layoutLane<T extends TimelineItem>(items: readonly T[], scale: Scale, options: LaneOptions = {}): LaneLayout<T> {
  const { minBarPx = 2, binPx = 6, maxRows = 4, aggregateOver = 12 } = options;
  const tiny = items.filter((it) => {
    if (!it.span || it.moves.length > 0) return false;
    return scale.pxPerDay * (daysIn(it.span) || 1) < minBarPx;
  });
  const binning = tiny.length > aggregateOver;
  const binned = new Set(binning ? tiny.map((t) => t.id) : []);
  const bins = new Map<number, PlacedBin>();
  const singles: PlacedItem<T>[] = [];
  for (const it of items) {
    if (binned.has(it.id) && it.span) {
      const g = spanGeometry(scale, it.span.from, it.span.to, 0);
      if (!g) continue;
      const b = Math.floor(g.x / binPx);
      let bin = bins.get(b);
      if (!bin) {
        bin = {
          kind: 'bin',
          x: b * binPx,
          width: binPx,
          count: 0,
          from: scale.dayAt(b * binPx),
          to: scale.dayAt((b + 1) * binPx - 0.001),
          ids: [],
          statuses: {},
          row: 0,
        };
        bins.set(b, bin);
      }
      bin.count++;
      bin.ids.push(it.id);
      bin.statuses[it.status] = (bin.statuses[it.status] ?? 0) + 1;
      continue;
    }
    const placed = placeItem(it, scale);
    if (placed) singles.push(placed);
  }
  const extentOf = (p: PlacedItem<T>, withLabel: boolean): Extent => {
    const xs: number[] = [];
    if (p.bar) xs.push(p.bar.x, p.bar.x + p.bar.width);
    if (p.markerX !== null) xs.push(p.markerX - MARKER_SIZE / 2, p.markerX + MARKER_SIZE / 2);
    for (const g of p.ghosts) xs.push(g.x, g.x + g.width, g.arrowTo);
    const x0 = Math.min(...xs);
    let x1 = Math.max(...xs);
    if (withLabel) x1 = Math.max(x1, p.labelX + labelWidth(p.item.label));
    return { x0, x1 };
  };
  let packed = packRows(
    singles.map((p) => extentOf(p, true)),
    Number.MAX_SAFE_INTEGER,
  );
  const showLabels = packed.rowCount <= maxRows;
  // Without labels the bars are packed tight, in at most two rows: a dense lane stays compact.
  if (!showLabels)
    packed = packRows(
      singles.map((p) => extentOf(p, false)),
      Math.min(2, maxRows),
      1,
    );
  singles.forEach((p, i) => {
    p.row = packed.rows[i] ?? 0;
    p.showLabel = showLabels && p.labelX + labelWidth(p.item.label) <= scale.width + 1;
  });
  // Bins take the first row; when both exist, the single bars go below them.
  const binList = [...bins.values()].sort((a, b) => a.x - b.x);
  const offset = binList.length > 0 ? 1 : 0;
  if (offset) for (const p of singles) p.row += 1;
  return { placed: [...binList, ...singles], rowCount: (singles.length > 0 ? packed.rowCount : 0) + offset || 1 };
}

function daysIn(span: DaySpan): number {
  // Both ends inclusive; string dates compare, so only differences are computed.
  const a = Date.UTC(Number(span.from.slice(0, 4)), Number(span.from.slice(5, 7)) - 1, Number(span.from.slice(8, 10)));
  const b = Date.UTC(Number(span.to.slice(0, 4)), Number(span.to.slice(5, 7)) - 1, Number(span.to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000) + 1;
}

/** Geometry of one item, or null when nothing of it is in the window. */
export function placeItem<T extends TimelineItem>(it: T, scale: Scale): PlacedItem<T> | null {
  const bar = it.span ? spanGeometry(scale, it.span.from, it.span.to, it.exact ? 3 : 4) : null;
  const ghosts: PlacedMove[] = [];
  let markerX: number | null = null;
  for (const m of it.moves) {
    const g = spanGeometry(scale, m.span.from, m.span.to, 4);
    const target = m.to ? spanGeometry(scale, m.to.from, m.to.to, 3) : null;
    if (!g && !target) continue;
    const gx = g ? g.x : m.span.to < scale.from ? -8 : scale.width + 8;
    const gw = g ? g.width : 0;
    let arrowTo: number;
    const unknown = m.to === null;
    if (unknown) {
      arrowTo = Math.min(scale.width - MARKER_SIZE / 2, gx + gw + UNKNOWN_OFFSET);
      if (!it.span) markerX = arrowTo;
    } else {
      arrowTo = target ? target.x : m.to!.from < scale.from ? 0 : scale.width;
    }
    if (g) ghosts.push({ x: g.x, width: g.width, approximate: m.approximate, arrowTo, unknown, label: m.label });
    else ghosts.push({ x: gx, width: 0, approximate: m.approximate, arrowTo, unknown, label: m.label });
  }
  if (!it.span && it.moves.length === 0) {
    // Undated, never postponed: a "date unknown" marker at the day its status was recorded.
    if (it.anchor.to < scale.from || it.anchor.from > scale.to) return null;
    markerX = Math.min(scale.width - MARKER_SIZE / 2, Math.max(MARKER_SIZE / 2, scale.x(it.anchor.from) + scale.pxPerDay / 2));
  }
  if (!bar && markerX === null && ghosts.length === 0) return null;
  const right = Math.max(
    bar ? bar.x + bar.width : -Infinity,
    markerX !== null ? markerX + MARKER_SIZE / 2 : -Infinity,
    ...ghosts.map((g) => Math.max(g.x + g.width, g.arrowTo)),
  );
  return { kind: 'item', item: it, bar, markerX, ghosts, row: 0, showLabel: false, labelX: right + 4 };
}
