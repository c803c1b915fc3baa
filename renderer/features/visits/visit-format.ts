import { formatFuzzyDate, type FuzzyDate, type Person, type Place } from '../../../shared/model';
import { countryName } from '../../../shared/places';

/** "Iran, Tehran" or just "Saudi Arabia" when no city is known. */
export function placeLabel(place: Place): string {
  const country = countryName(place.country);
  return place.city ? `${country}, ${place.city}` : country;
}

/** The visit's name everywhere (heading, list link, dialogs): "Mustafa al-Kadhemi → Iran, Tehran". */
export function visitTitle(traveller: Pick<Person, 'name'> | undefined, place: Place): string {
  return `${traveller?.name ?? 'Unknown traveller'} → ${placeLabel(place)}`;
}

/**
 * The visit's dates as a reader wants them, keeping their precision: "21 July 2020", "July 2020",
 * "22 July 2020 – 31 August 2020 (within weeks)", "21 July 2020 – 23 July 2020", "Date unknown".
 */
export function formatVisitDates(start: FuzzyDate | null, end: FuzzyDate | null): string {
  if (!start && !end) return 'Date unknown';
  if (!start) return `Until ${formatFuzzyDate(end)}`;
  const first = formatFuzzyDate(start);
  if (!end || (end.from === start.from && end.to === start.to)) {
    return start.precision === 'window' && !start.phrase ? `${first} (some time in this window)` : first;
  }
  return `${first} – ${formatFuzzyDate(end)}`;
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
