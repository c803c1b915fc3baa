/**
 * Comparing person names across spellings: "Kadhemi" = "al-Kadhimi" = "Mustafa al-Kadhemi",
 * "Pena Nieto" = "Peña Nieto", "Al Thani" = "Al-Thani", "Isias" = "Isaias". Names are folded
 * (case, accents, apostrophes, hyphens), Arabic article prefixes ("al-", "el-") are dropped, and
 * each token gets a vowel-insensitive skeleton for transliteration variants.
 */
import { HONORIFICS } from '../people/names';
import { ARABIC_ARTICLES, foldForSearch } from '../text/fold';
import type { KnownPerson } from './types';

/** Arabic articles ("al-", "el-", "ash-"): the one list, in shared/text/fold.ts. */
const ARTICLES = ARABIC_ARTICLES;

// Name comparison runs for every pair of mentions; folding is memoised (bounded) to keep long articles fast.
const foldCache = new Map<string, string>();
const tokenCache = new Map<string, string[]>();
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size > 5000) cache.clear();
  cache.set(key, value);
  return value;
}

/** Lower case, no accents, apostrophes removed, hyphens and dots as spaces. */
export function foldName(name: string): string {
  const hit = foldCache.get(name);
  if (hit !== undefined) return hit;
  return remember(foldCache, name, foldRaw(name));
}

function foldRaw(name: string): string {
  return foldForSearch(name)
    .replace(/['`´’‘ʼʻ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The tokens a name is compared by: folded, without honorifics and article prefixes. */
export function nameTokens(name: string): string[] {
  const hit = tokenCache.get(name);
  if (hit !== undefined) return hit;
  return remember(tokenCache, name, nameTokensRaw(name));
}

function nameTokensRaw(name: string): string[] {
  const tokens = foldName(name)
    .split(' ')
    .filter((t) => t !== '');
  while (tokens.length > 1 && HONORIFICS.has(tokens[0]!)) tokens.shift();
  return tokens.filter((t, i) => !(ARTICLES.has(t) && i < tokens.length - 1));
}

/** Consonant skeleton: "kadhemi" and "kadhimi" → "kdhm"; doubled letters collapse ("isaias" = "isias"). */
export function skeleton(token: string): string {
  const s = token.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
  return s === '' ? token : s;
}

function tokenEqual(a: string, b: string): boolean {
  if (a === b) return true;
  // Skeletons only for tokens long enough to carry a spelling; "li" and "le" must not match.
  return a.length >= 4 && b.length >= 4 && a[0] === b[0] && skeleton(a) === skeleton(b);
}

/** Same name, allowing transliteration variants: every token of the shorter is in the longer, in order. */
export function namesEqual(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (ta.length === tb.length && ta.every((t, i) => tokenEqual(t, tb[i]!))) return true;
  // "Mohammed Salman" and "Mohammed bin Salman": the "son of" particle is often left out; two names at least.
  const pa = ta.filter((t) => !PATRONYMIC.has(t));
  const pb = tb.filter((t) => !PATRONYMIC.has(t));
  return (
    pa.length >= 2 &&
    pa.length === pb.length &&
    (pa.length !== ta.length || pb.length !== tb.length) &&
    pa.every((t, i) => tokenEqual(t, pb[i]!))
  );
}

const PATRONYMIC = new Set(['bin', 'ibn', 'bint', 'ben']);

/**
 * Could `short` be a shortened form of `full`? "Kadhemi" of "Mustafa al-Kadhemi", "Pena Nieto" of
 * "Enrique Peña Nieto", "Al Thani" of "Tamim bin Hamad Al-Thani", "Isaias" of "Isaias Afwerki".
 * Tokens after "bin"/"ibn" (a father's name) do not count alone: "Salman" is not "Mohammad bin Salman".
 */
export function isShortFormOf(short: string, full: string): boolean {
  const ts = nameTokens(short);
  const tf = nameTokens(full);
  if (ts.length === 0 || ts.length > tf.length) return false;
  if (ts.length === tf.length) return ts.every((t, i) => tokenEqual(t, tf[i]!));
  // A contiguous run of the full name's tokens.
  for (let i = 0; i + ts.length <= tf.length; i++) {
    if (ts.every((t, k) => tokenEqual(t, tf[i + k]!))) {
      const before = tf[i - 1];
      if (ts.length === 1 && (before === 'bin' || before === 'ibn' || before === 'bint')) continue;
      return true;
    }
  }
  // "Al Thani" where the full name has the article glued on ("Al-Thani" folds the same way).
  if (ts.length < 2) return false;
  const shortJoined = foldName(short).replace(/ /g, '');
  return tf.some((t) => t === shortJoined);
}

/** Initials of a full name ("Emmerson Mnangagwa" → "EM"), for articles that use them as a short form. */
export function initialsOf(full: string): string {
  return nameTokens(full)
    .filter((t) => !['bin', 'ibn', 'bint', 'de', 'da', 'van', 'von', 'der'].includes(t))
    .map((t) => t[0]!.toUpperCase())
    .join('');
}

/**
 * The known person a name refers to: equal to a name or alias, or a short form of exactly one
 * person's name or alias. Null when nobody or several people match.
 */
export function matchKnownPerson(name: string, known: readonly KnownPerson[]): KnownPerson | null {
  const exact = known.filter((p) => [p.name, ...p.aliases].some((n) => namesEqual(n, name)));
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) return null;
  const partial = known.filter((p) => [p.name, ...p.aliases].some((n) => isShortFormOf(name, n) || isShortFormOf(n, name)));
  return partial.length === 1 ? partial[0]! : null;
}
