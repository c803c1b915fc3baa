import {
  hasVisitFilter,
  visitFilterFromParams,
  visitFilterToParams,
  type Person,
  type Visit,
  type VisitFilter,
  type VisitStatus,
} from '../../../shared/model';
import { foldForMatch } from '../../../shared/text/fold';
import type { VisitSort, VisitSortField } from '../../db';

/**
 * The Visits list keeps its filters, sort and find text in the URL (`?status=postponed&sort=start-asc`)
 * so that back/forward, reload and a copied link all show the same list. These functions convert
 * between URL parameters and the repository's filter/sort; they are pure so they can be unit-tested.
 * Anything malformed in the URL (a hand-edited link, an old bookmark) is ignored, never an error.
 */
export interface ListParams {
  filter: VisitFilter;
  sort: VisitSort;
  /** Find text, answered by the search index (traveller and hosts, country, city, purpose, tags). */
  q: string;
}

export const SORT_OPTIONS = [
  { value: 'start-desc', label: 'Start date, newest first' },
  { value: 'start-asc', label: 'Start date, oldest first' },
  { value: 'updated-desc', label: 'Last updated' },
  { value: 'country-asc', label: 'Host country' },
  { value: 'status-asc', label: 'Status' },
] as const;

export const DEFAULT_SORT: VisitSort = { field: 'start', dir: 'desc' };

const SORT_FIELDS: readonly VisitSortField[] = ['start', 'updated', 'country', 'status'];

export function sortToValue(sort: VisitSort): string {
  return `${sort.field}-${sort.dir}`;
}

export function sortFromValue(value: string | null): VisitSort {
  const m = /^(start|updated|country|status)-(asc|desc)$/.exec(value ?? '');
  if (!m) return DEFAULT_SORT;
  const field = m[1] as VisitSortField;
  return SORT_FIELDS.includes(field) ? { field, dir: m[2] === 'asc' ? 'asc' : 'desc' } : DEFAULT_SORT;
}

export function paramsToList(sp: URLSearchParams): ListParams {
  return { filter: visitFilterFromParams(sp), sort: sortFromValue(sp.get('sort')), q: sp.get('q') ?? '' };
}

/** Only non-default values go into the URL, in a fixed order, so equal lists have equal URLs. */
export function listToParams(p: ListParams): URLSearchParams {
  const sp = visitFilterToParams(p.filter);
  const sort = sortToValue(p.sort);
  if (sort !== sortToValue(DEFAULT_SORT)) sp.set('sort', sort);
  if (p.q.trim() !== '') sp.set('q', p.q);
  return sp;
}

export function hasFilters(p: ListParams): boolean {
  return hasVisitFilter(p.filter) || p.q.trim() !== '';
}

export interface FindableVisit {
  visit: Visit;
  traveller: Person | undefined;
  countryName: string;
}

/**
 * Every word of the find text must occur in the traveller's names, the country, city, purpose or
 * tags. Find asks the search index; this is its stand-in when the index cannot be opened.
 */
export function matchesFind(row: FindableVisit, q: string): boolean {
  const words = foldForMatch(q).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldForMatch(
    [
      row.traveller?.name ?? '',
      ...(row.traveller?.aliases ?? []),
      row.countryName,
      row.visit.place.country,
      row.visit.place.city ?? '',
      row.visit.purpose,
      ...row.visit.tags,
    ].join(' \u0001 '),
  );
  return words.every((w) => hay.includes(w));
}

const STATUS_ORDER: Record<VisitStatus, number> = { planned: 0, postponed: 1, underway: 2, completed: 3, cancelled: 4 };

/**
 * Orders rows for display. Host country sorts by the country's name (not its code) and status in
 * the order a trip lives through them; ties fall back to the start date, newest first.
 */
export function sortRows<T extends FindableVisit>(rows: readonly T[], sort: VisitSort): T[] {
  const dir = sort.dir === 'asc' ? 1 : -1;
  const byStart = (a: T, b: T) => (a.visit.startKey < b.visit.startKey ? 1 : a.visit.startKey > b.visit.startKey ? -1 : 0);
  const primary = (a: T, b: T): number => {
    switch (sort.field) {
      case 'start':
        return a.visit.startKey < b.visit.startKey ? -1 : a.visit.startKey > b.visit.startKey ? 1 : 0;
      case 'updated':
        return a.visit.updatedAt < b.visit.updatedAt ? -1 : a.visit.updatedAt > b.visit.updatedAt ? 1 : 0;
      case 'country':
        return a.countryName.localeCompare(b.countryName);
      case 'status':
        return STATUS_ORDER[a.visit.status] - STATUS_ORDER[b.visit.status];
    }
  };
  return [...rows].sort((a, b) => primary(a, b) * dir || byStart(a, b) || (a.visit.id < b.visit.id ? -1 : 1));
}
