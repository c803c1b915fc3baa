import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ISO_DAY, VISIT_STATUSES, isValidDay, type VisitStatus } from '../../shared/model';
import { FILTER_CHOICE_TABLES, useQuery, useRevision, visitFilterChoices, type VisitFilter } from '../db';
import { CountrySelect } from './country-select';
import { Field } from './field';
import { PersonSelect } from './person-select';
import { StatusFilterSelect } from './status-filter-select';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isStatus(value: string | null): value is VisitStatus {
  return value !== null && (VISIT_STATUSES as readonly string[]).includes(value);
}

function day(value: string | null): string | undefined {
  return value && ISO_DAY.test(value) && isValidDay(value) ? value : undefined;
}

/** The URL parameters a visit filter uses, shared by every screen that filters visits. */
export const VISIT_FILTER_PARAMS = ['status', 'country', 'traveller', 'from', 'to'] as const;

/**
 * Reads a visit filter from URL parameters (`status`, `country`, `traveller`, `from`, `to`).
 * Anything malformed (a hand-edited link, an old bookmark) is ignored, never an error.
 */
export function visitFilterFromParams(sp: URLSearchParams): VisitFilter {
  const status = sp.get('status');
  const country = sp.get('country');
  const traveller = sp.get('traveller');
  const filter: VisitFilter = {};
  if (isStatus(status)) filter.status = status;
  if (country && /^[A-Z]{2}$/.test(country)) filter.country = country;
  if (traveller && UUID.test(traveller)) filter.travellerId = traveller;
  const from = day(sp.get('from'));
  const to = day(sp.get('to'));
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

/** Writes a filter into a copy of `base`, keeping every other parameter; empty criteria are removed. */
export function visitFilterToParams(filter: VisitFilter, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const sp = new URLSearchParams(base);
  for (const k of VISIT_FILTER_PARAMS) sp.delete(k);
  if (filter.status) sp.set('status', filter.status);
  if (filter.country) sp.set('country', filter.country);
  if (filter.travellerId) sp.set('traveller', filter.travellerId);
  if (filter.from) sp.set('from', filter.from);
  if (filter.to) sp.set('to', filter.to);
  return sp;
}

/** True when the filter restricts anything. */
export function hasVisitFilter(f: VisitFilter): boolean {
  return !!(f.status || f.country || f.travellerId || f.from || f.to);
}

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
      <Field label="Host country">
        <CountrySelect
          value={value.country ?? ''}
          codes={choices.data?.countries ?? []}
          emptyLabel="Any country"
          onChange={(code) => set({ country: code || undefined })}
        />
      </Field>
      <Field label="Traveller">
        <PersonSelect
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
    </div>
  );
}
