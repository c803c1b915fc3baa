/**
 * Place mentions among the tokens: countries (names, official names, abbreviations), gazetteer
 * cities, demonyms ("Iranian"), "the Iranian capital", and metonyms ("the White House", "the
 * Kremlin"). Whether a mention is a destination is decided later, from the words around it.
 */
import { CITIES, COUNTRIES, countryByCode, findCities, findCountry, findCountryByDemonym, normalizePlaceName } from '../places';
import { EXTRA_DEMONYMS, METONYMS, REGIONS } from './lexicon';
import type { Token } from './text';

export interface PlaceMention {
  /** Token range [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  country: string;
  city: string | null;
  kind: 'country' | 'city' | 'demonym' | 'metonym' | 'capital';
  /** Followed by "'s". */
  possessive: boolean;
}

/**
 * The first word of every name the gazetteer knows (countries, cities, demonyms, metonyms), so that
 * the scan can pass over the many capitalised words that cannot start a place name.
 */
/** First word → the most words a known name starting with it has (a place is never looked up longer). */
const FIRST_WORDS = new Map<string, number>();
/** Every run of two or more leading words of a known name ("united", "united arab"): a longer look-up needs one. */
const PREFIXES = new Set<string>();
function addFirstWord(name: string): void {
  const key = normalizePlaceName(name);
  const words = key.split(' ');
  for (let n = 2; n < words.length; n++) PREFIXES.add(words.slice(0, n).join(' '));
  const note = (w: string | undefined, n: number) => {
    if (w) FIRST_WORDS.set(w, Math.max(FIRST_WORDS.get(w) ?? 0, n));
  };
  // "the" before a name ("The Gambia") is dropped by normalisation but is a token of its own.
  note(words[0], words.length + 1);
  const raw = name
    .toLowerCase()
    .replace(/[.]/g, '')
    .split(/[\s-]+/);
  note(raw[0], raw.length + 1);
}
for (const c of COUNTRIES) [c.name, c.officialName, c.code, ...c.altNames, ...c.demonyms].forEach(addFirstWord);
for (const c of CITIES) [c.name, c.asciiName, ...c.altNames].forEach(addFirstWord);
for (const [name] of METONYMS) addFirstWord(name);
for (const name of Object.keys(EXTRA_DEMONYMS)) addFirstWord(name);

const wordMemo = new Map<string, string>();
/** A token as normalisePlaceName writes it (memoised, bounded). */
function tokenWord(t: Token): string {
  const hit = wordMemo.get(t.bare);
  if (hit !== undefined) return hit;
  const value = normalizePlaceName(t.bare);
  if (wordMemo.size > 20000) wordMemo.clear();
  wordMemo.set(t.bare, value);
  return value;
}
/** The words of a run as normalizePlaceName would give them for the whole run. */
function prefixKey(words: string): string {
  return words.replace(/\s+/g, ' ').trim().replace(/^st /, 'saint ').replace(/ st /g, ' saint ').replace(/^the /, '');
}

// Memoised by the word (bounded): a long article asks about the same capitalised words again and again.
const startMemo = new Map<string, number>();
/** How many tokens a place starting at this token may span (0: none starts here). */
function placeWordsFrom(token: Token): number {
  const hit = startMemo.get(token.bare);
  if (hit !== undefined) return hit;
  const w = normalizePlaceName(token.bare).split(' ')[0] ?? '';
  const value = Math.max(
    FIRST_WORDS.get(w) ?? 0,
    FIRST_WORDS.get(token.lower.replace(/[.]/g, '')) ?? 0,
    FIRST_WORDS.get(w.replace(/s$/, '')) ?? 0,
  );
  if (startMemo.size > 20000) startMemo.clear();
  startMemo.set(token.bare, value);
  return value;
}

const metonyms = new Map(METONYMS.map(([name, country, city]) => [normalizePlaceName(name), { country, city }]));
const JOINERS = new Set(['of', 'the', 'and']);

/** "White House", "Kremlin": a building that stands for a government. */
export function isMetonym(text: string): boolean {
  return metonyms.has(normalizePlaceName(text));
}

const memo = new Map<string, string | null>();
function cached(kind: string, text: string, compute: () => string | null): string | null {
  const key = kind + text;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (memo.size > 20000) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

/** Whether the gazetteer knows a city of this name (memoised: asked for every capitalised run). */
export function isCityName(text: string): boolean {
  return cached('c', text, () => (findCities(text).length > 0 ? 'y' : null)) !== null;
}

export function countryOfDemonym(text: string): string | null {
  return cached('d', text, () => demonymRaw(text));
}

function demonymRaw(text: string): string | null {
  const key = text.toLowerCase().replace(/'s$/, '');
  const extra = EXTRA_DEMONYMS[key];
  if (extra) return extra;
  return findCountryByDemonym(text)?.code ?? null;
}

/** A country named by its name, official name or abbreviation; regions and continents are not. */
export function countryOfName(text: string): string | null {
  return cached('n', text, () => countryOfNameRaw(text));
}

function countryOfNameRaw(text: string): string | null {
  if (REGIONS.has(normalizePlaceName(text))) return null;
  return findCountry(text)?.code ?? null;
}

type PlaceHit = Omit<PlaceMention, 'from' | 'to' | 'start' | 'end' | 'text' | 'possessive'>;
// One cache per case, keyed by the text itself: building a combined key cost a string per look-up.
const lookupCache = [new Map<string, PlaceHit | null>(), new Map<string, PlaceHit | null>()] as const;

function lookup(text: string, allCaps: boolean): PlaceHit | null {
  const cache = lookupCache[allCaps ? 1 : 0];
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  if (cache.size > 20000) cache.clear();
  const value = lookupRaw(text, allCaps);
  cache.set(text, value);
  return value;
}

/** Whether a text has a capital A–Z and no lower-case letter (as `s === s.toUpperCase()`, without the copy). */
function isAllCaps(s: string): boolean {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) return false;
    else if (c > 127 && s[i] !== s[i]!.toUpperCase()) return false;
  }
  return upper;
}

