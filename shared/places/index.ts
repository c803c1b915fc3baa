/**
 * The offline gazetteer: every ISO 3166-1 country (names, alternative names, demonyms, capital
 * with coordinates, centre) and the world's larger cities, from gazetteer.generated.json (built by
 * scripts/build-gazetteer.mjs from world-countries and GeoNames). Pure lookups, no I/O.
 *
 * Matching is case-, accent- and punctuation-insensitive for names ("cote d'ivoire", "Washington
 * DC"), but abbreviations and codes match in capitals only ("US", "U.S.", "USA", "UK"), so that
 * English words such as "us", "in" or "me" never turn into countries.
 */
import type { Place } from '../model/schemas';
import { foldForSearch } from '../text/fold';
import data from './gazetteer.generated.json' with { type: 'json' };
import { historicalCountry } from './historical';

export { HISTORICAL_COUNTRIES, historicalCountry, type HistoricalCountry } from './historical';

export interface Capital {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly code: string;
  /** Common English name: "Iran", "United States". */
  readonly name: string;
  /** "Islamic Republic of Iran". */
  readonly officialName: string;
  /** Other spellings and abbreviations: "USA", "U.S.", "America", native names, alpha-3 code. */
  readonly altNames: readonly string[];
  /** English demonyms/adjectives: "Iranian", "Saudi Arabian", "Saudi". */
  readonly demonyms: readonly string[];
  /** Independent state (as opposed to a dependency or territory). */
  readonly sovereign: boolean;
  readonly capital: Capital | null;
  /** Rough centre of the country (for maps when no city is known). */
  readonly lat: number;
  readonly lon: number;
}

export interface City {
  /** The name analysts write ("Washington", "Geneva"). */
  readonly name: string;
  /** The name without diacritics ("Sao Paulo"). */
  readonly asciiName: string;
  /** Other well-known names ("Washington, D.C.", "Genève", "Kiev"). */
  readonly altNames: readonly string[];
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  readonly isCapital: boolean;
}

interface RawCountry {
  code: string;
  name: string;
  official: string;
  alt: string[];
  demonyms: string[];
  sovereign: boolean;
  capital: Capital | null;
  lat: number;
  lon: number;
}

interface RawCity {
  name: string;
  ascii?: string;
  alt?: string[];
  country: string;
  lat: number;
  lon: number;
  pop: number;
  capital?: boolean;
}

const raw: { countries: RawCountry[]; cities: RawCity[] } = data;

/** Every country, sorted by code. */
export const COUNTRIES: readonly Country[] = Object.freeze(
  raw.countries
    .map((c): Country =>
      Object.freeze({
        code: c.code,
        name: c.name,
        officialName: c.official,
        altNames: Object.freeze([...c.alt]),
        demonyms: Object.freeze([...c.demonyms]),
        sovereign: c.sovereign,
        capital: c.capital ? Object.freeze({ ...c.capital }) : null,
        lat: c.lat,
        lon: c.lon,
      }),
    )
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
);

/** Capitals, cities of at least ~750,000 people and a few diplomatic venues, largest first. */
export const CITIES: readonly City[] = Object.freeze(
  raw.cities
    .map((c): City =>
      Object.freeze({
        name: c.name,
        asciiName: c.ascii ?? c.name,
        altNames: Object.freeze([...(c.alt ?? [])]),
        country: c.country,
        lat: c.lat,
        lon: c.lon,
        population: c.pop,
        isCapital: c.capital === true,
      }),
    )
    .sort((a, b) => b.population - a.population),
);

/**
 * The key names are compared by: no accents, lower case, no dots or apostrophes, "St" = "Saint",
 * other punctuation as spaces, no leading "the". "Washington, D.C." → "washington dc".
 */
