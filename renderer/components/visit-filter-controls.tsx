import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { VISIT_FILTER_PARAMS, visitFilterFromParams, visitFilterToParams, type VisitFilter } from '../../shared/model';
import { FILTER_CHOICE_TABLES, useQuery, useRevision, visitFilterChoices } from '../db';
import { CountryCombobox } from './country-select';
import { Field } from './field';
import { PersonCombobox } from './person-select';
import { StatusFilterSelect } from './status-filter-select';
import './visit-filter-controls.css';

/**
 * The visit filter held in the URL's search parameters (other parameters are kept). Each change
 * pushes a history entry, so Back undoes a filter; pass `{ replace: true }` to replace instead.
 */
export function useVisitFilterParams(options: { replace?: boolean } = {}): [VisitFilter, (next: VisitFilter) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = VISIT_FILTER_PARAMS.map((k) => searchParams.get(k) ?? '').join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures exactly the parameters the filter reads
  const filter = useMemo(() => visitFilterFromParams(searchParams), [key]);
  const replace = options.replace ?? false;
  const setFilter = useCallback(
    (next: VisitFilter) => setSearchParams((prev) => visitFilterToParams(next, prev), { replace }),
    [setSearchParams, replace],
  );
  return [filter, setFilter];
}

/**
 * The filter controls for a set of visits: status, host country (countries that have visits),
 * traveller, and a From/To day range (a visit matches when its fuzzy dates overlap it). Used by the
 * Visits list, Reports, Map, Timeline and Calendar, so a filter reads the same everywhere.
 * Controlled: pair it with `useVisitFilterParams()` to keep the filter in the URL.
 */
export function VisitFilterControls({
  value,
  onChange,
  className = 'toolbar visit-filter-controls',
  deferChoices = false,
  showOverdue = false,
}: {
  value: VisitFilter;
  onChange: (next: VisitFilter) => void;
  className?: string;
  /**
   * Wait with reading the choices (every person, the countries) while true, unless the user
   * reaches for a control: the Visits list sets it until its first page is shown, so that reading
   * thousands of people does not hold up the rows (IndexedDB serves a database's reads in turn).
   */
  deferChoices?: boolean;
  /** Offer "Overdue only" (plans whose dates have passed): on the screens whose data honour it. */
  showOverdue?: boolean;
}) {
  const [touched, setTouched] = useState(false);
  const load = !deferChoices || touched;
  // From the cache when no person or visit changed since the last read (nothing read: the
  // revision in the deps keeps it live).
  const revision = useRevision(FILTER_CHOICE_TABLES);
  const choices = useQuery(async () => (load ? visitFilterChoices() : undefined), [load, revision]);
  const set = (patch: Partial<VisitFilter>) => {
    const next: VisitFilter = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof VisitFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  return (
    <div
      className={className}
      role="group"
      aria-label="Visit filters"
      onFocus={() => setTouched(true)}
      onPointerDown={() => setTouched(true)}
    >
      <Field label="Status">
        <StatusFilterSelect value={value.status} onChange={(status) => set({ status })} />
      </Field>
      {/* Typed to find: with a data set loaded there are well over a thousand travellers and some two hundred countries. */}
      <Field label="Host country">
        <CountryCombobox
          value={value.country ?? ''}
          codes={choices.data?.countries ?? []}
          emptyLabel="Any country"
          onChange={(code) => set({ country: code || undefined })}
        />
      </Field>
      <Field label="Traveller">
        <PersonCombobox
          people={choices.data?.people ?? []}
          value={value.travellerId ?? ''}
          emptyLabel="Anyone"
          onChange={(id) => set({ travellerId: id || undefined })}
        />
      </Field>
      <Field label="From">
        <input type="date" value={value.from ?? ''} max={value.to} onChange={(e) => set({ from: e.target.value || undefined })} />
      </Field>
      <Field label="To">
        <input type="date" value={value.to ?? ''} min={value.from} onChange={(e) => set({ to: e.target.value || undefined })} />
      </Field>
      {showOverdue && (
        <label className="filter-check">
          <input type="checkbox" checked={!!value.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })} />
          Overdue only
        </label>
      )}
    </div>
  );
}
