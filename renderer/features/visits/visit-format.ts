import type { Person, Place } from '../../../shared/model';
import { placeLabel } from '../../../shared/reports/model';

// One wording for places and visit dates across screens and reports: the report model's.
export { formatVisitDates, placeLabel } from '../../../shared/reports/model';

/** The visit's name everywhere (heading, list link, dialogs): "Mustafa al-Kadhemi → Iran, Tehran". */
export function visitTitle(traveller: Pick<Person, 'name'> | undefined, place: Place): string {
  return `${traveller?.name ?? 'Unknown traveller'} → ${placeLabel(place)}`;
}

/** Plain-text excerpt of a Markdown note for lists (no rendering: the note page renders it safely). */
export function noteExcerpt(body: string, max = 160): string {
  const lines = body.split('\n');
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  const rest = lines
    .slice(firstIdx + 1)
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return rest.length > max ? `${rest.slice(0, max - 1)}…` : rest;
}
