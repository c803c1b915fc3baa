import { describe, expect, it } from 'vitest';
import { mapHsgCountry } from '../../../shared/importers';
import { HISTORICAL_COUNTRIES, countryName } from '../../../shared/places';

/**
 * Slugs and texts as they appear in the Office of the Historian's XML (2025 snapshot: 199 slugs,
 * 268 slug/text pairs). Listed here: every pair the gazetteer alone cannot read, or would read
 * wrongly, and a sample of the ordinary ones.
 */
const FOUND_IN_DATA: [slug: string, text: string, day: string, code: string][] = [
  // Historical entities: ISO 3166-3 former codes.
  ['russia', 'U.S.S.R.', '1959-09-15', 'SU'],
  ['yugoslavia', 'Yugoslavia', '1963-10-17', 'YU'],
  ['czechoslovakia', 'Czechoslovakia', '1990-02-20', 'CS'],
  ['czechoslovakia', 'Czechoslovakia (government-in-exile)', '1943-05-01', 'CS'],
  ['german-democratic-republic', 'German Democratic Republic', '1988-01-01', 'DD'],
  ['serbia', 'Serbia and Montenegro', '2005-01-01', 'YU'],
  ['netherlands-antilles', 'Netherlands Antilles', '1990-01-01', 'AN'],
  ['vietnam', 'Vietnam', '1966-10-26', 'VD'],
  // …and the same slugs after the entity ended.
  ['russia', 'Russia', '1992-06-15', 'RU'],
  // The data writes "U.S.S.R." for Baker's trips of 1992, after the Soviet Union ended.
  ['russia', 'U.S.S.R.', '1992-02-14', 'RU'],
  ['russia', 'U.S.S.R.', '1991-12-15', 'SU'],
  ['serbia', 'Serbia', '2010-01-01', 'RS'],
  ['vietnam', 'Vietnam', '2000-11-16', 'VN'],
  // Renamed states, old names in the text.
  ['congo-democratic-republic', 'Democratic Republic of the Congo (Zaire)', '1970-08-04', 'CD'],
  ['congo-kinshasa', 'Congo, Democratic Republic of', '2003-11-05', 'CD'],
  ['congo-republic', 'Congo, Republic of', '2006-06-05', 'CG'],
  ['burma', 'Burma (Myanmar)', '1966-09-08', 'MM'],
  ['burma', 'Burma', '1955-06-30', 'MM'],
  ['benin', 'Dahomey (Benin)', '1961-07-01', 'BJ'],
  ['burkina-faso', 'Upper Volta', '1963-01-01', 'BF'],
  ['sri-lanka', 'Ceylon', '1954-01-01', 'LK'],
  ['tanzania', 'Tanganyika', '1963-07-15', 'TZ'],
  ['thailand', 'Siam (Thailand)', '1931-04-28', 'TH'],
  ['cambodia', 'Khmer Republic (Cambodia)', '1972-01-01', 'KH'],
  ['zimbabwe', 'Southern Rhodesia (Zimbabwe)', '1950-01-01', 'ZW'],
  ['belarus', 'Byelorussia', '1990-01-01', 'BY'],
  ['kyrgyzstan', 'Kirghizia', '1991-01-01', 'KG'],
  ['malaysia', 'Malaya', '1960-10-01', 'MY'],
  ['samoa', 'Western Samoa', '1988-01-01', 'WS'],
  ['swaziland', 'Swaziland', '1990-01-01', 'SZ'],
  ['macedonia', 'Macedonia, Former Yugoslav Republic of', '2000-01-01', 'MK'],
  ['turkiye', 'Türkiye', '2023-01-01', 'TR'],
  ['czechia', 'Czechia', '2023-01-01', 'CZ'],
  ['taiwan', 'China, Republic of', '1960-01-01', 'TW'],
  ['china', 'China, People’s Republic of', '1979-01-29', 'CN'],
  ['cote-divoire', 'Cote d’Ivoire', '1990-01-01', 'CI'],
  ['oman', 'Muscat & Oman', '1960-01-01', 'OM'],
  ['holy-see', 'Vatican City', '1989-05-27', 'VA'],
  ['kosovo', 'Yugoslavia (Kosovo)', '1999-06-22', 'XK'],
  ['kosovo', 'Serbia-Montenegro (Kosovo)', '2004-01-01', 'XK'],
  // Abbreviated slugs and typos.
  ['antigua-barbuda', 'Antigua and Barbuda', '1990-01-01', 'AG'],
  ['saint-kitts-nevis', 'St. Christopher and Nevis', '1990-01-01', 'KN'],
  ['saint-vincent-grenadines', 'St. Vincent and the Grenadines', '1990-01-01', 'VC'],
  ['palestinian-authority', 'Palestinian Authority', '1998-12-14', 'PS'],
  ['west-bank', 'West Bank', '2008-01-10', 'PS'],
  ['korea', 'Korea, South', '1950-01-01', 'KR'],
  ['korea-south', 'Korea', '1960-01-01', 'KR'],
  ['korea-north', 'Korea, North', '2018-06-12', 'KP'],
  ['somoa', 'Somoa', '2023-09-25', 'WS'],
  ['niger', 'Niger ', '2010-01-01', 'NE'],
  ['hawaii', 'Hawaii', '1934-07-24', 'US'],
  // Ordinary ones.
  ['united-kingdom', 'United Kingdom (Northern Ireland)', '1998-09-03', 'GB'],
  ['germany', 'Germany, Federal Republic of', '1963-06-23', 'DE'],
  ['france', 'France', '2009-04-03', 'FR'],
  ['antarctica', 'Antarctica', '2000-01-01', 'AQ'],
];

