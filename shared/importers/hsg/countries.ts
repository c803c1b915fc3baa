/**
 * The Office of the Historian's country ids ("slugs": `<from id="burma">`, `<country id="russia">`)
 * and display texts ("U.S.S.R.", "Dahomey (Benin)") to ISO 3166 alpha-2 codes.
 *
 * Order of the rules, first match wins:
 * 1. SLUG_OVERRIDES: slugs the gazetteer cannot read (typos such as "somoa", abbreviations such as
 *    "antigua-barbuda", old names such as "burma", non-country places such as "hawaii") and the
 *    historical entities under their ISO 3166-3 codes (SU, YU, CS, DD, AN).
 * 2. TEXT_OVERRIDES: the record's text names a historical entity although the slug is a current
 *    country: `<country id="russia">U.S.S.R.</country>` is the Soviet Union, not Russia;
 *    `<country id="serbia">Serbia and Montenegro</country>` is the state coded YU. Only while the
 *    entity existed: the data says "U.S.S.R." for Moscow in 1992 too, which is Russia.
 * 3. DATE_RULES: "vietnam" before reunification (2 July 1976) is South Vietnam (VD): no US
 *    president or secretary went to, nor leader came from, North Vietnam before then.
 * 4. The gazetteer (findCountry) on the de-slugged id, then on the text without its parenthesis
 *    ("Dahomey (Benin)" → "Dahomey"), then on the parenthesis ("Benin").
 * 5. A spelling guess: one edit (insertion, deletion, substitution or swap of neighbours) away
 *    from exactly one country's name. Reported as a warning so a person can check it.
 *
 * Slugs and texts found in the data (2025 snapshot) that need rules 1–3 are listed in the unit
 * tests (tests/unit/importers/hsg-countries.test.ts).
 */
import { COUNTRIES, findCountry, historicalCountry, normalizePlaceName } from '../../places';

export const SLUG_OVERRIDES: Readonly<Record<string, string>> = Object.freeze({
  // Historical entities (ISO 3166-3 former codes, see shared/places/historical.ts).
  'soviet-union': 'SU',
  ussr: 'SU',
  yugoslavia: 'YU',
  'serbia-and-montenegro': 'YU',
  'serbia-montenegro': 'YU',
  czechoslovakia: 'CS',
  'german-democratic-republic': 'DD',
  'east-germany': 'DD',
  'south-vietnam': 'VD',
  'vietnam-south': 'VD',
  'south-yemen': 'YD',
  'yemen-south': 'YD',
  'netherlands-antilles': 'AN',
  // Renamed states: the same state under today's code.
  zaire: 'CD',
  'congo-kinshasa': 'CD',
  'congo-democratic-republic': 'CD',
  'congo-republic': 'CG',
  'congo-brazzaville': 'CG',
  burma: 'MM',
  swaziland: 'SZ',
  macedonia: 'MK',
  'west-germany': 'DE',
  'germany-west': 'DE',
  // Abbreviated or unusual slugs.
  'antigua-barbuda': 'AG',
  'saint-kitts-nevis': 'KN',
  'saint-vincent-grenadines': 'VC',
  'palestinian-authority': 'PS',
  'west-bank': 'PS',
  gaza: 'PS',
  korea: 'KR',
  'korea-south': 'KR',
  'korea-north': 'KP',
  kosovo: 'XK',
  // Typos in the data.
  somoa: 'WS',
  // Not a country: Hawaii was a US territory when presidents "travelled" there (1934).
  hawaii: 'US',
});

/** Normalised record texts (normalizePlaceName) that name a historical entity. */
export const TEXT_OVERRIDES: Readonly<Record<string, string>> = Object.freeze({
  ussr: 'SU',
  'soviet union': 'SU',
  'union of soviet socialist republics': 'SU',
  yugoslavia: 'YU',
  'serbia and montenegro': 'YU',
  'federal republic of yugoslavia': 'YU',
  czechoslovakia: 'CS',
  'german democratic republic': 'DD',
  'east germany': 'DD',
  'south vietnam': 'VD',
  'republic of vietnam': 'VD',
  'netherlands antilles': 'AN',
});

export interface CountryMatch {
  code: string;
  /** How it was found; 'guess' is a spelling guess the caller should report. */
  via: 'slug-override' | 'text-override' | 'date-rule' | 'gazetteer' | 'guess';
}

/** True when `day` is after the historical country's last day. */
function endedBefore(code: string, day: string): boolean {
  const until = historicalCountry(code)?.until;
  return until !== undefined && day !== '' && day > until;
}

function withoutParenthesis(text: string): string {
  return text.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
}

function parenthesis(text: string): string | null {
  const m = /\(([^)]*)\)/.exec(text);
  return m?.[1]?.trim() || null;
}

/** Damerau–Levenshtein distance ≤ 1 (optimal string alignment), without building a matrix. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

let guessNames: { key: string; code: string }[] | null = null;

function guessCountry(name: string): string | null {
  const key = normalizePlaceName(name);
  if (key.length < 5) return null; // "mali" vs "bali": too short to guess safely
  guessNames ??= COUNTRIES.flatMap((c) =>
    [c.name, c.officialName, ...c.altNames].map((n) => ({ key: normalizePlaceName(n), code: c.code })),
  );
  const hits = new Set(guessNames.filter((n) => n.key.length >= 5 && withinOneEdit(key, n.key)).map((n) => n.code));
  return hits.size === 1 ? ([...hits][0] ?? null) : null;
}

/**
 * The ISO code for a record's country slug and text; `day` (YYYY-MM-DD, may be empty) is the
 * record's start, for date-dependent rules. Null when nothing matches.
 */
export function mapHsgCountry(slug: string, text: string, day: string): CountryMatch | null {
  const s = slug.trim().toLowerCase();
  const override = SLUG_OVERRIDES[s];
  if (override) return { code: override, via: 'slug-override' };
  const t = text.trim();
  const textKey = normalizePlaceName(withoutParenthesis(t));
  const byText = TEXT_OVERRIDES[textKey];
  // The text names a historical entity only while it existed: the data still says "U.S.S.R." for
  // trips to Moscow in February 1992, by then Russia (the slug's country).
  if (byText && !endedBefore(byText, day)) return { code: byText, via: 'text-override' };
  if (s === 'vietnam' && day !== '' && !endedBefore('VD', day)) return { code: 'VD', via: 'date-rule' };
  const candidates = [s.replace(/-/g, ' '), withoutParenthesis(t), parenthesis(t) ?? ''];
  for (const c of candidates) {
    if (c === '') continue;
    const hit = findCountry(c);
    if (hit) return { code: hit.code, via: 'gazetteer' };
  }
  for (const c of candidates) {
    if (c === '') continue;
    const guess = guessCountry(c);
    if (guess) return { code: guess, via: 'guess' };
  }
  return null;
}
