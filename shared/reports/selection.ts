import {
  isRecordId,
  localToday,
  visitFilterFromParams,
  visitFilterToParams,
  visitMatches,
  type Person,
  type Visit,
  type VisitFilter,
} from '../model';
import { countryName } from '../places';
import { foldForMatch } from '../text/fold';

/**
 * Which visits a report covers: one visit, or the visit filter of the Visits list
 * (`shared/model/visit-filter.ts`: its matcher and its URL codec), so "report what I see" means it.
 */
export interface ReportSelection extends VisitFilter {
  visitId?: string | undefined;
}

/** The visits a selection covers, in their order; deleted visits never. */
export function selectVisits(visits: readonly Visit[], s: ReportSelection, asOf: string = localToday()): Visit[] {
  if (s.visitId) return visits.filter((v) => !v.deletedAt && v.id === s.visitId);
  return visits.filter((v) => visitMatches(v, s, asOf));
}

/** The selection in words, for the cover: "Visits of Mustafa al-Kadhemi · to Iran · 1 July 2020 to 31 July 2020". */
export function describeSelection(s: ReportSelection, people: readonly Pick<Person, 'id' | 'name'>[], visitTitle?: string): string {
  if (s.visitId) return visitTitle ? `One visit: ${visitTitle}` : 'One visit';
  const parts: string[] = [];
  if (s.overdue) parts.push(s.status ? `Overdue ${s.status} visits` : 'Overdue visits');
  else if (s.status) parts.push(`${s.status[0]!.toUpperCase()}${s.status.slice(1)} visits`);
  if (s.travellerId)
    parts.push(`${parts.length ? 'of' : 'Visits of'} ${people.find((p) => p.id === s.travellerId)?.name ?? 'an unknown person'}`);
  if (s.country) parts.push(`${parts.length ? 'to' : 'Visits to'} ${countryName(s.country)}`);
  if (s.from && s.to) parts.push(`from ${s.from} to ${s.to}`);
  else if (s.from) parts.push(`from ${s.from}`);
  else if (s.to) parts.push(`until ${s.to}`);
  if (parts.length === 0) return 'All visits';
  if (!s.status && !s.overdue && !s.travellerId && !s.country) parts.unshift('Visits');
  return parts.join(' ');
}

/**
 * Reads a selection from URL parameters: `?visit=<id>`, or the visit filter's own parameters
 * (so links can open Reports preselected). Malformed values are ignored, as in the Visits list.
 */
export function selectionFromParams(sp: URLSearchParams): ReportSelection {
  const visit = sp.get('visit');
  if (isRecordId(visit)) return { visitId: visit };
  return visitFilterFromParams(sp);
}

/** The inverse of selectionFromParams, in a fixed order (equal selections, equal URLs). */
export function selectionToParams(s: ReportSelection): URLSearchParams {
  if (s.visitId) return new URLSearchParams({ visit: s.visitId });
  return visitFilterToParams(s);
}

/** People whose name or an alias is `name` (folded); live records only. */
export function findPeopleByName(people: readonly Person[], name: string): Person[] {
  const key = foldForMatch(name);
  if (key === '') return [];
  return people.filter((p) => !p.deletedAt && [p.name, ...p.aliases].some((n) => foldForMatch(n) === key));
}