describe('mapHsgCountry', () => {
  it.each(FOUND_IN_DATA)('%s / "%s" (%s) → %s', (slug, text, day, code) => {
    expect(mapHsgCountry(slug, text, day)?.code).toBe(code);
  });

  it('names the slugs the data uses that need a rule of their own (not a guess)', () => {
    for (const [slug, text, day] of FOUND_IN_DATA) expect(mapHsgCountry(slug, text, day)?.via).not.toBe('guess');
  });

  it('reads slugs the data does not use yet: soviet-union, east-germany, zaire', () => {
    expect(mapHsgCountry('soviet-union', 'Soviet Union', '1972-05-22')?.code).toBe('SU');
    expect(mapHsgCountry('east-germany', 'East Germany', '1980-01-01')?.code).toBe('DD');
    expect(mapHsgCountry('zaire', 'Zaire', '1980-01-01')?.code).toBe('CD');
  });

  it('guesses a misspelling one edit away from a single country, and says so', () => {
    expect(mapHsgCountry('argentinia', 'Argentinia', '2000-01-01')).toEqual({ code: 'AR', via: 'guess' });
    expect(mapHsgCountry('portgual', 'Portgual', '2000-01-01')).toEqual({ code: 'PT', via: 'guess' });
  });

  it('returns null for what it cannot read, rather than guessing short names', () => {
    expect(mapHsgCountry('atlantis', 'Atlantis', '2000-01-01')).toBeNull();
    expect(mapHsgCountry('mala', 'Mala', '2000-01-01')).toBeNull();
  });

  it('the historical codes have names the app shows (countryName falls back to HISTORICAL_COUNTRIES)', () => {
    expect(countryName('SU')).toBe('Soviet Union');
    expect(countryName('YU')).toBe('Yugoslavia');
    expect(countryName('CS')).toBe('Czechoslovakia');
    expect(countryName('DD')).toBe('East Germany');
    expect(countryName('VD')).toBe('South Vietnam');
    expect(countryName('FR')).toBe('France');
    for (const h of HISTORICAL_COUNTRIES) expect(h.code).toMatch(/^[A-Z]{2}$/);
  });
});