/** Abbreviated titles that are also country codes ("PM Khan" is no place). */
const TITLE_ABBREVIATIONS = new Set(['pm', 'fm']);

function lookupRaw(text: string, allCaps: boolean): PlaceHit | null {
  const key = normalizePlaceName(text);
  if (key === '' || REGIONS.has(key) || (allCaps && TITLE_ABBREVIATIONS.has(key))) return null;
  const met = metonyms.get(key);
  if (met) return { country: met.country, city: met.city, kind: 'metonym' };
  const country = findCountry(text);
  if (country) return { country: country.code, city: null, kind: 'country' };
  const city = findCities(text)[0];
  // A one-word city in capitals mid-sentence ("READ", "SHARES") is more likely a label; datelines are handled elsewhere.
  if (city && !(allCaps && text.length <= 3)) return { country: city.country, city: city.name, kind: 'city' };
  const dem = countryOfDemonym(text);
  if (dem) return { country: dem, city: null, kind: 'demonym' };
  return null;
}

/** What a demonym can qualify before "of <name>": "the Finnish city of", "the Afghan border town of". */
const PLACE_NOUNS = new Set([
  'city',
  'town',
  'port',
  'village',
  'resort',
  'region',
  'province',
  'state',
  'island',
  'islands',
  'capital',
  'enclave',
  'border',
  'coastal',
  'seaside',
  'holy',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'ancient',
  'industrial',
  'oil',
]);

/** Every place mention in tokens [from, to), longest first, without overlaps. */
export function findPlaces(text: string, tokens: Token[], from: number, to: number, skip: ReadonlySet<number>): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!t.cap || t.punct || skip.has(i)) continue;
    const words = placeWordsFrom(t);
    if (words === 0) continue;
    // Hyphenated compounds ("India-Brazil-South", "Washington-based") are not places unless the whole is one ("Guinea-Bissau").
    let best: PlaceMention | null = null;
    // The longest run a place name could span: capitalised words and "of", "the", "and" between them.
    let maxJ = i + 1;
    while (maxJ < Math.min(to, i + 6, i + words)) {
      const tk = tokens[maxJ]!;
      const prev = tokens[maxJ - 1]!;
      if (
        tk.punct ||
        tk.newlineBefore ||
        (!tk.cap && !JOINERS.has(tk.lower)) ||
        (prev.poss && maxJ - 1 !== i && !/^people/i.test(prev.text))
      )
        break;
      maxJ++;
    }
    // Grow the run only while its words begin some known name; beyond that no look-up can succeed.
    if (maxJ > i + 2) {
      let words = tokenWord(t);
      let k = i + 2;
      words = `${words} ${tokenWord(tokens[i + 1]!)}`;
      while (k < maxJ && PREFIXES.has(prefixKey(words))) {
        words = `${words} ${tokenWord(tokens[k]!)}`;
        k++;
      }
      maxJ = k;
    }
    for (let j = maxJ; j > i; j--) {
      const last = tokens[j - 1]!;
      if (last.punct || skip.has(j - 1)) continue;
      if (!last.cap && j - i > 1) continue;
      const surface = text.slice(t.start, last.poss ? last.start + last.bare.length : last.end);
      if (j - i === 1 && t.text.includes('-') && !countryOfName(surface) && !isCityName(surface)) break;
      const allCaps = isAllCaps(surface);
      const hit = lookup(surface, allCaps);
      if (!hit) continue;
      // Built field by field in the spread's key order: spreading the cached hit into a literal
      // with more keys was most of this scan's time on long texts.
      best = {
        country: hit.country,
        city: hit.city,
        kind: hit.kind,
        from: i,
        to: j,
        start: t.start,
        end: last.poss ? last.start + last.bare.length : last.end,
        text: surface,
        possessive: last.poss,
      };
      break;
    }
    if (best) {
      // "the Iranian capital": the capital city of the demonym's country.
      const next = tokens[best.to];
      if (best.kind === 'demonym' && next && next.lower === 'capital') {
        const c = countryByCode(best.country);
        best = {
          ...best,
          to: best.to + 1,
          end: next.end,
          text: text.slice(best.start, next.end),
          kind: 'capital',
          city: c?.capital?.name ?? null,
        };
      }
      // "the Finnish city of Rovaniemi", "the Norwegian port city of Bergen": the place named after
      // "of", in the demonym's country, whether or not the gazetteer knows the town.
      if (best.kind === 'demonym') {
        let k = best.to;
        while (k < to && k - best.to < 3 && !tokens[k]!.cap && PLACE_NOUNS.has(tokens[k]!.lower)) k++;
        if (k > best.to && tokens[k]?.lower === 'of' && tokens[k + 1]?.cap && !tokens[k + 1]!.punct) {
          let e = k + 1;
          while (e + 1 < to && e - k < 3 && tokens[e + 1]!.cap && !tokens[e + 1]!.punct && !tokens[e]!.poss) e++;
          const name = text.slice(tokens[k + 1]!.start, tokens[e]!.poss ? tokens[e]!.start + tokens[e]!.bare.length : tokens[e]!.end);
          const known = findCities(name).find((c) => c.country === best!.country);
          best = {
            ...best,
            to: e + 1,
            end: tokens[e]!.end,
            text: text.slice(best.start, tokens[e]!.end),
            kind: 'city',
            city: known?.name ?? name,
            possessive: tokens[e]!.poss,
          };
        }
      }
      out.push(best);
      i = best.to - 1;
    }
  }
  return out;
}
