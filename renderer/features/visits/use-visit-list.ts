import { useMemo } from 'react';
import { countryName } from '../../../shared/places';
import {
  firstVisitRows,
  peekVisitIds,
  quickVisitCount,
  useQuery,
  useRevision,
  visitIds,
  visitQueryKey,
  visitRowsAt,
  type VisitQuery,
} from '../../db';
import { matchesFind, type ListParams } from './list-params';
import { useVisitFind } from './use-visit-find';

/** Rows are read by pages of this many (one bulkGet of visits and one of people per page). */
export const PAGE = 100;
const VISIT_TABLES = ['visits'];

/**
 * What the Visits list shows for its parameters: the first page (a direct index read, shown while
 * the rest is counted), the count, and the ordered ids of the matches (key-only index reads, then
 * the search index's answer for Find text). `loading` until something can be shown.
 */
export function useVisitList(params: ListParams) {
  const query: VisitQuery = useMemo(() => ({ filter: params.filter, sort: params.sort }), [params.filter, params.sort]);
  const key = visitQueryKey(query);

  // Coming back to a query this window has just listed (from a visit, say): its ids are still
  // cached unless a visit changed since (the revision moves), so nothing is counted or read again.
  // The queries below then read nothing, and stay live through the revision in their deps.
  const revision = useRevision(VISIT_TABLES);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the cache is read again when the query or the revision moves
  const cached = useMemo(() => peekVisitIds(query), [key, revision]);

  // Order matters: IndexedDB serves one database's requests in turn, so the cheap reads (first page,
  // native count) go first and the id list (every key of the matches) only once they are in.
  const first = useQuery(() => firstVisitRows(query, PAGE), [key]);
  // A native count when one index range answers it: the size shows before the id list is read.
  const quick = useQuery(async () => cached?.length ?? quickVisitCount(query.filter), [key, cached]);
  const cheapDone = (first.data !== undefined || !!first.error) && (quick.data !== undefined || !!quick.error);
  const ids = useQuery(async () => cached ?? (cheapDone ? visitIds(query) : undefined), [key, cheapDone, cached]);

  // Find text: the search index answers which visits match the text (at any size), the indexes
  // above which match the filters and in what order; the list shows the ids in both.
  const findText = params.q.trim();
  const find = useVisitFind(findText);
  // Without an index (it could not be opened) Find reads the matching rows and checks each.
  const fallback = !!findText && !!find.error;
  const found = useQuery(async () => {
    if (!fallback || !ids.data) return null;
    const rows = await visitRowsAt(ids.data, 0, ids.data.length);
    return rows
      .filter(
        (r) =>
          r.visit && matchesFind({ visit: r.visit, traveller: r.traveller, countryName: countryName(r.visit.place.country) }, findText),
      )
      .map((r) => r.id);
  }, [ids.data, findText, fallback]);
  const shownIds: readonly string[] | undefined = useMemo(() => {
    if (!findText) return ids.data;
    if (fallback) return found.data ?? undefined;
    const matches = find.ids;
    return ids.data && matches ? ids.data.filter((id) => matches.has(id)) : undefined;
  }, [findText, fallback, found.data, ids.data, find.ids]);

  const error = ids.error ?? first.error ?? quick.error ?? found.error;
  const count = shownIds?.length ?? (findText ? undefined : (quick.data ?? undefined));
  const loading = count === undefined && (first.data === undefined || !!findText);
  return { key, first, find, findText, fallback, shownIds, count, loading, error };
}
