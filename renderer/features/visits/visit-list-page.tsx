import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { countryName } from '../../../shared/places';
import { CountrySelect, EmptyState, Field, PersonSelect, StatusBadge, StatusFilterSelect } from '../../components';
import { listPeople, listVisits, useQuery, visitCountries } from '../../db';
import {
  SORT_OPTIONS,
  hasFilters,
  listToParams,
  matchesFind,
  paramsToList,
  sortFromValue,
  sortRows,
  sortToValue,
  type ListParams,
} from './list-params';
import { KIND_LABELS } from './visit-form-model';
import { formatVisitDates, placeLabel } from './visit-format';

/** The Visits list: filters, sort and find text live in the URL so back/forward and reload keep them. */
export function VisitListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => paramsToList(searchParams), [searchParams]);
  const key = listToParams({ ...params, q: '' }).toString();

  const { data, error, isLoading } = useQuery(async () => {
    const [visits, people, countries] = await Promise.all([listVisits(params.filter, params.sort), listPeople(), visitCountries()]);
    return { visits, people, countries };
  }, [key]);

  const rows = useMemo(() => {
    if (!data) return [];
    const byId = new Map(data.people.map((p) => [p.id, p]));
    const all = data.visits.map((visit) => ({
      visit,
      traveller: byId.get(visit.travellerId),
      countryName: countryName(visit.place.country),
    }));
    return sortRows(
      all.filter((r) => matchesFind(r, params.q)),
      params.sort,
    );
  }, [data, params.q, params.sort]);

  /** Filter choices push a history entry (back undoes a filter); typing in Find replaces it. */
  const update = (next: Partial<ListParams> & { filter?: ListParams['filter'] }, replace = false) => {
    setSearchParams(listToParams({ ...params, ...next }), { replace });
  };
  const setFilter = (patch: Partial<ListParams['filter']>) => update({ filter: { ...params.filter, ...patch } });
  const clear = () =>
    setSearchParams(
      new URLSearchParams(params.sort.field === 'start' && params.sort.dir === 'desc' ? '' : `sort=${sortToValue(params.sort)}`),
    );

  const filtered = hasFilters(params);
  const count = rows.length;

  return (
    <section className="visits-list" aria-labelledby="visits-heading">
      <div className="page-head">
        <h1 id="visits-heading">Visits</h1>
        <Link to="/visits/new" className="button primary" title="New visit (Ctrl+Alt+N)">
          New visit
        </Link>
      </div>

      <search className="toolbar visits-filters" aria-label="Filter visits">
        <Field label="Find visits">
          <input
            type="search"
            data-find=""
            placeholder="Name, country, city, purpose…"
            value={params.q}
            onChange={(e) => update({ q: e.target.value }, true)}
            title="Find (Ctrl+F)"
          />
        </Field>
        <Field label="Status">
          <StatusFilterSelect value={params.filter.status} onChange={(status) => setFilter({ status })} />
        </Field>
        <Field label="Host country">
          <CountrySelect
            value={params.filter.country ?? ''}
            codes={data?.countries ?? []}
            emptyLabel="Any country"
            onChange={(code) => setFilter({ country: code || undefined })}
          />
        </Field>
        <Field label="Traveller">
          <PersonSelect
            people={data?.people ?? []}
            value={params.filter.travellerId ?? ''}
            emptyLabel="Anyone"
            onChange={(id) => setFilter({ travellerId: id || undefined })}
          />
        </Field>
        <Field label="From">
          <input type="date" value={params.filter.from ?? ''} onChange={(e) => setFilter({ from: e.target.value || undefined })} />
        </Field>
        <Field label="To">
          <input type="date" value={params.filter.to ?? ''} onChange={(e) => setFilter({ to: e.target.value || undefined })} />
        </Field>
        {filtered && (
          <button type="button" className="clear-filters" onClick={clear}>
            Clear filters
          </button>
        )}
      </search>

      {error ? (
        <p className="form-error" role="alert">
          The visits could not be read: {error.message}
        </p>
      ) : isLoading ? (
        <p className="loading">Loading visits…</p>
      ) : (
        <>
          <div className="list-head">
            <p className="result-count" aria-live="polite">
              {count === 1 ? '1 visit' : `${count} visits`}
              {filtered ? ' match' : ''}
            </p>
            <Field label="Sort by">
              <select value={sortToValue(params.sort)} onChange={(e) => update({ sort: sortFromValue(e.target.value) })}>
                {SORT_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {count === 0 ? (
            filtered ? (
              <EmptyState title="No visits match these filters">
                <p>Try another status, country or date range, or clear the filters to see every visit.</p>
                <button type="button" onClick={clear}>
                  Clear filters
                </button>
              </EmptyState>
            ) : (
              <EmptyState title="No visits recorded yet">
                <p>Record a leader’s trip abroad: who travels, where to, when, and where you read it.</p>
                <Link to="/visits/new" className="button primary">
                  New visit
                </Link>
              </EmptyState>
            )
          ) : (
            <table aria-label="Visits" className="visits-table">
              <thead>
                <tr>
                  <th scope="col">Visit</th>
                  <th scope="col">Dates</th>
                  <th scope="col">Status</th>
                  <th scope="col">Kind</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ visit, traveller }) => (
                  <tr key={visit.id}>
                    <td>
                      <Link to={`/visits/${visit.id}`} className="visit-link">
                        <span className="visit-traveller">{traveller?.name ?? 'Unknown traveller'}</span> →{' '}
                        <span className="visit-destination">{placeLabel(visit.place)}</span>
                      </Link>
                      {visit.purpose && <div className="visit-purpose muted">{visit.purpose}</div>}
                    </td>
                    <td className="visit-dates">{formatVisitDates(visit.start, visit.end)}</td>
                    <td>
                      <StatusBadge status={visit.status} />
                    </td>
                    <td>{KIND_LABELS[visit.kind]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
