/**
 * Text folding for search: the index and the query go through the same steps, so that spellings
 * analysts meet in the wild compare equal — "Kādhimī" = "Kadhimi", "al-Kadhimi" = "Kadhimi",
 * "Kadhemi's" = "Kadhemi", "U.S." = "US". Typos ("Kadhemi" for "Kadhimi") are left to the
 * index's fuzzy matching (one edit), not folded here. The folding itself is shared/text/fold.ts.
 */
import { ARABIC_ARTICLES, foldForSearch } from '../text/fold';

/**
 * Splits text into words: letters and digits, everything else separates. Dotted abbreviations
 * are closed up first ("U.S." → "US") and possessive "'s" dropped ("Kadhemi's" → "Kadhemi").
 */
export function tokenize(text: string): string[] {
  let t = text;
  if (t.includes('.')) t = t.replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  if (/['’ʼ]/.test(t)) t = t.replace(/['’ʼ]s\b/gu, '');
  return t.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * One word as the index stores it (and a query looks it up): folded, or null to skip it.
 * Skipped: Arabic article particles (only "kadhimi" of "al-Kadhimi" identifies anyone) and
 * single letters other than digits (left over from initials and possessives).
 */
export function processTerm(term: string): string | null {
  const cached = termCache.get(term);
  if (cached !== undefined) return cached;
  const t = processUncached(term);
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(term, t);
  return t;
}

/** Words repeat a lot (names, places, statuses): folding each distinct spelling once saves most of the work. */
const TERM_CACHE_SIZE = 200_000;
const termCache = new Map<string, string | null>();

function processUncached(term: string): string | null {
  const t = /^[\x20-\x7e]*$/.test(term) ? term.toLowerCase() : foldForSearch(term);
  if (t === '') return null;
  if (ARABIC_ARTICLES.has(t)) return null;
  if (t.length === 1 && !/\d/.test(t)) return null;
  return t;
}

/** The words of a query as the index will look them up (for display and for "no matches for …"). */
export function queryTerms(query: string): string[] {
  return tokenize(query)
    .map(processTerm)
    .filter((t): t is string => t !== null);
}

export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Splits text into segments, marking the words whose folded form is one of `terms` (the index
 * terms a hit matched, which for prefix and fuzzy hits differ from what was typed). Pure string
 * work: the screen renders segments as text, never as HTML.
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  if (terms.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  const wanted = new Set(terms);
  const segments: TextSegment[] = [];
  const word = /[\p{L}\p{N}]+/gu;
  let last = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const folded = processTerm(m[0]);
    if (folded === null || !wanted.has(folded)) continue;
    if (m.index > last) segments.push({ text: text.slice(last, m.index), match: false });
    segments.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/**
 * A short excerpt of a long text around the first matched word (or its start), whole words, with
 * an ellipsis where it was cut. `width` is in characters.
 */
export function excerpt(text: string, terms: readonly string[], width = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const wanted = new Set(terms);
  const word = /[\p{L}\p{N}]+/gu;
  let at = 0;
  for (let m = word.exec(flat); m; m = word.exec(flat)) {
    const folded = processTerm(m[0]);
    if (folded !== null && wanted.has(folded)) {
      at = m.index;
      break;
    }
  }
  let from = Math.max(0, at - Math.floor(width / 3));
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    from = space === -1 || space > at ? from : space + 1;
  }
  let to = Math.min(flat.length, from + width);
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > at) to = space;
  }
  return `${from > 0 ? '…' : ''}${flat.slice(from, to)}${to < flat.length ? '…' : ''}`;
}
