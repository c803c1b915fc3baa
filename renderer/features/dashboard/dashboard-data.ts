import { formatVisitDates, isOverdue, lastPossibleDay, VISIT_STATUSES, type Visit } from '../../../shared/model';
import {
  emptyStatusCounts,
  fillYears,
  lastDay,
  postponedOn,
  rankCountries,
  visitYear,
  yearRange,
  type CountryCount,
  type StatusCounts,
  type YearCount,
} from '../../../shared/stats';
import { MAX_KEY, readTables } from '../../db';

/** A visit as the dashboard's lists show it. */
export interface DashboardVisit {
  id: string;
  travellerName: string;
  country: string;
  city: string | null;
  dates: string;
  /** For postponed visits: the day it was postponed. */
  postponedOn: string;
  /** The last day its dates allowed ('' when undated): for an overdue plan, when it came due. */
  dueOn: string;
  status: Visit['status'];
}

export interface DashboardData {
  /** Live visits (not deleted). */
  total: number;
  /** Live visits without a start date (in no year). */
  undated: number;
  byStatus: StatusCounts;
  perYear: YearCount[];
  topCountries: CountryCount[];
  nextPlanned: DashboardVisit[];
  recentlyPostponed: DashboardVisit[];
  /** Plans that have come due (`isOverdue` as of today), the most recently due first; at most a few. */
  overdue: DashboardVisit[];
  /** How many plans have come due in all. */
  overdueCount: number;
}

const LIST_LENGTH = 5;

/**
 * Everything the dashboard shows, in one read transaction (a consistent snapshot).
 *
 * Counts come from IndexedDB index counts, never from reading rows: `count()` per status on the
 * `status` index, per year on a `startKey` range, per host country on the `place.country` index
 * (the countries present from `uniqueKeys()`), each minus the soft-deleted rows in it (the
 * `deletedAt` index holds only deleted rows, a small set read whole). Nothing is cached: a live
 * query re-runs these counts after every write, which costs a few hundred count requests.
 * The two lists read rows: next planned visits through the `[status+startKey]` index from today
 * (plus planned windows still open, from the `endKey` index), recently postponed visits from the
 * `status` index (every postponed visit: the postponement day is in the status history, no index).
 * Plans that have come due: planned and postponed visits that start before today, through the
 * `[status+startKey]` index, kept when `isOverdue` (their last possible day is before today).
 */
