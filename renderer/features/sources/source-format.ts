import { dayLabel, type Place, type Source } from '../../../shared/model';
import { countryName } from '../../../shared/places';

/** A dateline as newspapers print it, city first: "Tehran, Iran". */
export function datelineLabel(place: Place | null): string {
  if (!place) return '';
  return place.city ? `${place.city}, ${countryName(place.country)}` : countryName(place.country);
}

export function publishedLabel(source: Source): string {
  return source.publishedOn ? dayLabel(source.publishedOn) : 'date unknown';
}
