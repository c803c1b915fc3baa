import { addDays, hasVisitFilter, localToday, visitMatches, type ContextEvent, type Person, type Visit } from '../../shared/model';
import { countryName } from '../../shared/places';
import { DEFAULT_ZOOM, ZOOM_SPANS, groupLanes, toTimelineItem, type LaneBy, type TimelineItem } from '../../shared/timeline';
import { db } from './instance';
import { visitIds } from './visits/query';
import type { VisitFilter } from './visits/repository';

/**
 * How far before a window a visit may start and still reach into it. Visits are read from the
 * `startKey` and `endKey` indexes (start inside the window, end inside the window); a visit that
 * covers the whole window starts before it, and is found by reading this far back. A year-precision
 * visit is 366 days; a longer window ("within two years") starting earlier than this is missed.
 */
const LONGEST_SPAN_DAYS = 800;

type StoredVisit = Visit & { endKey?: string };

/**
 * The live visits whose dates overlap [from, to] (inclusive days), read through the startKey and
 * endKey indexes only: never a full table scan. Undated visits are not included (see undatedVisits).
 * Reads in one read-only transaction so the result is consistent.
 */
export async function visitsOverlapping(from: string, to: string, filter: VisitFilter = {}): Promise<Visit[]> {
  return db.transaction('r', db.visits, async () => {
    const lookBack = addDays(from, -LONGEST_SPAN_DAYS);
    const [starting, ending, spanning] = await Promise.all([
      db.visits.where('startKey').between(from, to, true, true).toArray(),
      db.visits.where('endKey').between(from, to, true, true).toArray(),
      db.visits
        .where('startKey')
        .between(lookBack, from, true, false)
        .filter((v: StoredVisit) => (v.endKey ?? '') > to)
        .toArray(),
    ]);
    const seen = new Set<string>();
    const out: Visit[] = [];
    const today = localToday();
    for (const v of [...starting, ...ending, ...spanning]) {
      if (seen.has(v.id) || !visitMatches(v, filter, today)) continue;
      seen.add(v.id);
      out.push(v);
    }
    return out.sort((a, b) => (a.startKey < b.startKey ? -1 : a.startKey > b.startKey ? 1 : a.id < b.id ? -1 : 1));
  });
}

/** Live visits with no date at all (startKey ''), through the index. */
async function undatedVisits(filter: VisitFilter = {}): Promise<Visit[]> {
  const rows = await db.visits.where('startKey').equals('').toArray();
  const today = localToday();
  return rows.filter((v) => visitMatches(v, filter, today));
}

/** Context events whose (fuzzy) date overlaps [from, to]. */
export async function eventsOverlapping(from: string, to: string): Promise<ContextEvent[]> {
  const rows = await db.events.where('date.from').between(addDays(from, -LONGEST_SPAN_DAYS), to, true, true).toArray();
  return rows.filter((e) => !e.deletedAt && e.date.to >= from).sort((a, b) => (a.date.from < b.date.from ? -1 : 1));
}

/** Names of people by id (deleted people are still named: their visits may remain). */
export async function personNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const people = await db.people.bulkGet(unique);
  return new Map(people.filter((p): p is Person => !!p).map((p) => [p.id, p.name]));
}

/** The latest day any live visit may cover, up to `notAfter`: where the timeline opens when no date is asked for. */
export async function latestVisitDay(notAfter: string): Promise<string | null> {
  const recent = await db.visits.where('endKey').between('0', notAfter, true, true).reverse().limit(100).toArray();
  const live = (recent as StoredVisit[]).find((v) => !v.deletedAt);
  if (live?.endKey) return live.endKey;
  // Nothing up to notAfter: the earliest one after it (a planned visit), if any.
  const next = (await db.visits.where('endKey').above(notAfter).limit(100).toArray()) as StoredVisit[];
  return next.find((v) => !v.deletedAt)?.endKey || null;
}

/**
 * The first and last day the live visits matching `filter` cover (every visit when none is set),
 * or null when none of them is dated. Unfiltered, the ends of the two date indexes answer; filtered,
 * the matching ids (from the list's indexes, `visitIds`) are looked up along the same indexes, key
 * only, so no visit record is read.
 */
