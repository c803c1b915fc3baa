import { Dexie } from 'dexie';
import {
  VISIT_STATUSES,
  hasVisitFilter,
  isOverdue,
  localToday,
  visitFilterKey,
  type Person,
  type Visit,
  type VisitFilter,
} from '../../../shared/model';
import { countryName } from '../../../shared/places';
import { db } from '../instance';
import { RevisionCache } from '../revisions';

/**
 * The visits query engine: filters and sorts over the v2 indexes without loading all rows.
 *
 * - `visitIds(q)` computes the ordered primary keys of every match with key-only reads
 *   (IDBIndex.getAllKeys through Dexie's `primaryKeys()`), intersecting key sets for criteria the
 *   driving index cannot answer. Counting is `ids.length`: no row is materialised to count.
 * - `visitPage(ids, offset, limit)` reads one page by primary key (bulkGet), so page 500 costs
 *   what page 1 costs.
 * - `firstVisitPage(q)` reads the first page straight from the most selective index with a limit
 *   (one getAll), for the first paint while the id list is computed; when it cannot prove it has
 *   the true first page it falls back to the id list.
 *
 * Order (the one the list shows; unit-tested against a naive in-memory sort):
 * - start: (startKey, id) ascending, or exactly reversed for desc. Visits without a start date have
 *   startKey '' (first when ascending, last when descending).
 * - updated: (updatedAt, id), reversed for desc.
 * - country: countries by English name (asc/desc), inside a country newest start first ((startKey, id) desc).
 * - status: in the order a trip lives through them (planned … cancelled; desc reverses), inside a
 *   status newest start first.
 *
 * Invariant relied on (enforced by visitSchema): endKey >= startKey when a visit has a start date,
 * so a visit starting on or after `from` always overlaps [from, …].
 */
export type VisitSortField = 'start' | 'updated' | 'country' | 'status';
export interface VisitSort {
  field: VisitSortField;
  dir: 'asc' | 'desc';
}

export interface VisitQuery {
  filter: VisitFilter;
  sort: VisitSort;
}

/** A stable key for a query (same filter and sort → same key), for caches and React deps. */
export function visitQueryKey(q: VisitQuery): string {
  // "Overdue" depends on the day: a list kept past midnight is a different query.
  return [visitFilterKey(q.filter), q.filter.overdue ? localToday() : '', q.sort.field, q.sort.dir].join('|');
}

interface Driver {
  index: string;
  prefix: string[];
}

/** The most selective index for the equality criteria; startKey is always its last component. */
function driverFor(f: Pick<VisitFilter, 'status' | 'country' | 'travellerId'>): Driver {
  if (f.travellerId) return { index: '[travellerId+startKey]', prefix: [f.travellerId] };
  if (f.status && f.country) return { index: '[status+place.country+startKey]', prefix: [f.status, f.country] };
  if (f.country) return { index: '[place.country+startKey]', prefix: [f.country] };
  if (f.status) return { index: '[status+startKey]', prefix: [f.status] };
  return { index: 'startKey', prefix: [] };
}

/** A secondary driver for the criteria the traveller index does not cover (status, country), or null. */
function secondaryDriver(f: VisitFilter): Driver | null {
  if (!f.travellerId || (!f.status && !f.country)) return null;
  return driverFor({ status: f.status, country: f.country });
}

type Bound = string | typeof Dexie.maxKey;

/** The collection of a driver's rows whose startKey lies between lo and hi. */
function range(d: Driver, lo: string, includeLo: boolean, hi: Bound, includeHi: boolean) {
  const key = (s: Bound) => (d.prefix.length ? [...d.prefix, s] : s);
  return db.visits.where(d.index).between(key(lo), key(hi), includeLo, includeHi);
}

/** The startKey range a filter allows: undated visits ('' startKey) drop out once a date bound is set. */
function startBounds(f: VisitFilter): { lo: string; includeLo: boolean; hi: Bound } {
  const dated = !!(f.from || f.to);
  return { lo: '', includeLo: !dated, hi: f.to ?? Dexie.maxKey };
}

/** Primary keys of soft-deleted visits (the deletedAt index only holds those: null is not a key). */
async function deletedIds(): Promise<Set<string>> {
  return new Set(await db.visits.orderBy('deletedAt').primaryKeys());
}

