/**
 * Routes for the offline map: where each visit starts and ends, tour legs in date order, and
 * identical routes aggregated into one path with a count. Pure: records in, values out (the map
 * projects and draws them in the renderer).
 *
 * - Origin: the capital of the traveller's country on the visit's start day (the role that covers
 *   that day, else the current role, else the person's own country). Historical countries (Soviet
 *   Union, Yugoslavia…) have their capitals in historical-capitals.ts.
 * - Destination: the visit's city when it has coordinates, else the host country's capital.
 * - A tour (visits sharing a tourId) is drawn as legs in date order: origin → leg 1, then each
 *   leg's destination → the next leg's destination.
 */
import type { Person, Place, Role, Visit, VisitStatus } from '../model';
import { countryByCode, countryName } from '../places';
import { historicalCapital } from './historical-capitals';

/** A point a route starts or ends at. `key` identifies the place ("IQ:Baghdad"). */
export interface RouteEnd {
  readonly key: string;
  /** "Baghdad, Iraq". */
  readonly label: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
}

/** The fields of a visit the map needs (a projection of `Visit`, cheap to keep for many rows). */
export type RouteVisit = Pick<Visit, 'id' | 'travellerId' | 'status' | 'place' | 'startKey' | 'tourId'>;
/** The fields of a person the map needs. */
export type RoutePerson = Pick<Person, 'id' | 'name' | 'country' | 'roles'>;

/** One drawn leg: one visit, from where the traveller came to where the visit was. */
export interface RouteLeg {
  readonly visitId: string;
  readonly travellerId: string;
  readonly status: VisitStatus;
  readonly startKey: string;
  readonly tourId: string | null;
  /** 1-based position in its tour (date order); null outside a tour. */
  readonly tourLeg: number | null;
  readonly from: RouteEnd;
  readonly to: RouteEnd;
}

export type UnroutedReason = 'no-origin' | 'no-destination' | 'same-place';

export interface RouteBuild {
  readonly legs: RouteLeg[];
  /** Visits that cannot be drawn, by reason (traveller's country unknown, no coordinates, a tour leg in the same city). */
  readonly unrouted: Record<UnroutedReason, number>;
}