export async function visitDayRange(filter: VisitFilter = {}): Promise<{ first: string; last: string } | null> {
  if (!hasVisitFilter(filter)) {
    return db.transaction('r', db.visits, async () => {
      const first = (
        await db.visits
          .where('startKey')
          .above('')
          .filter((v) => !v.deletedAt)
          .first()
      )?.startKey;
      const lastVisit: StoredVisit | undefined = await db.visits
        .where('endKey')
        .above('')
        .reverse()
        .filter((v) => !v.deletedAt)
        .first();
      const last = lastVisit?.endKey;
      return first && last ? { first, last: last < first ? first : last } : null;
    });
  }
  const ids = new Set(await visitIds({ filter, sort: { field: 'start', dir: 'asc' } }));
  if (ids.size === 0) return null;
  return db.transaction('r', db.visits, async () => {
    const first = await firstKeyAmong('startKey', ids, false);
    const last = await firstKeyAmong('endKey', ids, true);
    return first && last ? { first, last: last < first ? first : last } : null;
  });
}

/** The lowest (or highest) non-empty key of `index` that belongs to one of `ids`. */
async function firstKeyAmong(index: 'startKey' | 'endKey', ids: ReadonlySet<string>, highest: boolean): Promise<string | undefined> {
  const range = () => (highest ? db.visits.where(index).above('').reverse() : db.visits.where(index).above(''));
  const [keys, primaryKeys] = await Promise.all([range().keys(), range().primaryKeys()]);
  const at = primaryKeys.findIndex((id) => ids.has(id));
  return at < 0 ? undefined : (keys[at] as string);
}

/** How many visits the opening window should hold, when the data has that many. */
const OPENING_VISITS = 12;

/**
 * Where the Timeline opens when the address names no day: on the most recent stretch with visits
 * (up to `notAfter`, else the first ones after it), its last visit near the right edge, at the
 * closest zoom (from the default outwards, at most `zoom` when one is asked for) whose window
 * holds a dozen visits, or every dated one when there are fewer. Counts come from the endKey index.
 */
export async function timelineOpening(notAfter: string, zoom?: number): Promise<{ at: string; zoom: number } | null> {
  const latest = await latestVisitDay(notAfter);
  if (!latest) return null;
  const placed = (z: number) => {
    const span = ZOOM_SPANS[z] ?? 183;
    // The latest visit a fifth of the window from the right edge: room for its label.
    return { at: addDays(latest, -Math.floor(span / 2) + Math.floor(span / 5)), zoom: z, from: addDays(latest, -Math.floor(span * 0.8)) };
  };
  if (zoom !== undefined) {
    const p = placed(zoom);
    return { at: p.at, zoom: p.zoom };
  }
  const dated = await db.visits.where('endKey').above('').count();
  const want = Math.min(OPENING_VISITS, dated);
  for (let z = DEFAULT_ZOOM; z >= 0; z--) {
    const p = placed(z);
    const n = await db.visits.where('endKey').between(p.from, latest, true, true).count();
    if (n >= want || z === 0) return { at: p.at, zoom: z };
  }
  return null;
}

export interface TimelineLane {
  key: string;
  name: string;
  items: TimelineItem[];
}

export interface TimelineData {
  from: string;
  to: string;
  by: LaneBy;
  lanes: TimelineLane[];
  hiddenLanes: number;
  hiddenItems: number;
  /** All visits in the window (before the lane cap). */
  total: number;
  events: ContextEvent[];
}

/**
 * Everything the Timeline draws for a window: visits overlapping it (plus undated and postponed
 * visits whose anchor falls in it) as items grouped into at most `maxLanes` lanes (busiest first),
 * and the context events. Read-only.
 */
export async function timelineData(from: string, to: string, by: LaneBy, filter: VisitFilter = {}, maxLanes = 30): Promise<TimelineData> {
  const [dated, undated, events] = await Promise.all([
    visitsOverlapping(from, to, filter),
    undatedVisits(filter),
    eventsOverlapping(from, to),
  ]);
  const names = await personNames([...dated, ...undated].map((v) => v.travellerId));
  const nameOf = (id: string) => names.get(id) ?? 'Unknown traveller';
  const itemNames = { traveller: nameOf, country: countryName };
  const items = [...dated, ...undated]
    .map((v) => toTimelineItem(v, by, itemNames))
    .filter((it) => (it.anchor.to >= from && it.anchor.from <= to) || (it.span !== null && it.span.to >= from && it.span.from <= to));
  const laneName = by === 'traveller' ? nameOf : countryName;
  const groups = groupLanes(items, maxLanes, laneName);
  return {
    from,
    to,
    by,
    lanes: groups.lanes.map((l) => ({ key: l.key, name: laneName(l.key), items: l.items })),
    hiddenLanes: groups.hiddenLanes,
    hiddenItems: groups.hiddenItems,
    total: items.length,
    events,
  };
}