/**
 * Ids whose startKey is before `from` but whose endKey reaches it (straddlers), among `candidates`.
 * Reads whichever endKey key set is smaller: the ones ending on/after `from` (keep) or before it (drop).
 */
async function straddlers(candidates: string[], from: string): Promise<string[]> {
  if (candidates.length === 0) return [];
  const [reach, total] = await Promise.all([db.visits.where('endKey').aboveOrEqual(from).count(), db.visits.count()]);
  if (reach === 0) return [];
  if (reach <= total - reach) {
    const keep = new Set(await db.visits.where('endKey').aboveOrEqual(from).primaryKeys());
    return candidates.filter((id) => keep.has(id));
  }
  const drop = new Set(await db.visits.where('endKey').below(from).primaryKeys());
  return candidates.filter((id) => !drop.has(id));
}

/** Ids of one driver matching the date criteria, in (startKey, id) ascending order. */
async function idsByDate(d: Driver, f: VisitFilter): Promise<string[]> {
  const { lo, includeLo, hi } = startBounds(f);
  if (!f.from) return range(d, lo, includeLo, hi, true).primaryKeys();
  // An inverted range (to < from) keeps overlaps()'s meaning: visits covering both days.
  const inverted = !!f.to && f.to < f.from;
  const [before, onOrAfter] = await Promise.all([
    (inverted ? range(d, lo, includeLo, hi, true) : range(d, lo, includeLo, f.from, false)).primaryKeys(),
    inverted ? Promise.resolve([]) : range(d, f.from, true, hi, true).primaryKeys(),
  ]);
  const reaching = await straddlers(before, f.from);
  return reaching.length ? reaching.concat(onOrAfter) : onOrAfter;
}

/** The statuses a plan can be overdue in (see `isOverdue`). */
const DUE_STATUSES = ['planned', 'postponed'] as const;

/**
 * Ids of the plans that have come due (`isOverdue` as of `today`), from two key reads: planned and
 * postponed visits with a start date, and visits whose last possible day (endKey) is before today.
 */
async function overdueIds(f: VisitFilter, today: string): Promise<Set<string>> {
  const statuses = DUE_STATUSES.filter((s) => !f.status || f.status === s);
  if (statuses.length === 0) return new Set();
  const [plans, ended] = await Promise.all([
    Promise.all(statuses.map((s) => db.visits.where('[status+startKey]').between([s, ''], [s, Dexie.maxKey], false, true).primaryKeys())),
    db.visits.where('endKey').between('', today, false, false).primaryKeys(),
  ]);
  const due = new Set(plans.flat());
  return new Set(ended.filter((id) => due.has(id)));
}

/** The ids of all matches in (startKey, id) ascending order, deleted rows removed. */
async function matchingIdsByStart(f: VisitFilter): Promise<string[]> {
  const second = secondaryDriver(f);
  const [ids, also, deleted, due] = await Promise.all([
    idsByDate(driverFor(f), f),
    second ? range(second, startBounds(f).lo, startBounds(f).includeLo, startBounds(f).hi, true).primaryKeys() : Promise.resolve(null),
    deletedIds(),
    f.overdue ? overdueIds(f, localToday()) : Promise.resolve(null),
  ]);
  const alsoSet = also ? new Set(also) : null;
  if (!alsoSet && !due && deleted.size === 0) return ids;
  return ids.filter((id) => !deleted.has(id) && (!alsoSet || alsoSet.has(id)) && (!due || due.has(id)));
}

/**
 * The id lists of the last few queries, kept until the visits table changes in any window (Dexie
 * reports every write, local or from another window or worker, as "storagemutated"). Returning to
 * a large list then costs one count instead of reading every key again, and
 * the reads of a list left behind no longer queue in front of the next screen's.
 */
const idCache = new RevisionCache<readonly string[]>(['visits'], 4);

/**
 * The ids of a query as the cache holds them, without touching the database (undefined when they
 * are not cached, or the visits have changed since). On a large table even the count that keeps
 * `visitIds`' cached answer live is slow, and the list's native count slower: a list that comes
 * back to a query it has just shown needs neither (it stays live through `useRevision(['visits'])`).
 */
