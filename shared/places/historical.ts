/**
 * Countries that no longer exist, under the two-letter codes that ISO 3166-3 reserved for them
 * (their former ISO 3166-1 alpha-2 codes) or that common practice uses. The gazetteer holds
 * today's countries only; historical records (the Office of the Historian's data, old articles)
 * still need to say "Soviet Union" rather than pretend it was Russia.
 *
 * Codes are chosen so they never clash with a current ISO 3166-1 code. Czechoslovakia keeps CS
 * (its code until 1993); Serbia and Montenegro (2003–2006, also briefly CS) is recorded as YU,
 * the code the same state used as the Federal Republic of Yugoslavia until 2003.
 */
export interface HistoricalCountry {
  readonly code: string;
  readonly name: string;
  /** Other names records use. */
  readonly altNames: readonly string[];
  /** Years the entity existed (for display and sanity checks). */
  readonly from: number;
  readonly to: number;
  /** Its last day (YYYY-MM-DD): a record dated later cannot be about it. */
  readonly until: string;
  /** Today's countries on (most of) its territory. */
  readonly successors: readonly string[];
}

export const HISTORICAL_COUNTRIES: readonly HistoricalCountry[] = Object.freeze([
  {
    code: 'SU',
    name: 'Soviet Union',
    altNames: ['USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics'],
    from: 1922,
    to: 1991,
    until: '1991-12-25',
    successors: ['RU', 'UA', 'BY', 'KZ', 'UZ', 'GE', 'AM', 'AZ', 'MD', 'LT', 'LV', 'EE', 'KG', 'TJ', 'TM'],
  },
  {
    code: 'YU',
    name: 'Yugoslavia',
    altNames: ['Federal Republic of Yugoslavia', 'Serbia and Montenegro', 'Socialist Federal Republic of Yugoslavia'],
    from: 1918,
    to: 2006,
    until: '2006-06-04',
    successors: ['RS', 'ME', 'HR', 'SI', 'BA', 'MK', 'XK'],
  },
  {
    code: 'CS',
    name: 'Czechoslovakia',
    altNames: ['Czecho-Slovakia'],
    from: 1918,
    to: 1992,
    until: '1992-12-31',
    successors: ['CZ', 'SK'],
  },
  {
    code: 'DD',
    name: 'East Germany',
    altNames: ['German Democratic Republic', 'GDR', 'DDR'],
    from: 1949,
    to: 1990,
    until: '1990-10-02',
    successors: ['DE'],
  },
  { code: 'VD', name: 'South Vietnam', altNames: ['Republic of Vietnam'], from: 1955, to: 1976, until: '1976-07-01', successors: ['VN'] },
  {
    code: 'YD',
    name: 'South Yemen',
    altNames: ["People's Democratic Republic of Yemen"],
    from: 1967,
    to: 1990,
    until: '1990-05-21',
    successors: ['YE'],
  },
  { code: 'AN', name: 'Netherlands Antilles', altNames: [], from: 1954, to: 2010, until: '2010-10-09', successors: ['CW', 'SX', 'BQ'] },
]);

const byCode = new Map(HISTORICAL_COUNTRIES.map((c) => [c.code, c]));

/** The historical country with this code, or null. */
export function historicalCountry(code: string): HistoricalCountry | null {
  return byCode.get(code.trim().toUpperCase()) ?? null;
}
