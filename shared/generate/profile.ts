/**
 * The shape of hsg-profile.json: aggregate distributions of the Office of the Historian data set
 * (built by scripts/bench/build-profile.ts). Weighted lists are [value, count] pairs.
 */
export type Weighted<T> = [T, number][];

export interface HsgProfile {
  about: string;
  records: { visits: number; people: number; sources: number };
  /** Visits per data set: foreign leaders' visits to the U.S., and presidents' and secretaries' trips abroad. */
  datasets: Record<string, number>;
  /** Host countries of trips abroad. */
  hostCountries: Weighted<string>;
  /** Home countries of the foreign leaders visiting the U.S. */
  visitorCountries: Weighted<string>;
  years: Weighted<number>;
  /** Month of day-precision starts. */
  months: Weighted<number>;
  precisions: Weighted<string>;
  /** Share of visits with an end date. */
  endShare: number;
  /** Days from start to end (capped at 45). */
  durationDays: Weighted<number>;
  kinds: Weighted<string>;
  /** Words in the remarks (capped at 80). */
  purposeWords: Weighted<number>;
  /** The most frequent words of the remarks, lower case, without stop words. */
  vocabulary: Weighted<string>;
  /** Share of visits with a city. */
  cityShare: number;
  /** The most visited cities: name, country, lat, lon, count. */
  cities: [string, string, number | null, number | null, number][];
  /** How many visits each traveller has (capped at 400): [visits, travellers]. */
  visitsPerTraveller: Weighted<number>;
  delegationSize: Weighted<number>;
  /** Legs per multi-leg trip (capped at 12). */
  tourLegs: Weighted<number>;
  /** Share of visits that are a leg of a multi-leg trip. */
  tourShare: number;
  /** Role titles of the people. */
  titles: Weighted<string>;
}