export function normalizePlaceName(text: string): string {
  return foldForSearch(text)
    .replace(/[.'’‘ʻʼ`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^st /, 'saint ')
    .replace(/ st /g, ' saint ')
    .replace(/^the /, '');
}

/** "U.S." → "US", "U.A.E." → "UAE"; null unless the text is an upper-case abbreviation. */
function abbreviationKey(text: string): string | null {
  const k = text.trim().replace(/[.\s]/g, '');
  return /^[A-Z]{2,5}$/.test(k) ? k : null;
}

const byCode = new Map<string, Country>();
const byAbbreviation = new Map<string, Country>();
const byName = new Map<string, Country>();
/** null marks a demonym shared by several countries of the same rank ("Congolese", "Dominican"). */
const byDemonym = new Map<string, Country | null>();

// Sovereign states claim names first: "Indian" is India's before the British Indian Ocean Territory's.
const ranked = [...COUNTRIES].sort((a, b) => Number(b.sovereign) - Number(a.sovereign));
const demonymRank = new Map<string, boolean>();
for (const c of ranked) {
  byCode.set(c.code, c);
  if (!byAbbreviation.has(c.code)) byAbbreviation.set(c.code, c);
  for (const n of [c.name, c.officialName, ...c.altNames]) {
    const abbr = abbreviationKey(n);
    if (abbr) {
      if (!byAbbreviation.has(abbr)) byAbbreviation.set(abbr, c);
      continue;
    }
    const key = normalizePlaceName(n);
    if (key !== '' && !byName.has(key)) byName.set(key, c);
  }
  for (const d of c.demonyms) {
    const key = normalizePlaceName(d);
    if (key === '') continue;
    const taken = byDemonym.get(key);
    if (taken === undefined) {
      byDemonym.set(key, c);
      demonymRank.set(key, c.sovereign);
    } else if (taken !== c && demonymRank.get(key) === c.sovereign) {
      byDemonym.set(key, null);
    }
  }
}

const citiesByName = new Map<string, City[]>();
for (const city of CITIES) {
  const keys = new Set([city.name, city.asciiName, ...city.altNames].map(normalizePlaceName));
  for (const key of keys) {
    if (key === '') continue;
    const list = citiesByName.get(key) ?? [];
    list.push(city); // CITIES is sorted by population, so each list is too.
    citiesByName.set(key, list);
  }
}

/** True for a code of the gazetteer (upper case only, as stored: "IQ", not "iq"). */
export function isCountryCode(code: string): boolean {
  return byCode.has(code);
}

/** The country with this ISO alpha-2 code; lower case is accepted ("iq"). */
export function countryByCode(code: string): Country | null {
  return byCode.get(code.trim().toUpperCase()) ?? null;
}

/**
 * Common English name of a country; a historical code (SU, YU, CS, DD… see historical.ts) gives
 * that country's name; an unknown code is returned as it is.
 */
export function countryName(code: string): string {
  return countryByCode(code)?.name ?? historicalCountry(code)?.name ?? code;
}

/**
 * The country a text names: its code ("IR", case-sensitive), alpha-3 code or abbreviation ("USA",
 * "U.S.", "UK"), common, official or alternative name ("Iran", "Islamic Republic of Iran",
 * "the United States", "Côte d'Ivoire"). Null when nothing matches.
 */
export function findCountry(text: string): Country | null {
  const t = text.trim();
  if (t === '') return null;
  const abbr = abbreviationKey(t);
  if (abbr) {
    const hit = byAbbreviation.get(abbr);
    if (hit) return hit;
  }
  return byName.get(normalizePlaceName(t)) ?? null;
}

/**
 * The country of a demonym or adjective: "Iranian" → IR, "Saudi" → SA, "Iraqis" → IQ. Null when
 * unknown or shared by several states ("Congolese").
 */
export function findCountryByDemonym(text: string): Country | null {
  const key = normalizePlaceName(text);
  if (key === '') return null;
  const hit = byDemonym.get(key);
  if (hit !== undefined) return hit;
  if (key.endsWith('s')) return byDemonym.get(key.slice(0, -1)) ?? null;
  return null;
}

/** The capital of a country as a Place with coordinates; null for unknown codes and places without one (Antarctica). */
export function capitalOf(code: string): Place | null {
  const c = countryByCode(code);
  if (!c?.capital) return null;
  return { country: c.code, city: c.capital.name, lat: c.capital.lat, lon: c.capital.lon };
}

/** The rough centre of a country, for maps when no city is known. */
export function countryCentre(code: string): { lat: number; lon: number } | null {
  const c = countryByCode(code);
  return c ? { lat: c.lat, lon: c.lon } : null;
}

/** Every gazetteer city with this name (or alias), optionally in one country, largest first. */
export function findCities(name: string, country?: string | null): City[] {
  const list = citiesByName.get(normalizePlaceName(name)) ?? [];
  if (!country) return [...list];
  const code = country.trim().toUpperCase();
  return list.filter((c) => c.country === code);
}

/** A city as a Place. */
function cityPlace(city: City): Place {
  return { country: city.country, city: city.name, lat: city.lat, lon: city.lon };
}

/**
 * The best-known place of that name (largest population), optionally within one country:
 * "Washington" → Washington, US. Null when the gazetteer does not know it.
 */
export function findCity(name: string, country?: string | null): Place | null {
  const best = findCities(name, country)[0];
  return best ? cityPlace(best) : null;
}

/**
 * A Place for a country and an optional city. A city the gazetteer knows in that country gets
 * its usual name and coordinates ("Washington, D.C." → "Washington"); an unknown one is kept as
 * written with null coordinates (a village, an air base: better honest than guessed). Without a
 * city the coordinates are null too: the country's centre is not where anything happened.
 */
export function placeFor(country: string, city?: string | null): Place {
  const code = country.trim().toUpperCase();
  const name = city?.trim() ?? '';
  if (name === '') return { country: code, city: null, lat: null, lon: null };
  return findCity(name, code) ?? { country: code, city: name, lat: null, lon: null };
}
