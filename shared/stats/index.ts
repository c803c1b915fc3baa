/**
 * Dashboard aggregations. The repository (renderer/features/dashboard/dashboard-data.ts) answers these from index
 * counts without reading rows; the functions here compute the same answers from rows. They are the
 * definition (what each chart means) and the reference the repository is tested against, and they
 * serve small in-memory sets (reports, the command line).
 */
import { liveRecords, type Visit, type VisitStatus } from '../model';

export type StatusCounts = Record<VisitStatus, number>;

export interface YearCount {
  readonly year: number;
  readonly count: number;
}

export interface CountryCount {
  readonly country: string;
  readonly count: number;
}

export type StatsVisit = Pick<Visit, 'id' | 'status' | 'place' | 'startKey' | 'deletedAt' | 'statusHistory'> & { endKey?: string };

export function emptyStatusCounts(): StatusCounts {
  return { planned: 0, postponed: 0, underway: 0, completed: 0, cancelled: 0 };
}

/** How many live visits are in each status. */
export function statusCounts(visits: readonly StatsVisit[]): StatusCounts {
  const out = emptyStatusCounts();
  for (const v of liveRecords(visits)) out[v.status]++;
  return out;
}

/** The year a visit counts in: the year it starts (null when undated). */
export function visitYear(startKey: string): number | null {
  const m = /^(\d{4})-/.exec(startKey);
  return m ? Number(m[1]) : null;
}

/** First and last day of a year, the key range of the startKey index for that year. */
export function yearRange(year: number): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/**
 * Live visits per start year, every year from the first to the last (years without visits are
 * 0, so the bars keep their place on the axis). Undated visits are not in any year.
 */
export function visitsPerYear(visits: readonly StatsVisit[]): YearCount[] {
  const counts = new Map<number, number>();
  for (const v of liveRecords(visits)) {
    const y = visitYear(v.startKey);
    if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return fillYears(counts);
}

/** A dense year series from sparse counts. */
export function fillYears(counts: ReadonlyMap<number, number>): YearCount[] {
  if (counts.size === 0) return [];
  const years = [...counts.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const out: YearCount[] = [];
  for (let y = first; y <= last; y++) out.push({ year: y, count: counts.get(y) ?? 0 });
  return out;
}

/** The `n` host countries with the most live visits; ties by country code. */
export function topCountries(visits: readonly StatsVisit[], n = 10): CountryCount[] {
  const counts = new Map<string, number>();
  for (const v of liveRecords(visits)) counts.set(v.place.country, (counts.get(v.place.country) ?? 0) + 1);
  return rankCountries(counts, n);
}

export function rankCountries(counts: ReadonlyMap<string, number>, n: number): CountryCount[] {
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .map(([country, count]) => ({ country, count }))
    .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1))
    .slice(0, Math.max(0, n));
}

/** The last day a visit may cover (end.to, else start.to): what the endKey index holds. */
export function lastDay(v: Pick<Visit, 'start' | 'end'>): string {
  return v.end?.to ?? v.start?.to ?? '';
}

/**
 * Planned visits still ahead: their dates end on or after `today` (a "within weeks" window that
 * is still open counts), soonest start first; ties by id. Undated planned visits are not "next".
 */
export function nextPlanned<T extends StatsVisit & Pick<Visit, 'start' | 'end'>>(visits: readonly T[], today: string, n = 5): T[] {
  return liveRecords(visits)
    .filter((v) => v.status === 'planned' && v.startKey !== '' && lastDay(v) >= today)
    .sort((a, b) => (a.startKey < b.startKey ? -1 : a.startKey > b.startKey ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, n);
}

/** The day a visit became postponed (its last status change), or '' when it is not postponed. */
export function postponedOn(v: Pick<Visit, 'status' | 'statusHistory'>): string {
  if (v.status !== 'postponed') return '';
  return v.statusHistory[v.statusHistory.length - 1]?.on ?? '';
}

/** Postponed visits, most recently postponed first; ties by id. */
export function recentlyPostponed<T extends StatsVisit>(visits: readonly T[], n = 5): T[] {
  return liveRecords(visits)
    .filter((v) => v.status === 'postponed')
    .sort((a, b) => {
      const da = postponedOn(a);
      const dbb = postponedOn(b);
      return da > dbb ? -1 : da < dbb ? 1 : a.id < b.id ? -1 : 1;
    })
    .slice(0, n);
}
