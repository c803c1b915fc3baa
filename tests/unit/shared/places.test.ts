import { describe, expect, it } from 'vitest';
import worldCountries from 'world-countries';
import { placeSchema } from '../../../shared/model/schemas';
import {
  CITIES,
  COUNTRIES,
  capitalOf,
  countryByCode,
  countryCentre,
  countryName,
  findCities,
  findCity,
  findCountry,
  findCountryByDemonym,
  isCountryCode,
  normalizePlaceName,
  placeFor,
} from '../../../shared/places';
import gazetteer from '../../../shared/places/gazetteer.generated.json';

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe('countries', () => {
  it('has every world-countries code, unique and upper case', () => {
    expect(COUNTRIES.length).toBe(worldCountries.length);
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    const codes = COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(codes).toContain('XK');
  });

  it('gives every capital coordinates in range and near its country', () => {
    const areas = new Map(worldCountries.map((w) => [w.cca2, w.area]));
    const withCapital = COUNTRIES.filter((c) => c.capital);
    expect(withCapital.length).toBeGreaterThanOrEqual(244);
    for (const c of withCapital) {
      const cap = c.capital!;
      expect(Math.abs(cap.lat), c.code).toBeLessThanOrEqual(90);
      expect(Math.abs(cap.lon), c.code).toBeLessThanOrEqual(180);
      // Island states spread over an ocean sit far from their "centre": allow a margin on top of the country's size.
      const limit = 1100 + 1.5 * Math.sqrt(Math.max(areas.get(c.code) ?? 0, 0));
      expect(km(c.lat, c.lon, cap.lat, cap.lon), `${c.code} ${cap.name}`).toBeLessThan(limit);
    }
  });

  it('knows the capitals of the seed article', () => {
    expect(capitalOf('IQ')).toMatchObject({ country: 'IQ', city: 'Baghdad' });
    expect(capitalOf('IR')).toMatchObject({ country: 'IR', city: 'Tehran' });
    expect(capitalOf('SA')).toMatchObject({ country: 'SA', city: 'Riyadh' });
    const us = capitalOf('US');
    expect(us).toMatchObject({ country: 'US', city: 'Washington' });
    expect(us!.lat).toBeCloseTo(38.9, 1);
    expect(us!.lon).toBeCloseTo(-77.04, 1);
    expect(capitalOf('XK')?.city).toBe('Pristina');
    expect(capitalOf('KZ')?.city).toBe('Astana');
    expect(capitalOf('AQ')).toBeNull();
    expect(capitalOf('ZZ')).toBeNull();
    for (const code of ['IQ', 'IR', 'SA', 'US']) expect(placeSchema.safeParse(capitalOf(code)).success).toBe(true);
  });

  it('looks codes up', () => {
    expect(isCountryCode('IQ')).toBe(true);
    expect(isCountryCode('iq')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
    expect(countryByCode('iq')?.name).toBe('Iraq');
    expect(countryByCode('ZZ')).toBeNull();
    expect(countryName('IR')).toBe('Iran');
    expect(countryName('US')).toBe('United States');
    expect(countryName('ZZ')).toBe('ZZ');
    expect(countryCentre('IQ')).toEqual({ lat: 33, lon: 44 });
  });
});

describe('findCountry', () => {
  it.each([
    ['Iran', 'IR'],
    ['iran', 'IR'],
    ['Islamic Republic of Iran', 'IR'],
    ['Iraq', 'IQ'],
    ['Republic of Iraq', 'IQ'],
    ['United States', 'US'],
    ['the United States', 'US'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['America', 'US'],
    ['US', 'US'],
    ['Saudi Arabia', 'SA'],
    ['saudi arabia', 'SA'],
    ['Kingdom of Saudi Arabia', 'SA'],
    ['KSA', 'SA'],
    ['UK', 'GB'],
    ['Britain', 'GB'],
    ['Côte d’Ivoire', 'CI'],
    ['Cote dIvoire', 'CI'],
    ['Ivory Coast', 'CI'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['UAE', 'AE'],
    ['IRQ', 'IQ'],
    ['Kosovo', 'XK'],
    ['Burma', 'MM'],
  ])('%s → %s', (text, code) => {
    expect(findCountry(text)?.code).toBe(code);
  });

  it.each(['', '   ', 'Atlantis', 'us', 'in', 'me', 'Baghdad', 'XX'])('"%s" → null', (text) => {
    expect(findCountry(text)).toBeNull();
  });
});

describe('findCountryByDemonym', () => {
  it.each([
    ['Iranian', 'IR'],
    ['iranian', 'IR'],
    ['Saudi', 'SA'],
    ['Saudi Arabian', 'SA'],
    ['Iraqi', 'IQ'],
    ['Iraqis', 'IQ'],
    ['American', 'US'],
    ['British', 'GB'],
    ['French', 'FR'],
    ['Indian', 'IN'],
    ['Kosovar', 'XK'],
  ])('%s → %s', (text, code) => {
    expect(findCountryByDemonym(text)?.code).toBe(code);
  });

  it.each(['', 'Martian', 'Congolese', 'Dominican'])('"%s" → null (unknown or ambiguous)', (text) => {
    expect(findCountryByDemonym(text)).toBeNull();
  });
});

describe('cities', () => {
  it('is small, valid and sorted by population', () => {
    expect(JSON.stringify(gazetteer).length).toBeLessThan(300_000);
    expect(CITIES.length).toBeGreaterThan(400);
    for (let i = 1; i < CITIES.length; i++) expect(CITIES[i - 1]!.population).toBeGreaterThanOrEqual(CITIES[i]!.population);
    for (const c of CITIES) {
      expect(isCountryCode(c.country), c.name).toBe(true);
      expect(Math.abs(c.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(c.lon)).toBeLessThanOrEqual(180);
    }
  });

  it('contains every capital', () => {
    for (const c of COUNTRIES) {
      if (!c.capital) continue;
      const hits = findCities(c.capital.name, c.code);
      expect(hits.length, `${c.code} ${c.capital.name}`).toBeGreaterThan(0);
      expect(hits[0]!.isCapital).toBe(true);
    }
  });

  it('finds Washington as the US capital, under any of its names', () => {
    for (const name of ['Washington', 'washington', 'Washington D.C.', 'Washington, D.C.', 'Washington DC']) {
      expect(findCity(name)).toEqual(capitalOf('US'));
    }
  });

  it.each([
    ['New York', 'US'],
    ['New York City', 'US'],
    ['Riyadh', 'SA'],
    ['Jeddah', 'SA'],
    ['Tehran', 'IR'],
    ['Beijing', 'CN'],
    ['Shanghai', 'CN'],
    ['Davos', 'CH'],
    ['Geneva', 'CH'],
    ['Genève', 'CH'],
    ['Kathmandu', 'NP'],
    ['Nairobi', 'KE'],
    ['Baghdad', 'IQ'],
    ['Basra', 'IQ'],
    ['Erbil', 'IQ'],
    ['Sao Paulo', 'BR'],
    ['Kiev', 'UA'],
  ])('%s is in %s with coordinates', (name, country) => {
    const p = findCity(name);
    expect(p?.country).toBe(country);
    expect(p?.lat).not.toBeNull();
    expect(placeSchema.safeParse(p).success).toBe(true);
  });

  it('filters by country and returns the largest first', () => {
    expect(findCity('Tehran', 'IQ')).toBeNull();
    expect(findCity('Tehran', 'ir')?.city).toBe('Tehran');
    const tripoli = findCities('Tripoli');
    expect(tripoli.map((c) => c.country)).toContain('LY');
    expect(findCity('Atlantis')).toBeNull();
  });
});

describe('placeFor', () => {
  it('gives known cities their coordinates and canonical name', () => {
    expect(placeFor('IR', 'Tehran')).toEqual(capitalOf('IR'));
    expect(placeFor('us', 'Washington, D.C.')).toEqual(capitalOf('US'));
  });

  it('keeps unknown cities with null coordinates', () => {
    expect(placeFor('IQ', 'Ain al-Asad')).toEqual({ country: 'IQ', city: 'Ain al-Asad', lat: null, lon: null });
    expect(placeFor('IQ', 'Tehran')).toEqual({ country: 'IQ', city: 'Tehran', lat: null, lon: null });
  });

  it('leaves the city empty when none is given', () => {
    expect(placeFor('SA')).toEqual({ country: 'SA', city: null, lat: null, lon: null });
    expect(placeFor('SA', '  ')).toEqual({ country: 'SA', city: null, lat: null, lon: null });
  });
});

describe('normalizePlaceName', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalizePlaceName('Washington, D.C.')).toBe('washington dc');
    expect(normalizePlaceName('  Côte d´Ivoire ')).toBe('cote divoire');
    expect(normalizePlaceName('St. Peter Port')).toBe('saint peter port');
    expect(normalizePlaceName('The Gambia')).toBe('gambia');
  });
});