export function peekVisitIds(q: VisitQuery): readonly string[] | undefined {
  return idCache.peek(visitQueryKey(q));
}

/**
 * The ordered ids of every visit matching `q` (live rows only), with key-only reads, or from the
 * cache when the table has not changed since. Not transactional: each read is its own; inside a
 * live query (useQuery) it re-runs on any change.
 */
export async function visitIds(q: VisitQuery): Promise<string[]> {
  const key = visitQueryKey(q);
  const cached = idCache.peek(key);
  if (cached) {
    // A read of the whole table, so that a live query answered from the cache still re-runs on any change.
    await db.visits.count();
    if (idCache.peek(key) === cached) return [...cached];
  }
  return [...(await idCache.read(key, () => computeVisitIds(q)))];
}

async function computeVisitIds(q: VisitQuery): Promise<string[]> {
  const { filter: f, sort } = q;
  const byStart = await matchingIdsByStart(f);
  switch (sort.field) {
    case 'start':
      return sort.dir === 'asc' ? byStart : byStart.reverse();
    case 'updated': {
      const all = await db.visits.orderBy('updatedAt').primaryKeys();
      const keep = new Set(byStart);
      const out = hasVisitFilter(f) || keep.size !== all.length ? all.filter((id) => keep.has(id)) : all;
      return sort.dir === 'asc' ? out : out.reverse();
    }
    case 'country': {
      const keep = new Set(byStart);
      const codes = f.country
        ? [f.country]
        : (await db.visits.orderBy('place.country').uniqueKeys()).filter((k): k is string => typeof k === 'string');
      const named = codes.map((code) => ({ code, name: countryName(code) }));
      named.sort((a, b) => a.name.localeCompare(b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      if (sort.dir === 'desc') named.reverse();
      const { lo, includeLo, hi } = startBounds(f);
      const groups = await Promise.all(
        named.map(({ code }) => range(driverFor({ status: f.status, country: code }), lo, includeLo, hi, true).primaryKeys()),
      );
      return groups.flatMap((g) => g.filter((id) => keep.has(id)).reverse());
    }
    case 'status': {
      const keep = new Set(byStart);
      const statuses = f.status ? [f.status] : [...VISIT_STATUSES];
      if (sort.dir === 'desc') statuses.reverse();
      const { lo, includeLo, hi } = startBounds(f);
      const groups = await Promise.all(statuses.map((s) => range(driverFor({ status: s }), lo, includeLo, hi, true).primaryKeys()));
      return groups.flatMap((g) => g.filter((id) => keep.has(id)).reverse());
    }
  }
}

/**
 * The count when one index range answers it (no `from`, no traveller combined with status or
 * country, no deleted visits), with IndexedDB's native count; else null. Much cheaper than reading
 * the keys, so the list can show its size before the id list is ready.
 */
export async function quickVisitCount(f: VisitFilter): Promise<number | null> {
  if (f.from || f.overdue || secondaryDriver(f)) return null;
  if ((await db.visits.orderBy('deletedAt').count()) > 0) return null;
  // No filter: the table's own count. Every visit has a startKey, so it is the same number, and
  // IndexedDB counts a table several times faster than one of its indexes (bench/RESULTS.md): a
  // count walks every entry either way.
  if (!hasVisitFilter(f)) return db.visits.count();
  const { lo, includeLo, hi } = startBounds(f);
  return range(driverFor(f), lo, includeLo, hi, true).count();
}

/** How many visits match: a native count when one index range answers it, else the id list's length. */
export async function countVisits(q: VisitQuery): Promise<number> {
  return (await quickVisitCount(q.filter)) ?? (await visitIds(q)).length;
}

/**
 * One page of visits from an id list (bulkGet by primary key: the cost does not grow with the
 * offset). A row deleted since the ids were computed is left out.
 */
export async function visitPage(ids: readonly string[], offset: number, limit = 100): Promise<Visit[]> {
  const slice = ids.slice(Math.max(0, offset), Math.max(0, offset) + limit);
  if (slice.length === 0) return [];
  const rows = await db.visits.bulkGet(slice);
  return rows.filter((v): v is Visit => !!v && !v.deletedAt);
}

/** The rows for a list of ids in that order (missing and deleted rows left out). */
async function visitsByIds(ids: readonly string[]): Promise<Visit[]> {
  if (ids.length === 0) return [];
  const rows = await db.visits.bulkGet([...ids]);
  return rows.filter((v): v is Visit => !!v && !v.deletedAt);
}

function passesRest(v: Visit, f: VisitFilter, today: string): boolean {
  if (v.deletedAt) return false;
  if (f.status && v.status !== f.status) return false;
  if (f.country && v.place.country !== f.country) return false;
  if (f.travellerId && v.travellerId !== f.travellerId) return false;
  if (f.overdue && !isOverdue(v, today)) return false;
  return true;
}

/**
 * The first `limit` matches, for the first paint. Fast path (sort by start date): one index read
 * with a limit over the rows whose start lies inside [from, to] (all of which overlap the range),
 * checking the remaining criteria in memory. It is the true first page when the read filled the
 * page (descending), or when no visit can come before it (no `from`, ascending). Otherwise (other
 * sorts, few matches, or visits starting before `from` that may reach into the range) it falls
 * back to the id list.
 */
export async function firstVisitPage(q: VisitQuery, limit = 100): Promise<Visit[]> {
  const { filter: f, sort } = q;
  if (sort.field === 'start' && !(f.from && f.to && f.to < f.from)) {
    const d = driverFor(f);
    const { lo, includeLo, hi } = startBounds(f);
    // Descending: rows starting on/after `from` come first. Ascending: only safe without `from`.
    const canFast = sort.dir === 'desc' || !f.from;
    if (canFast) {
      const fetch = limit + 16;
      const coll = f.from ? range(d, f.from, true, hi, true) : range(d, lo, includeLo, hi, true);
      const rows = await (sort.dir === 'desc' ? coll.reverse() : coll).limit(fetch).toArray();
      const today = localToday();
      const page = rows.filter((v) => passesRest(v, f, today));
      const exhausted = rows.length < fetch;
      if (page.length >= limit) return page.slice(0, limit);
      // The whole range was read and nothing else can match: without `from` this is the full answer.
      if (exhausted && !f.from) return page;
    }
  }
  return visitPage(await visitIds(q), 0, limit);
}

/** The visits matching a filter, in the list's order: ids with key-only reads, then one bulkGet. */
export async function queryVisits(q: VisitQuery): Promise<Visit[]> {
  return visitsByIds(await visitIds(q));
}

/** A list row: the visit (undefined if it vanished since the ids were read) and its traveller. */
export interface VisitListRow {
  id: string;
  visit: Visit | undefined;
  traveller: Person | undefined;
}

async function withTravellers(ids: readonly string[], visits: readonly (Visit | undefined)[]): Promise<VisitListRow[]> {
  const personIds = [...new Set(visits.flatMap((v) => (v ? [v.travellerId] : [])))];
  const people = await db.people.bulkGet(personIds);
  const byId = new Map(people.flatMap((p) => (p && !p.deletedAt ? [[p.id, p] as const] : [])));
  return ids.map((id, i) => {
    const v = visits[i];
    const visit = v && !v.deletedAt ? v : undefined;
    return { id, visit, traveller: visit ? byId.get(visit.travellerId) : undefined };
  });
}

/**
 * Rows `offset … offset + limit` of an id list, aligned with it (a row whose visit has gone is kept
 * with `visit: undefined`), each with its traveller: one bulkGet of visits, one of people.
 */
export async function visitRowsAt(ids: readonly string[], offset: number, limit = 100): Promise<VisitListRow[]> {
  const slice = ids.slice(Math.max(0, offset), Math.max(0, offset) + limit);
  if (slice.length === 0) return [];
  return withTravellers(slice, await db.visits.bulkGet(slice));
}

/** The first page of a query as list rows (see `firstVisitPage`). */
export async function firstVisitRows(q: VisitQuery, limit = 100): Promise<VisitListRow[]> {
  const visits = await firstVisitPage(q, limit);
  return withTravellers(
    visits.map((v) => v.id),
    visits,
  );
}