function partialStart(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
function partialEnd(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

function covers(role: Role, day: string): boolean {
  return (!role.from || partialStart(role.from) <= day) && (!role.to || partialEnd(role.to) >= day);
}

/**
 * The country a person travelled from on `day` (YYYY-MM-DD, or '' when unknown): the country of
 * the role covering that day (the latest-starting one when several do), else of an open-ended
 * role, else of the latest role with a country, else the person's own country. Null when nothing says.
 */
export function travellerCountry(person: Pick<Person, 'country' | 'roles'>, day: string): string | null {
  const withCountry = person.roles.filter((r): r is Role & { country: string } => !!r.country);
  const latestFirst = [...withCountry].sort((a, b) => (partialStart(b.from ?? '0000') < partialStart(a.from ?? '0000') ? -1 : 1));
  if (day !== '') {
    const covering = latestFirst.find((r) => covers(r, day));
    if (covering) return covering.country;
  }
  const open = latestFirst.find((r) => !r.to);
  return open?.country ?? latestFirst[0]?.country ?? person.country ?? null;
}

/** A country's capital as a route end (today's countries from the gazetteer, historical ones from our table). */
export function capitalEnd(code: string): RouteEnd | null {
  const c = countryByCode(code);
  const cap = c?.capital ?? historicalCapital(code);
  if (!cap) return null;
  return { key: `${code}:${cap.name}`, label: `${cap.name}, ${countryName(code)}`, country: code, lat: cap.lat, lon: cap.lon };
}

/** Where a visit took place: its city when the city has coordinates, else the host country's capital. */
export function destinationEnd(place: Place): RouteEnd | null {
  if (place.city && place.lat !== null && place.lon !== null) {
    return {
      key: `${place.country}:${place.city}`,
      label: `${place.city}, ${countryName(place.country)}`,
      country: place.country,
      lat: place.lat,
      lon: place.lon,
    };
  }
  return capitalEnd(place.country);
}

function byDate(a: RouteVisit, b: RouteVisit): number {
  // Undated legs go last; ties by id so the order is stable.
  const ka = a.startKey === '' ? '\uffff' : a.startKey;
  const kb = b.startKey === '' ? '\uffff' : b.startKey;
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The legs to draw for `visits`. `people` are looked up by the visits' travellerId. A tour's legs
 * chain in date order; only the tour's visits that are in `visits` (e.g. after a filter) take part.
 */
export function buildLegs(visits: readonly RouteVisit[], people: ReadonlyMap<string, RoutePerson>): RouteBuild {
  const unrouted: Record<UnroutedReason, number> = { 'no-origin': 0, 'no-destination': 0, 'same-place': 0 };
  const legs: RouteLeg[] = [];
  const tours = new Map<string, RouteVisit[]>();
  const singles: RouteVisit[] = [];
  for (const v of visits) {
    if (v.tourId) {
      const list = tours.get(v.tourId) ?? [];
      list.push(v);
      tours.set(v.tourId, list);
    } else singles.push(v);
  }
  const originOf = (v: RouteVisit): RouteEnd | null => {
    const person = people.get(v.travellerId);
    const code = person ? travellerCountry(person, v.startKey) : null;
    return code ? capitalEnd(code) : null;
  };
  const push = (v: RouteVisit, from: RouteEnd, to: RouteEnd, tourLeg: number | null) => {
    legs.push({ visitId: v.id, travellerId: v.travellerId, status: v.status, startKey: v.startKey, tourId: v.tourId, tourLeg, from, to });
  };
  for (const v of singles) {
    const to = destinationEnd(v.place);
    const from = originOf(v);
    if (!to) unrouted['no-destination']++;
    else if (!from) unrouted['no-origin']++;
    else if (from.key === to.key) unrouted['same-place']++;
    else push(v, from, to, null);
  }
  for (const list of tours.values()) {
    list.sort(byDate);
    let previous: RouteEnd | null = null;
    let n = 0;
    for (const v of list) {
      n++;
      const to = destinationEnd(v.place);
      if (!to) {
        unrouted['no-destination']++;
        continue;
      }
      const from = previous ?? originOf(v);
      previous = to;
      if (!from) unrouted['no-origin']++;
      else if (from.key === to.key) unrouted['same-place']++;
      else push(v, from, to, n);
    }
  }
  return { legs, unrouted };
}

/** Identical legs (same start, end and status) drawn once. */
export interface AggregatedRoute {
  /** `from>to|status`: stable across renders, usable as a React key and a test id. */
  readonly key: string;
  readonly from: RouteEnd;
  readonly to: RouteEnd;
  readonly status: VisitStatus;
  readonly count: number;
  /** The most recent visit on this route (latest start; undated last). */
  readonly latestVisitId: string;
  readonly latestStartKey: string;
  /** Every traveller on this route (one → the list can be filtered by them). */
  readonly travellerIds: readonly string[];
}

export interface AggregateResult {
  /** The drawn routes, most visits first (ties: most recent first), at most `limit`. */
  readonly routes: AggregatedRoute[];
  /** Routes and visits left out by the limit. */
  readonly hiddenRoutes: number;
  readonly hiddenVisits: number;
  readonly totalRoutes: number;
}

interface Bucket {
  from: RouteEnd;
  to: RouteEnd;
  status: VisitStatus;
  count: number;
  latestVisitId: string;
  latestStartKey: string;
  travellers: Set<string>;
}

/** Aggregates legs into routes and keeps the `limit` busiest. */
export function aggregateRoutes(legs: readonly RouteLeg[], limit = 300): AggregateResult {
  const buckets = new Map<string, Bucket>();
  for (const l of legs) {
    const key = `${l.from.key}>${l.to.key}|${l.status}`;
    const b = buckets.get(key);
    if (!b) {
      buckets.set(key, {
        from: l.from,
        to: l.to,
        status: l.status,
        count: 1,
        latestVisitId: l.visitId,
        latestStartKey: l.startKey,
        travellers: new Set([l.travellerId]),
      });
      continue;
    }
    b.count++;
    b.travellers.add(l.travellerId);
    if (newer(l.startKey, l.visitId, b.latestStartKey, b.latestVisitId)) {
      b.latestStartKey = l.startKey;
      b.latestVisitId = l.visitId;
    }
  }
  const all = [...buckets.entries()].map(([key, b]): AggregatedRoute => ({
    key,
    from: b.from,
    to: b.to,
    status: b.status,
    count: b.count,
    latestVisitId: b.latestVisitId,
    latestStartKey: b.latestStartKey,
    travellerIds: [...b.travellers].sort(),
  }));
  all.sort(
    (a, b) =>
      b.count - a.count || (newer(a.latestStartKey, a.latestVisitId, b.latestStartKey, b.latestVisitId) ? -1 : 1) || cmp(a.key, b.key),
  );
  const routes = all.slice(0, Math.max(0, limit));
  const hidden = all.slice(routes.length);
  return {
    routes,
    hiddenRoutes: hidden.length,
    hiddenVisits: hidden.reduce((n, r) => n + r.count, 0),
    totalRoutes: all.length,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Is (startA, idA) more recent than (startB, idB)? Undated is oldest; ties by id for a stable answer. */
function newer(startA: string, idA: string, startB: string, idB: string): boolean {
  if (startA !== startB) return startA > startB;
  return idA > idB;
}
