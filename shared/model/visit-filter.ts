import { isValidDay, localToday } from './dates';
import { overlaps } from './fuzzy-date';
import type { Visit } from './schemas';
import { VISIT_STATUSES, isOverdue, type VisitStatus } from './status';

/**
 * The visit filter: which visits a screen shows (the Visits list, Map, Timeline, Calendar) or a
 * report covers. One type, one matcher and one URL codec, so that "report what I see" and a copied
 * link mean the same visits everywhere. The database answers it from its indexes
 * (`renderer/db/visits/query.ts`); `visitMatches` is the rule those answers are tested against.
 */
export interface VisitFilter {
  status?: VisitStatus | undefined;
  country?: string | undefined;
  travellerId?: string | undefined;
  /** Inclusive day range; a visit matches when its (fuzzy) dates overlap it. */
  from?: string | undefined;
  to?: string | undefined;
  /** Only plans that have come due (`isOverdue`, as of the day the filter is applied). */
  overdue?: boolean | undefined;
}

/** The URL parameters of a visit filter, in the order they are written. */
export const VISIT_FILTER_PARAMS = ['status', 'country', 'traveller', 'from', 'to', 'overdue'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is this string a record id (as links and the URL carry them)? */
export function isRecordId(value: string | null | undefined): value is string {
  return !!value && UUID.test(value);
}

function day(value: string | null): string | undefined {
  return value && isValidDay(value) ? value : undefined;
}

/**
 * Reads a filter from URL parameters (`status`, `country`, `traveller`, `from`, `to`, `overdue=1`).
 * Anything malformed (a hand-edited link, an old bookmark) is ignored, never an error.
 */
export function visitFilterFromParams(sp: URLSearchParams): VisitFilter {
  const filter: VisitFilter = {};
  const status = sp.get('status');
  if (status && (VISIT_STATUSES as readonly string[]).includes(status)) filter.status = status as VisitStatus;
  const country = sp.get('country');
  if (country && /^[A-Z]{2}$/.test(country)) filter.country = country;
  const traveller = sp.get('traveller');
  if (isRecordId(traveller)) filter.travellerId = traveller;
  const from = day(sp.get('from'));
  const to = day(sp.get('to'));
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (sp.get('overdue') === '1') filter.overdue = true;
  return filter;
}

/**
 * Writes a filter into a copy of `base` (other parameters are kept), in a fixed order so that
 * equal filters give equal URLs; empty criteria are left out.
 */
export function visitFilterToParams(filter: VisitFilter, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const sp = new URLSearchParams(base);
  for (const k of VISIT_FILTER_PARAMS) sp.delete(k);
  if (filter.status) sp.set('status', filter.status);
  if (filter.country) sp.set('country', filter.country);
  if (filter.travellerId) sp.set('traveller', filter.travellerId);
  if (filter.from) sp.set('from', filter.from);
  if (filter.to) sp.set('to', filter.to);
  if (filter.overdue) sp.set('overdue', '1');
  return sp;
}

/** True when the filter restricts anything. */
export function hasVisitFilter(f: VisitFilter): boolean {
  return !!(f.status || f.country || f.travellerId || f.from || f.to || f.overdue);
}

/** The filter as a stable string (equal filters, equal keys), for caches and React deps. */
export function visitFilterKey(f: VisitFilter): string {
  return [f.status ?? '', f.country ?? '', f.travellerId ?? '', f.from ?? '', f.to ?? '', f.overdue ? 'overdue' : ''].join('|');
}

/**
 * Does the visit match? Deleted visits never do; a date range needs a known start. `asOf` is the
 * day against which "overdue" is judged (today, unless a caller fixes it).
 */
export function visitMatches(v: Visit, f: VisitFilter, asOf: string = localToday()): boolean {
  if (v.deletedAt) return false;
  if (f.status && v.status !== f.status) return false;
  if (f.country && v.place.country !== f.country) return false;
  if (f.travellerId && v.travellerId !== f.travellerId) return false;
  if (f.from || f.to) {
    if (!v.start) return false;
    const span = { ...v.start, to: v.end?.to ?? v.start.to };
    if (!overlaps(span, f.from, f.to)) return false;
  }
  if (f.overdue && !isOverdue(v, asOf)) return false;
  return true;
}
