import { VISIT_STATUSES, isValidDay, overlaps, type Person, type Visit, type VisitStatus } from '../model';
import { countryName } from '../places';
import { foldForMatch } from '../text/fold';

/**
 * Which visits a report covers: one visit, or the Visits list's filter (status, host country,
 * traveller, date range). The same rule as the Visits list, so "report what I see" means it.
 */
export interface ReportSelection {
  visitId?: string | undefined;
  status?: VisitStatus | undefined;
  country?: string | undefined;
  travellerId?: string | undefined;
  /** Inclusive day range; a visit matches when its (fuzzy) dates overlap it. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Does the visit match? Deleted visits never do; a date range needs a known start. */
export function visitMatches(v: Visit, s: ReportSelection): boolean {
  if (v.deletedAt) return false;
  if (s.visitId) return v.id === s.visitId;
  if (s.status && v.status !== s.status) return false;
  if (s.country && v.place.country !== s.country) return false;
  if (s.travellerId && v.travellerId !== s.travellerId) return false;
  if (s.from || s.to) {
    if (!v.start) return false;
    const span = { ...v.start, to: v.end?.to ?? v.start.to };
    if (!overlaps(span, s.from, s.to)) return false;
  }
  return true;
}

export function selectVisits(visits: readonly Visit[], s: ReportSelection): Visit[] {
  return visits.filter((v) => visitMatches(v, s));
}

/** The selection in words, for the cover: "Visits of Mustafa al-Kadhemi · to Iran · 1 July 2020 to 31 July 2020". */
export function describeSelection(s: ReportSelection, people: readonly Pick<Person, 'id' | 'name'>[], visitTitle?: string): string {
  if (s.visitId) return visitTitle ? `One visit: ${visitTitle}` : 'One visit';
  const parts: string[] = [];
  if (s.status) parts.push(`${s.status[0]!.toUpperCase()}${s.status.slice(1)} visits`);
  if (s.travellerId)
    parts.push(`${parts.length ? 'of' : 'Visits of'} ${people.find((p) => p.id === s.travellerId)?.name ?? 'an unknown person'}`);
  if (s.country) parts.push(`${parts.length ? 'to' : 'Visits to'} ${countryName(s.country)}`);
  if (s.from && s.to) parts.push(`from ${s.from} to ${s.to}`);
  else if (s.from) parts.push(`from ${s.from}`);
  else if (s.to) parts.push(`until ${s.to}`);
  if (parts.length === 0) return 'All visits';
  if (!s.status && !s.travellerId && !s.country) parts.unshift('Visits');
  return parts.join(' ');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function day(value: string | null): string | undefined {
  return value && isValidDay(value) ? value : undefined;
}

/**
 * Reads a selection from URL parameters (`?visit=<id>` or the Visits list's
 * `?status=&country=&traveller=&from=&to=`), so links can open Reports preselected. Malformed
 * values are ignored, as in the Visits list.
 */
export function selectionFromParams(sp: URLSearchParams): ReportSelection {
  const visit = sp.get('visit');
  if (visit && UUID.test(visit)) return { visitId: visit };
  const out: ReportSelection = {};
  const status = sp.get('status');
  if (status && (VISIT_STATUSES as readonly string[]).includes(status)) out.status = status as VisitStatus;
  const country = sp.get('country');
  if (country && /^[A-Z]{2}$/.test(country)) out.country = country;
  const traveller = sp.get('traveller');
  if (traveller && UUID.test(traveller)) out.travellerId = traveller;
  const from = day(sp.get('from'));
  const to = day(sp.get('to'));
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

/** The inverse of selectionFromParams, in a fixed order (equal selections, equal URLs). */
export function selectionToParams(s: ReportSelection): URLSearchParams {
  const sp = new URLSearchParams();
  if (s.visitId) {
    sp.set('visit', s.visitId);
    return sp;
  }
  if (s.status) sp.set('status', s.status);
  if (s.country) sp.set('country', s.country);
  if (s.travellerId) sp.set('traveller', s.travellerId);
  if (s.from) sp.set('from', s.from);
  if (s.to) sp.set('to', s.to);
  return sp;
}

/** People whose name or an alias is `name` (folded); live records only. */
export function findPeopleByName(people: readonly Person[], name: string): Person[] {
  const key = foldForMatch(name);
  if (key === '') return [];
  return people.filter((p) => !p.deletedAt && [p.name, ...p.aliases].some((n) => foldForMatch(n) === key));
}
