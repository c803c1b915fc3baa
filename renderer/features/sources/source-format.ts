import { formatFuzzyDate, type Place, type Source } from '../../../shared/model';
import { countryName } from '../../../shared/places';

export function placeLabel(place: Place | null): string {
  if (!place) return '';
  return place.city ? `${place.city}, ${countryName(place.country)}` : countryName(place.country);
}

export function publishedLabel(source: Source): string {
  return source.publishedOn ? formatFuzzyDate({ precision: 'day', from: source.publishedOn, to: source.publishedOn }) : 'date unknown';
}