export async function loadDashboard(today: string, topN = 10): Promise<DashboardData> {
  const began = performance.now();
  const result = await readTables(['visits', 'people'], async (db) => {
    const deleted = await db.visits.where('deletedAt').above('').toArray();
    const deletedBy = {
      status: emptyStatusCounts(),
      year: new Map<number, number>(),
      country: new Map<string, number>(),
      undated: 0,
    };
    for (const v of deleted) {
      deletedBy.status[v.status]++;
      const y = visitYear(v.startKey);
      if (y === null) deletedBy.undated++;
      else deletedBy.year.set(y, (deletedBy.year.get(y) ?? 0) + 1);
      deletedBy.country.set(v.place.country, (deletedBy.country.get(v.place.country) ?? 0) + 1);
    }

    const statusCounts = await Promise.all(VISIT_STATUSES.map((s) => db.visits.where('status').equals(s).count()));
    const byStatus = emptyStatusCounts();
    VISIT_STATUSES.forEach((s, i) => (byStatus[s] = (statusCounts[i] ?? 0) - deletedBy.status[s]));
    const total = VISIT_STATUSES.reduce((n, s) => n + byStatus[s], 0);
    const undated = (await db.visits.where('startKey').equals('').count()) - deletedBy.undated;

    // Years: from the first to the last start date, one index count each.
    const firstKey = (await db.visits.where('startKey').above('').limit(1).keys())[0];
    const lastKey = (await db.visits.orderBy('startKey').reverse().limit(1).keys())[0];
    const first = typeof firstKey === 'string' ? visitYear(firstKey) : null;
    const last = typeof lastKey === 'string' ? visitYear(lastKey) : null;
    const yearCounts = new Map<number, number>();
    if (first !== null && last !== null) {
      const years: number[] = [];
      for (let y = first; y <= last; y++) years.push(y);
      const counts = await Promise.all(
        years.map((y) => {
          const r = yearRange(y);
          return db.visits.where('startKey').between(r.from, r.to, true, true).count();
        }),
      );
      years.forEach((y, i) => {
        const n = (counts[i] ?? 0) - (deletedBy.year.get(y) ?? 0);
        if (n > 0) yearCounts.set(y, n);
      });
    }
    const perYear = fillYears(yearCounts);

    // Host countries: the distinct index keys, then one count each.
    const countries = (await db.visits.orderBy('place.country').uniqueKeys()).filter((k): k is string => typeof k === 'string');
    const countryCounts = await Promise.all(countries.map((c) => db.visits.where('place.country').equals(c).count()));
    const byCountry = new Map<string, number>();
    countries.forEach((c, i) => byCountry.set(c, (countryCounts[i] ?? 0) - (deletedBy.country.get(c) ?? 0)));
    const topCountries = rankCountries(byCountry, topN);

    // Next planned: starting today or later (index order), or a window that started earlier and is still open.
    const ahead = await db.visits
      .where('[status+startKey]')
      .between(['planned', today], ['planned', MAX_KEY], true, true)
      .filter((v) => !v.deletedAt)
      .limit(LIST_LENGTH)
      .toArray();
    const open = await db.visits
      .where('endKey')
      .aboveOrEqual(today)
      .filter((v) => v.status === 'planned' && !v.deletedAt && v.startKey !== '' && v.startKey < today && lastDay(v) >= today)
      .toArray();
    const planned = [...open, ...ahead]
      .sort((a, b) => (a.startKey < b.startKey ? -1 : a.startKey > b.startKey ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, LIST_LENGTH);

    const postponed = (await db.visits.where('status').equals('postponed').toArray())
      .filter((v) => !v.deletedAt)
      .sort((a, b) => {
        const da = postponedOn(a);
        const dbb = postponedOn(b);
        return da > dbb ? -1 : da < dbb ? 1 : a.id < b.id ? -1 : 1;
      })
      .slice(0, LIST_LENGTH);

    const started = await Promise.all(
      (['planned', 'postponed'] as const).map((s) =>
        db.visits.where('[status+startKey]').between([s, ''], [s, today], false, false).toArray(),
      ),
    );
    const due = started
      .flat()
      .filter((v) => !v.deletedAt && isOverdue(v, today))
      .sort((a, b) => {
        const da = lastPossibleDay(a) ?? '';
        const dbb = lastPossibleDay(b) ?? '';
        return da > dbb ? -1 : da < dbb ? 1 : a.id < b.id ? -1 : 1;
      });
    const overdue = due.slice(0, LIST_LENGTH);

    const names = new Map<string, string>();
    const people = await db.people.bulkGet([...new Set([...planned, ...postponed, ...overdue].map((v) => v.travellerId))]);
    for (const p of people) if (p) names.set(p.id, p.name);
    const view = (v: Visit): DashboardVisit => ({
      id: v.id,
      travellerName: names.get(v.travellerId) ?? 'Unknown traveller',
      country: v.place.country,
      city: v.place.city,
      dates: formatVisitDates(v.start, v.end),
      postponedOn: postponedOn(v),
      dueOn: lastPossibleDay(v) ?? '',
      status: v.status,
    });

    return {
      total,
      undated,
      byStatus,
      perYear,
      topCountries,
      nextPlanned: planned.map(view),
      recentlyPostponed: postponed.map(view),
      overdue: overdue.map(view),
      overdueCount: due.length,
    };
  });
  // A User Timing entry for benchmarks and the performance panel ("legation:dashboard").
  performance.measure('legation:dashboard', { start: began });
  return result;
}
