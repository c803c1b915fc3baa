import {
  aggregateRoutes,
  buildLegs,
  type AggregatedRoute,
  type RoutePerson,
  type RouteVisit,
  type UnroutedReason,
} from '../../../shared/geo';
import { formatVisitDates, localToday, visitMatches, type Visit } from '../../../shared/model';
import { MAX_KEY, readTables, type RecordTables, type VisitFilter } from '../../db';

/** What the map's tooltip and route table say about a route's most recent visit. */
export interface RouteVisitInfo {
  id: string;
  travellerName: string;
  dates: string;
}

export interface MapRoutes {
  /** Drawn routes, busiest first, at most `limit`. */
  routes: AggregatedRoute[];
  /** The most recent visit of each drawn route, by visit id. */
  latest: Record<string, RouteVisitInfo>;
  /** Traveller names for drawn routes with one traveller (tooltips), by person id. */
  travellerNames: Record<string, string>;
  /** Visits that matched the filter. */
  visitCount: number;
  /** Legs drawn or aggregated (visits that could be placed on the map). */
  legCount: number;
  totalRoutes: number;
  hiddenRoutes: number;
  hiddenVisits: number;
  unrouted: Record<UnroutedReason, number>;
}

/**
 * The rows a filter can match, read through the most selective index (the Visits list's rule):
 * status + country + start date, traveller + start date, country + start date, status + start
 * date, or the endKey index for a date range alone; the remaining criteria are checked in memory.
 * Without any filter every row is read (one getAll): the map shows all visits.
 */
async function candidateRows(db: RecordTables, f: VisitFilter): Promise<Visit[]> {
  const upper = f.to ?? MAX_KEY;
  if (f.travellerId) {
    return db.visits.where('[travellerId+startKey]').between([f.travellerId, ''], [f.travellerId, upper], true, true).toArray();
  }
  if (f.status && f.country) {
    return db.visits
      .where('[status+place.country+startKey]')
      .between([f.status, f.country, ''], [f.status, f.country, upper], true, true)
      .toArray();
  }
  if (f.country) return db.visits.where('[place.country+startKey]').between([f.country, ''], [f.country, upper], true, true).toArray();
  if (f.status) return db.visits.where('[status+startKey]').between([f.status, ''], [f.status, upper], true, true).toArray();
  if (f.from) return db.visits.where('endKey').aboveOrEqual(f.from).toArray();
  if (f.to) return db.visits.where('startKey').between('', f.to, true, true).toArray();
  return db.visits.toArray();
}

/**
 * The map's routes for a filter: each matching visit becomes a leg (traveller's capital or the
 * previous tour leg → the visit's city or the host's capital), identical legs are aggregated and
 * the `limit` busiest routes are returned with what their tooltips need. One read transaction.
 */
export async function loadMapRoutes(filter: VisitFilter, limit = 300): Promise<MapRoutes> {
  const began = performance.now();
  const result = await readTables(['visits', 'people'], async (db) => {
    const rows = await candidateRows(db, filter);
    const visits: RouteVisit[] = [];
    const byId = new Map<string, Visit>();
    const today = localToday();
    for (const v of rows) {
      if (!visitMatches(v, filter, today)) continue;
      visits.push({ id: v.id, travellerId: v.travellerId, status: v.status, place: v.place, startKey: v.startKey, tourId: v.tourId });
      byId.set(v.id, v);
    }
    const travellerIds = [...new Set(visits.map((v) => v.travellerId))];
    const people = new Map<string, RoutePerson>();
    for (const p of await db.people.bulkGet(travellerIds)) {
      if (p) people.set(p.id, { id: p.id, name: p.name, country: p.country, roles: p.roles });
    }
    const built = buildLegs(visits, people);
    const agg = aggregateRoutes(built.legs, limit);
    const latest: Record<string, RouteVisitInfo> = {};
    const travellerNames: Record<string, string> = {};
    for (const r of agg.routes) {
      const v = byId.get(r.latestVisitId);
      if (v) {
        latest[v.id] = {
          id: v.id,
          travellerName: people.get(v.travellerId)?.name ?? 'Unknown traveller',
          dates: formatVisitDates(v.start, v.end),
        };
      }
      const only = r.travellerIds.length === 1 ? r.travellerIds[0] : undefined;
      if (only) travellerNames[only] = people.get(only)?.name ?? 'Unknown traveller';
    }
    return {
      routes: agg.routes,
      latest,
      travellerNames,
      visitCount: visits.length,
      legCount: built.legs.length,
      totalRoutes: agg.totalRoutes,
      hiddenRoutes: agg.hiddenRoutes,
      hiddenVisits: agg.hiddenVisits,
      unrouted: built.unrouted,
    };
  });
  // A User Timing entry for benchmarks and the performance panel ("legation:map-routes").
  performance.measure('legation:map-routes', { start: began });
  return result;
}
